// Lazy, configured nut-js: importing src/desktop opens no X connection until input or capture is used. Node only.
import { connect } from 'node:net';
import { DesktopSetupError } from './errors.js';

/** The nut-js module namespace. */
export type Nut = typeof import('@nut-tree-fork/nut-js');

const X_PROBE_TIMEOUT_MS = 2000;
let loading: Promise<Nut> | undefined;

/** Where an X11 DISPLAY value listens: local sockets (file, then abstract) for ":N", TCP port 6000+N for "host:N". */
export function xServerAddresses(display: string): ({ path: string } | { host: string; port: number })[] {
  const match = /^([^:]*):(\d+)(\.\d+)?$/.exec(display);
  if (!match) throw new DesktopSetupError(`DISPLAY="${display}" is not an X11 display name like ":0"`);
  const [, host = '', number = '0'] = match;
  if (host !== '' && host !== 'unix') return [{ host, port: 6000 + Number(number) }];
  const path = `/tmp/.X11-unix/X${number}`;
  return [{ path }, { path: `\0${path}` }];
}

function probe(address: { path: string } | { host: string; port: number }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const socket = connect(address);
    const finish = (error?: Error) => {
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    socket.setTimeout(X_PROBE_TIMEOUT_MS, () => finish(new Error('timed out')));
    socket.once('error', finish);
    socket.once('connect', () => finish());
  });
}

/** libnut segfaults when it cannot open the display, so the X server is checked first, with a clear error. */
async function assertXServerReachable(display: string | undefined): Promise<void> {
  if (!display) {
    throw new DesktopSetupError(
      'DISPLAY is not set: run Deskhand inside an X11 session (or XWayland), e.g. DISPLAY=:0',
    );
  }
  const reasons: string[] = [];
  for (const address of xServerAddresses(display)) {
    try {
      return await probe(address);
    } catch (error) {
      reasons.push(error instanceof Error ? error.message : String(error));
    }
  }
  throw new DesktopSetupError(
    `Cannot reach the X server at DISPLAY=${display} (${reasons.join('; ')}). Is the X session running? Check DISPLAY.`,
  );
}

/**
 * Imports nut-js on first use and turns off its built-in pacing (100–300 ms between events by default).
 * libnut opens the X connection with the DISPLAY of that moment, so set DISPLAY before the first call.
 */
export function loadNut(): Promise<Nut> {
  loading ??= (async () => {
    if (process.platform === 'linux') await assertXServerReachable(process.env.DISPLAY);
    const nut = await import('@nut-tree-fork/nut-js');
    nut.mouse.config.autoDelayMs = 0;
    nut.mouse.config.mouseSpeed = 100_000;
    nut.keyboard.config.autoDelayMs = 0;
    return nut;
  })();
  loading.catch(() => (loading = undefined));
  return loading;
}
