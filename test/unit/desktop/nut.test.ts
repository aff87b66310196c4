// X display names → where the X server listens, and the clear error instead of libnut's segfault. Node only.
import { describe, expect, it } from 'vitest';
import { loadNut, xServerAddresses } from '../../../src/desktop/nut.js';

describe('xServerAddresses', () => {
  it.each([
    [':0', [{ path: '/tmp/.X11-unix/X0' }, { path: '\0/tmp/.X11-unix/X0' }]],
    [':12.0', [{ path: '/tmp/.X11-unix/X12' }, { path: '\0/tmp/.X11-unix/X12' }]],
    ['unix:3', [{ path: '/tmp/.X11-unix/X3' }, { path: '\0/tmp/.X11-unix/X3' }]],
    ['localhost:10.0', [{ host: 'localhost', port: 6010 }]],
  ])('%s → %j', (display, expected) => {
    expect(xServerAddresses(display)).toEqual(expected);
  });

  it('rejects a name that is not an X display', () => {
    expect(() => xServerAddresses('wayland-0')).toThrow(/not an X11 display name/);
  });
});

describe.runIf(process.platform === 'linux')('loadNut', () => {
  it('refuses a display nobody listens on, instead of letting libnut crash the process', async () => {
    const saved = process.env.DISPLAY;
    process.env.DISPLAY = ':65000';
    try {
      await expect(loadNut()).rejects.toThrow(/Cannot reach the X server at DISPLAY=:65000/);
    } finally {
      if (saved === undefined) delete process.env.DISPLAY;
      else process.env.DISPLAY = saved;
    }
  });
});
