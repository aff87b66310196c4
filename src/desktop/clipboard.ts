// Text entry by clipboard paste with the previous clipboard restored (xclip on X11, nut-js elsewhere). Node only.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { loadNut } from './nut.js';
import { sleep } from '../abortable.js';
import { DesktopSetupError } from './errors.js';

const execFileAsync = promisify(execFile);
const XCLIP_TIMEOUT_MS = 2000;
/** How long an app may take to ask for the pasted text before it counts as not having taken the paste. */
const PASTE_REQUEST_TIMEOUT_MS = 1500;
/** Quiet time after a read before typing counts as done. */
const PASTE_QUIET_MS = 150;
/**
 * Quiet time after the last read of a paste before the clipboard is restored. Chromium reads twice per paste, the
 * second time after the page's paste handlers ran, so a busy page or machine can put a long gap between the reads.
 */
const LATE_READ_QUIET_MS = 1000;
/** The restore waits no longer than this for the reads of a paste to stop. */
const LATE_READ_LIMIT_MS = 5000;
/** Without xclip's request log (macOS, Windows), restore after this long. */
const BLIND_RESTORE_DELAY_MS = 300;
const TEXT_TARGETS = ['UTF8_STRING', 'text/plain;charset=utf-8', 'STRING', 'TEXT', 'text/plain'];
const RESTORABLE_TARGETS = [...TEXT_TARGETS, 'image/png'];

/** What the clipboard held before a paste: the best restorable X selection target and its bytes. */
export interface SavedClipboard {
  target: string;
  data: Buffer;
}

/** Presses the paste chord (Ctrl+V, or Cmd+V on macOS). */
export type PressPaste = (signal: AbortSignal) => Promise<void>;

function xclip(args: string[]): Promise<Buffer> {
  return execFileAsync('xclip', ['-selection', 'clipboard', ...args], {
    encoding: 'buffer',
    timeout: XCLIP_TIMEOUT_MS,
    maxBuffer: 256 * 1024 * 1024,
  }).then(({ stdout }) => stdout);
}

/** Reads the X clipboard in its best restorable form; null when nobody owns it or it holds nothing we can restore. */
export async function saveX11Clipboard(): Promise<SavedClipboard | null> {
  const targets = await xclip(['-o', '-t', 'TARGETS']).then(
    (stdout) => stdout.toString('utf8').split('\n'),
    (): string[] => [],
  );
  const target = RESTORABLE_TARGETS.find((candidate) => targets.includes(candidate));
  if (target === undefined) return null;
  const data = await xclip(['-o', '-t', target]).catch(() => null);
  return data === null ? null : { target, data };
}

/**
 * Owns the X clipboard with `text` through `xclip -verbose`, which stays in the foreground and logs each request it
 * serves: that log tells when the pasting app has read the text, so the restore cannot race the paste.
 */
class X11ClipboardOffer {
  private log = '';
  private readonly exited: Promise<unknown>;

