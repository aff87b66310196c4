// Before a replayed action: let the screen settle, then compare it with the recording, retrying for a slow app. Node only.
import { raceAbort, sleep } from '../abortable.js';
import type { Frame, Operator } from '../desktop/types.js';
import { differenceAt, type ComparisonTarget, type Difference, type GrayImage } from './compare-frames.js';
import { grayOfFrame } from './gray-frames.js';
import { differsBeyond, type VerifyMode } from './thresholds.js';

export interface VerifyRequest {
  operator: Operator;
  displayId: string;
  signal: AbortSignal;
  mode: VerifyMode;
  targets: ComparisonTarget[];
  /** The recorded frame in grayscale; read only when there is something to compare. */
  recorded: () => Promise<GrayImage>;
  /** Longest settle wait before the first comparison (default 1000 ms). */
  settleCapMs?: number;
  /** How long a mismatch is retried before it counts (default 2000 ms), and the pause between tries (250 ms). */
  retryWindowMs?: number;
  retryIntervalMs?: number;
}

/** The target that differed most, with its numbers. */
export interface TargetDifference {
  target: ComparisonTarget;
  difference: Difference;
}

export interface Verdict {
  /** The last capture: what the rerun records and acts on. */
  frame: Frame;
  matched: boolean;
  /** Null when nothing was compared (--verify off, or an action without targets). */
  worst: TargetDifference | null;
  attempts: number;
}

export async function verifyScreen(request: VerifyRequest): Promise<Verdict> {
  const { operator, displayId, signal, mode, targets } = request;
  const retryWindowMs = request.retryWindowMs ?? 2000;
  const retryIntervalMs = request.retryIntervalMs ?? 250;
  if (mode === 'off' || targets.length === 0) {
    return { frame: await operator.capture(displayId, signal), matched: true, worst: null, attempts: 0 };
  }
  await operator.settle(displayId, signal, request.settleCapMs ?? 1000);
  const recorded = await raceAbort(request.recorded(), signal);
  const started = performance.now();
  for (let attempts = 1; ; attempts++) {
    const frame = await operator.capture(displayId, signal);
    const current = await raceAbort(grayOfFrame(frame, recorded), signal);
    const worst = worstTarget(recorded, current, targets, mode);
    const matched = !differsBeyond(worst.difference, mode, worst.target.kind);
    if (matched || performance.now() - started + retryIntervalMs > retryWindowMs) {
      return { frame, matched, worst, attempts };
    }
    await sleep(retryIntervalMs, signal);
  }
}

/** The first target beyond the limits, else the one with the largest mean difference. */
function worstTarget(
  recorded: GrayImage,
  current: GrayImage,
  targets: ComparisonTarget[],
  mode: VerifyMode,
): TargetDifference {
  const measured = targets.map((target) => ({ target, difference: differenceAt(recorded, current, target) }));
  const beyond = measured.find(({ target, difference }) => differsBeyond(difference, mode, target.kind));
  return beyond ?? measured.reduce((a, b) => (b.difference.meanDifference > a.difference.meanDifference ? b : a));
}
