// Deskhand drives X11. In a Wayland session DISPLAY still works (XWayland), but screenshots show only XWayland
// windows and input reaches only them: the model would act on a screen that is not the user's. Node only.
import { DesktopSetupError } from './errors.js';

/** Why this desktop session cannot be driven, or null when it can (X11, or Wayland allowed explicitly). */
export function waylandSessionProblem(env: NodeJS.ProcessEnv): string | null {
  if (env.DESKHAND_ALLOW_WAYLAND === '1') return null;
  const sessionType = env.XDG_SESSION_TYPE?.toLowerCase();
  if (sessionType === 'x11' || (sessionType !== 'wayland' && !env.WAYLAND_DISPLAY)) return null;
  const evidence = sessionType === 'wayland' ? 'XDG_SESSION_TYPE=wayland' : `WAYLAND_DISPLAY=${env.WAYLAND_DISPLAY}`;
  return (
    `This is a Wayland session (${evidence}). Deskhand sees and drives X11 only: screenshots would show only ` +
    'XWayland windows and clicks would reach only them. Log in to an X11 session (on Ubuntu, choose ' +
    '"Ubuntu on Xorg" at the login screen), or set DESKHAND_ALLOW_WAYLAND=1 to drive XWayland windows anyway.'
  );
}

export function assertX11Session(env: NodeJS.ProcessEnv): void {
  const problem = waylandSessionProblem(env);
  if (problem) throw new DesktopSetupError(problem);
}
