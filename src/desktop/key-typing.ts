// Typing key by key, for windows that do not take a clipboard paste (terminals read Ctrl+V as a control character).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Nut } from './nut.js';

/** Gap between keystrokes: fast enough for a sentence, slow enough that terminals and remote apps keep up. */
const KEY_DELAY_MS = 8;
/**
 * For characters outside the keymap xdotool binds a spare keycode, types it, and unbinds it; a busy app that reads
 * the key after the unbind drops it, so such chunks go slower.
 */
const REMAPPED_KEY_DELAY_MS = 40;

/**
 * Characters per `xdotool type` call. A stop takes effect between calls and never kills xdotool, which would leave
 * the key it was pressing held down (and its remapped spare keycode in place); 6 keys take about 50 ms.
 */
const KEYS_PER_CALL = 6;

/** Types with `xdotool type`, which maps any Unicode character to a spare keycode; false when xdotool is missing. */
async function typeWithXdotool(text: string, signal: AbortSignal): Promise<boolean> {
  const characters = Array.from(text);
  for (let start = 0; start < characters.length; start += KEYS_PER_CALL) {
    signal.throwIfAborted();
    const chunk = characters.slice(start, start + KEYS_PER_CALL).join('');
    const delay = /^[\x20-\x7e\n\t]*$/.test(chunk) ? KEY_DELAY_MS : REMAPPED_KEY_DELAY_MS;
    // The text goes over stdin (`--file -`), never on the command line: any local user can read /proc/PID/cmdline,
    // and typed text may be a secret.
    const child = spawn('xdotool', ['type', '--delay', String(delay), '--file', '-'], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(chunk);
    try {
      const [code] = (await once(child, 'exit')) as [number | null];
      if (code !== 0) throw new Error(`xdotool type exited with ${String(code)}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
  signal.throwIfAborted();
  return true;
}

/** Types `text` key by key: xdotool on X11 (exact for Unicode), else nut-js's keyboard (ASCII only is reliable). */
export async function typeByKeys(text: string, nut: Nut, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (process.platform === 'linux' && (await typeWithXdotool(text, signal))) return;
  signal.throwIfAborted();
  await nut.keyboard.type(text);
}
