// Starts a private X desktop for tests: the task suite's Xvfb on a free display number plus openbox. Node only.
import { startVirtualDesktop, xDisplayEnv } from '../../src/suite/virtual-desktop.js';

/** A running X desktop. Pass `env` to child processes; set process.env.DISPLAY = display before nut-js loads. */
export interface XDesktop {
  /** The X display, e.g. ":3". */
  display: string;
  /** process.env with DISPLAY set to this desktop. */
  env: NodeJS.ProcessEnv;
  /** Stops openbox and Xvfb and waits for both to exit. */
  stop(): Promise<void>;
}

export interface XDesktopOptions {
  /** Screen size in pixels (default 1920×1080). */
  width?: number;
  height?: number;
}

/** Starts Xvfb (24-bit, no TCP) and openbox, which is needed for clicks to move keyboard focus. Sets nothing global. */
export async function startXDesktop(options: XDesktopOptions = {}): Promise<XDesktop> {
  const desktop = await startVirtualDesktop({ width: options.width ?? 1920, height: options.height ?? 1080 });
  return { display: desktop.display, env: xDisplayEnv(desktop.display), stop: () => desktop.stop() };
}