  private constructor(private readonly child: ChildProcess) {
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.log += chunk));
    child.on('error', (error) => (this.log += error.message));
    this.exited = once(child, 'exit').catch(() => undefined);
  }

  /** xclip exits when another app takes the clipboard, so while it runs the clipboard is still ours to restore. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null && this.child.pid !== undefined;
  }

  static async create(text: string): Promise<X11ClipboardOffer> {
    const child = spawn('xclip', ['-selection', 'clipboard', '-i', '-verbose'], { stdio: ['pipe', 'ignore', 'pipe'] });
    const offer = new X11ClipboardOffer(child);
    child.stdin?.end(text, 'utf8');
    const owned = await offer.waitFor(/request number 1\b/, XCLIP_TIMEOUT_MS);
    if (!owned) {
      await offer.end();
      if (offer.log.includes('ENOENT')) {
        throw new DesktopSetupError('Typing needs xclip, which is not installed: install it (e.g. apt install xclip).');
      }
      throw new Error(`xclip did not take the clipboard: ${offer.log.trim() || 'no output'}`);
    }
    return offer;
  }

  /**
   * Resolves true once an app has read the text and then made no further read for PASTE_QUIET_MS (most pastes are on
   * screen by then), false when nothing read it within PASTE_REQUEST_TIMEOUT_MS.
   */
  async waitForPaste(signal: AbortSignal): Promise<boolean> {
    await this.waitForQuiet(PASTE_QUIET_MS, Date.now() + PASTE_REQUEST_TIMEOUT_MS, signal, true);
    return this.servedRequests() > 0;
  }

  /** Resolves once no app has read the text for LATE_READ_QUIET_MS (at most LATE_READ_LIMIT_MS), or on `hurry`. */
  async waitForReadsToStop(hurry: AbortSignal): Promise<void> {
    await this.waitForQuiet(LATE_READ_QUIET_MS, Date.now() + LATE_READ_LIMIT_MS, hurry, false).catch(() => undefined);
  }

  /** Waits for `quietMs` without a read (after a first one, if `afterARead`); TARGETS queries are not logged. */
  private async waitForQuiet(quietMs: number, deadline: number, signal: AbortSignal, afterARead: boolean) {
    let served = this.servedRequests();
    let lastChange = Date.now();
    while (Date.now() < deadline && this.running) {
      const count = this.servedRequests();
      if (count !== served) [served, lastChange] = [count, Date.now()];
      if ((served > 0 || !afterARead) && Date.now() - lastChange >= quietMs) return;
      await sleep(10, signal);
    }
  }

  /** xclip logs "Waiting for selection request number N" after serving N - 1 requests. */
  private servedRequests(): number {
    const numbers = [...this.log.matchAll(/request number (\d+)/g)].map((match) => Number(match[1]));
    return Math.max(1, ...numbers) - 1;
  }

  private async waitFor(pattern: RegExp, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.log)) {
      if (Date.now() >= deadline || !this.running) return false;
      await sleep(5);
    }
    return true;
  }

  /** Waits for xclip to exit (it does when another owner takes over), killing it after a grace period. */
  async end(graceMs = 0): Promise<void> {
    if (!this.running) return;
    const timer = setTimeout(() => this.child.kill(), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Hands the saved content to a background xclip, which keeps serving it after Deskhand exits. */
function restoreX11Clipboard(saved: SavedClipboard): void {
  const targetArgs = saved.target === 'UTF8_STRING' ? [] : ['-t', saved.target];
  const child = spawn('xclip', ['-selection', 'clipboard', '-i', ...targetArgs], {
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.on('error', () => undefined);
  child.stdin?.end(saved.data);
  child.unref();
}

/** A restore still running after its paste resolved; `hurry` makes it restore without waiting for quiet. */
interface PendingRestore {
  done: Promise<void>;
  hurry: AbortController;
}

/** Restores still running after a paste: typing and stops answer at once, `waitForClipboardRestores` catches up. */
const pendingRestores = new Set<PendingRestore>();

function keepPending(restore: (hurry: AbortSignal) => Promise<void>): void {
  const entry: PendingRestore = { done: Promise.resolve(), hurry: new AbortController() };
  entry.done = restore(entry.hurry.signal)
    .catch(() => undefined)
    .finally(() => pendingRestores.delete(entry));
  pendingRestores.add(entry);
}

/**
 * Resolves once every clipboard restore left running by a paste has finished. `promptly` restores at once instead of
 * waiting for apps to stop reading: for a stop or a pause, where the user may take the keyboard and clipboard.
 */
export async function waitForClipboardRestores({ promptly = false } = {}): Promise<void> {
  const entries = [...pendingRestores];
  if (promptly) for (const entry of entries) entry.hurry.abort();
  await Promise.all(entries.map((entry) => entry.done));
}

async function pasteWithXclip(text: string, pressPaste: PressPaste, signal: AbortSignal): Promise<boolean> {
  const saved = await saveX11Clipboard();
  signal.throwIfAborted();
  const offer = await X11ClipboardOffer.create(text);
  // The offer exits once the restored content takes over; with nothing to restore it is killed, leaving no owner.
  // A clipboard someone copied to since is theirs: it is left alone.
  const restore = async () => {
    if (!offer.running) return;
    if (saved) restoreX11Clipboard(saved);
    await offer.end(saved ? XCLIP_TIMEOUT_MS : 0);
  };
  let taken: boolean;
  try {
    signal.throwIfAborted();
    await pressPaste(signal);
    taken = await offer.waitForPaste(signal);
  } catch (error) {
    // A stop must return at once, so the text is withdrawn without waiting for a late read.
    keepPending(restore);
    throw error;
  }
  // An unread paste is withdrawn before the caller types the text by keys, so a late read cannot enter it twice.
  if (!taken) await restore();
  else {
    keepPending(async (hurry) => {
      await offer.waitForReadsToStop(hurry);
      await restore();
    });
  }
  return taken;
}

async function pasteWithNutClipboard(text: string, pressPaste: PressPaste, signal: AbortSignal): Promise<boolean> {
  const { clipboard } = await loadNut();
  const previous = await clipboard.getContent().catch(() => '');
  signal.throwIfAborted();
  await clipboard.setContent(text);
  try {
    await pressPaste(signal);
    await sleep(BLIND_RESTORE_DELAY_MS, signal);
  } catch (error) {
    keepPending(() => clipboard.setContent(previous));
    throw error;
  }
  await clipboard.setContent(previous);
  return true;
}

/**
 * Types `text` by pasting it: keyboard.type mangles shifted symbols and non-ASCII text (research/feasibility.md).
 * On X11 this resolves once the app has read the text, and the previous clipboard (text or PNG) comes back in the
 * background once the app stops reading (see waitForClipboardRestores); an abort rejects at once. Resolves false
 * when no app read the text (a terminal, where Ctrl+V is a control character, or a paste chord lost under load),
 * with the previous clipboard already back; true where that cannot be known.
 */
export async function pasteText(text: string, pressPaste: PressPaste, signal: AbortSignal): Promise<boolean> {
  signal.throwIfAborted();
  // A restore still waiting on the previous paste must finish first, or this paste would save that text as the user's.
  await waitForClipboardRestores();
  signal.throwIfAborted();
  const paste = process.platform === 'linux' ? pasteWithXclip : pasteWithNutClipboard;
  return paste(text, pressPaste, signal);
}
