// Typing key by key, for windows that do not take a clipboard paste (terminals read Ctrl+V as a control character).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Nut } from './nut.js';

/** Gap between keystrokes: fast enough for a sentence, slow enough that terminals and remote apps keep up. */
const KEY_DELAY_MS = 8;

/** Types with `xdotool type`, which maps any Unicode character to a spare keycode; false when xdotool is missing. */
async function typeWithXdotool(text: string, signal: AbortSignal): Promise<boolean> {
  const child = spawn('xdotool', ['type', '--delay', String(KEY_DELAY_MS), '--', text], { stdio: 'ignore' });
  const stop = () => child.kill();
  signal.addEventListener('abort', stop, { once: true });
  try {
    const [code] = (await once(child, 'exit')) as [number | null];
    signal.throwIfAborted();
    if (code !== 0) throw new Error(`xdotool type exited with ${String(code)}`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/** Types `text` key by key: xdotool on X11 (exact for Unicode), else nut-js's keyboard (ASCII only is reliable). */
export async function typeByKeys(text: string, nut: Nut, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (process.platform === 'linux' && (await typeWithXdotool(text, signal))) return;
  signal.throwIfAborted();
  await nut.keyboard.type(text);
}
