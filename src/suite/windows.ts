// Finds, places and reads app windows with xdotool, so tasks start at a fixed geometry and checks read titles. Node only.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sleep } from '../abortable.js';

const execFileAsync = promisify(execFile);
const TOOL_TIMEOUT_MS = 5000;
const WINDOW_TIMEOUT_MS = 30_000;

/** A window's place on screen in pixels: where the frame's top-left corner goes and, unless kept, the client's size. */
export interface WindowPlacement {
  x: number;
  y: number;
  width?: number;
  height?: number;
}

/** Window operations on one X display. */
export class XWindows {
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** Ids of the visible windows whose WM_CLASS matches `className` (a regular expression, as xdotool takes it). */
  async find(className: string): Promise<string[]> {
    const stdout = await this.xdotool(['search', '--onlyvisible', '--class', className]).catch(() => '');
    return stdout.split('\n').filter((line) => /^\d+$/.test(line));
  }

  /** Waits until a visible window of `className` exists, and returns the newest one's id. */
  async waitFor(className: string, timeoutMs = WINDOW_TIMEOUT_MS): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ids = await this.find(className);
      if (ids.length > 0) return ids.at(-1)!;
      await sleep(100);
    }
    throw new Error(`No ${className} window appeared within ${timeoutMs / 1000} s; is it installed?`);
  }

  /** Moves and resizes the window and gives it focus, then waits until the size has taken effect. */
  async place(id: string, placement: WindowPlacement): Promise<void> {
    const { x, y, width, height } = placement;
    const resize = width !== undefined && height !== undefined;
    const sizeArgs = resize ? ['windowsize', id, String(width), String(height)] : [];
    await this.xdotool([...sizeArgs, 'windowmove', id, String(x), String(y)]);
    await this.xdotool(['windowactivate', '--sync', id]).catch(() => this.xdotool(['windowfocus', id]));
    const deadline = Date.now() + TOOL_TIMEOUT_MS;
    while (resize && Date.now() < deadline && !(await this.sizeIs(id, width, height))) await sleep(50);
  }

  /** The window's title (_NET_WM_NAME or WM_NAME). */
  async title(id: string): Promise<string> {
    return (await this.xdotool(['getwindowname', id])).replace(/\n$/, '');
  }

  /** Presses a key chord in the window (after focusing it), e.g. to quit an app so that it saves its settings. */
  async pressIn(id: string, chord: string): Promise<void> {
    await this.xdotool(['windowactivate', '--sync', id, 'key', '--clearmodifiers', chord]);
  }

  private async sizeIs(id: string, width: number, height: number): Promise<boolean> {
    const stdout = await this.xdotool(['getwindowgeometry', id]).catch(() => '');
    return stdout.includes(`Geometry: ${width}x${height}`);
  }

  private async xdotool(args: string[]): Promise<string> {
    const { stdout } = await execFileAsync('xdotool', args, {
      env: this.env,
      timeout: TOOL_TIMEOUT_MS,
      encoding: 'utf8',
    });
    return stdout;
  }
}
