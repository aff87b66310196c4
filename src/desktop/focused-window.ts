// The class of the window that has keyboard focus (X11, through xdotool); null where it cannot be known. Node only.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const XDOTOOL_TIMEOUT_MS = 1000;

/** WM_CLASS's class part (e.g. "XTerm", "Gnome-terminal") of the focused window; null off X11 or without xdotool. */
export async function focusedWindowClass(): Promise<string | null> {
  if (process.platform !== 'linux' || !process.env.DISPLAY) return null;
  try {
    const { stdout } = await execFileAsync('xdotool', ['getwindowfocus', 'getwindowclassname'], {
      timeout: XDOTOOL_TIMEOUT_MS,
    });
    return stdout.trim() || null;
  } catch {
    return null;
  }
}
