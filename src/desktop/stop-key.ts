// The global stop key on X11 (Ctrl+Shift+Escape), heard from any window: while the agent drives the mouse, the
// terminal or browser tab that started the run rarely has focus. Listens to XI2 raw key events through `xinput`,
// which sees keys without grabbing them. Node only.
import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const STOP_KEY_LABEL = 'Ctrl+Shift+Escape';

/** The keycodes of the stop chord's keys on this keyboard layout. */
export interface StopChordKeycodes {
  escape: ReadonlySet<number>;
  control: ReadonlySet<number>;
  shift: ReadonlySet<number>;
}

const KEYCODE_LINE = /^keycode\s+(\d+)\s*=\s*(.*)$/;

/** Reads `xmodmap -pke`: every keycode whose keysyms include Escape, Control_L/R or Shift_L/R. */
export function parseStopChordKeycodes(xmodmap: string): StopChordKeycodes {
  const escape = new Set<number>();
  const control = new Set<number>();
  const shift = new Set<number>();
  for (const line of xmodmap.split('\n')) {
    const match = KEYCODE_LINE.exec(line.trim());
    if (!match) continue;
    const keycode = Number(match[1]);
    const keysyms = new Set((match[2] ?? '').split(/\s+/));
    if (keysyms.has('Escape')) escape.add(keycode);
    if (keysyms.has('Control_L') || keysyms.has('Control_R')) control.add(keycode);
    if (keysyms.has('Shift_L') || keysyms.has('Shift_R')) shift.add(keycode);
  }
  return { escape, control, shift };
}

/**
 * Follows `xinput test-xi2 --root` line by line: an `EVENT type 13 (RawKeyPress)` or `14 (RawKeyRelease)` header,
 * then its `detail:` line with the keycode. `feed` returns true when Escape goes down while a Control and a Shift
 * key are held.
 */
export function createStopChordTracker(keycodes: StopChordKeycodes): { feed(line: string): boolean } {
  const held = new Set<number>();
  let pending: 'press' | 'release' | null = null;
  const holdsAny = (keys: ReadonlySet<number>) => [...keys].some((keycode) => held.has(keycode));
  return {
    feed(line) {
      const trimmed = line.trim();
      if (trimmed.startsWith('EVENT type')) {
        pending = trimmed.includes('(RawKeyPress)') ? 'press' : trimmed.includes('(RawKeyRelease)') ? 'release' : null;
        return false;
      }
      const detail = /^detail:\s*(\d+)/.exec(trimmed);
      if (!detail || pending === null) return false;
      const keycode = Number(detail[1]);
      const kind = pending;
      pending = null;
      if (kind === 'release') {
        held.delete(keycode);
        return false;
      }
      held.add(keycode);
      return keycodes.escape.has(keycode) && holdsAny(keycodes.control) && holdsAny(keycodes.shift);
    },
  };
}

export interface StopKeyListener {
  /** Resolves once the listener hears keys, or with why it cannot (tools missing, no X display). */
  ready: Promise<{ ok: true } | { ok: false; message: string }>;
  dispose(): void;
}

/**
 * Calls `onPressed` each time the stop chord goes down anywhere on the X display `env.DISPLAY`. The agent's own
 * key presses are heard too: a model that presses Ctrl+Shift+Escape stops its run, which errs on the safe side.
 */
export function listenForStopKey(env: NodeJS.ProcessEnv, onPressed: () => void): StopKeyListener {
  let child: ReturnType<typeof spawn> | null = null;
  let disposed = false;
  const unavailable = (reason: string) => ({
    ok: false as const,
    message: `The global stop key ${STOP_KEY_LABEL} is off: ${reason}.`,
  });
  const ready = (async () => {
    if (!env.DISPLAY) return unavailable('DISPLAY is not set');
    const keymap = await execFileAsync('xmodmap', ['-pke'], { env, timeout: 2000 }).catch(
      (error: NodeJS.ErrnoException & { stderr?: string }) => error,
    );
    if (keymap instanceof Error) {
      if (keymap.code === 'ENOENT') return unavailable('xmodmap is not installed (apt install x11-xserver-utils)');
      return unavailable(`xmodmap failed (${(keymap.stderr?.trim() || keymap.message).split('\n')[0]})`);
    }
    const keycodes = parseStopChordKeycodes(keymap.stdout);
    if (keycodes.escape.size === 0) return unavailable('this keyboard layout has no Escape key');
    if (disposed) return { ok: true as const };
    const started = spawn('xinput', ['test-xi2', '--root'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    const tracker = createStopChordTracker(keycodes);
    createInterface({ input: started.stdout }).on('line', (line) => {
      if (tracker.feed(line)) onPressed();
    });
    return new Promise<{ ok: true } | { ok: false; message: string }>((resolve) => {
      started.once('error', (error: NodeJS.ErrnoException) =>
        resolve(
          unavailable(
            error.code === 'ENOENT'
              ? 'xinput is not installed (apt install xinput)'
              : `xinput failed (${error.message})`,
          ),
        ),
      );
      started.once('exit', (code) => resolve(unavailable(`xinput exited with code ${code}`)));
      // xinput prints nothing until a key moves; a spawned process that is still alive shortly after is listening.
      setTimeout(() => resolve({ ok: true }), 300).unref();
    });
  })();
  return {
    ready,
    dispose() {
      disposed = true;
      child?.kill();
    },
  };
}
