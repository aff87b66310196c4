// Waits after an action until the screen stops changing, by comparing cheap frame fingerprints. Node only.
import { frameFingerprint, framesDiffer, type FrameFingerprint } from './encode.js';
import { sleep } from '../abortable.js';
import type { Frame } from './types.js';

/** Settle timing, in ms. */
export interface SettleOptions {
  /** Give up waiting after this long (default 1500). */
  capMs?: number;
  /** Wait at least this long before the first capture, so that the action's first repaint is seen (default 50). */
  minWaitMs?: number;
  /** Time between captures (default 75). */
  intervalMs?: number;
}

export const DEFAULT_SETTLE_CAP_MS = 1500;

/**
 * Captures every `intervalMs` and resolves once two consecutive frames match (or at the cap) with the ms waited.
 * A blinking caret (about 500 ms per phase) still leaves equal pairs 75 ms apart, so a focused field settles.
 */
export async function waitForSettle(
  capture: (signal: AbortSignal) => Promise<Frame>,
  signal: AbortSignal,
  options: SettleOptions = {},
): Promise<number> {
  const { capMs = DEFAULT_SETTLE_CAP_MS, minWaitMs = 50, intervalMs = 75 } = options;
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  await sleep(Math.min(minWaitMs, capMs), signal);
  let previous: FrameFingerprint | undefined;
  while (elapsed() < capMs) {
    const current = frameFingerprint(await capture(signal));
    if (previous && !framesDiffer(previous, current)) break;
    previous = current;
    await sleep(Math.min(intervalMs, capMs - elapsed()), signal);
  }
  return Math.round(elapsed());
}
