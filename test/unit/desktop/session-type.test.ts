// Which desktop sessions Deskhand refuses to drive: Wayland, unless allowed. Node only.
import { describe, expect, it } from 'vitest';
import { waylandSessionProblem } from '../../../src/desktop/session-type.js';

describe('waylandSessionProblem', () => {
  it.each<NodeJS.ProcessEnv>([
    { DISPLAY: ':0' },
    { DISPLAY: ':0', XDG_SESSION_TYPE: 'x11' },
    // An X11 session whose terminal happens to carry a nested compositor's variable is still X11.
    { DISPLAY: ':0', XDG_SESSION_TYPE: 'x11', WAYLAND_DISPLAY: 'wayland-1' },
    { DISPLAY: ':0', XDG_SESSION_TYPE: 'wayland', DESKHAND_ALLOW_WAYLAND: '1' },
  ])('drives %j', (env) => {
    expect(waylandSessionProblem(env)).toBeNull();
  });

  it.each<[NodeJS.ProcessEnv, string]>([
    [{ DISPLAY: ':0', XDG_SESSION_TYPE: 'wayland' }, 'XDG_SESSION_TYPE=wayland'],
    [{ DISPLAY: ':0', XDG_SESSION_TYPE: 'Wayland' }, 'XDG_SESSION_TYPE=wayland'],
    [{ DISPLAY: ':0', WAYLAND_DISPLAY: 'wayland-0' }, 'WAYLAND_DISPLAY=wayland-0'],
    [{ DISPLAY: ':0', XDG_SESSION_TYPE: 'wayland', DESKHAND_ALLOW_WAYLAND: 'yes' }, 'XDG_SESSION_TYPE=wayland'],
  ])('refuses %j, naming %s and what to do', (env, evidence) => {
    const problem = waylandSessionProblem(env);
    expect(problem).toContain(`This is a Wayland session (${evidence})`);
    expect(problem).toContain('Log in to an X11 session');
    expect(problem).toContain('DESKHAND_ALLOW_WAYLAND=1');
  });
});
