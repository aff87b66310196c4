// Step phase: carry out an action and wait for the screen to settle, for runs and reruns alike. Node only.
import type { Frame, Operator } from '../desktop/types.js';
import type { Action } from '../glm/actions.js';
import type { RunEvent, StepTimings } from '../run-protocol/run-events.js';
import { elapsedMs } from './timing.js';

/** What acting needs from a run's or a rerun's step context. */
export interface ActContext {
  operator: Operator;
  displayId: string;
  signal: AbortSignal;
  emit: (event: RunEvent) => void;
  /** Longest settle wait after the action (ms); the operator's default when absent. */
  settleCapMs?: number;
}

/**
 * Executes `action` on `frame`, waits for the screen to settle, and emits `action-done`. `timings.actMs` is filled
 * in before settling starts, so a step stopped while it settles still records how long its action took.
 */
export async function act(
  context: ActContext,
  step: number,
  action: Action,
  frame: Frame,
  timings: Pick<StepTimings, 'actMs' | 'settleMs'>,
): Promise<void> {
  const { operator, signal, displayId, settleCapMs, emit } = context;
  const actStart = performance.now();
  await operator.execute(action, frame, signal);
  timings.actMs = elapsedMs(actStart);
  const settleStart = performance.now();
  await operator.settle(displayId, signal, settleCapMs);
  timings.settleMs = elapsedMs(settleStart);
  emit({ type: 'action-done', step, actMs: timings.actMs, settleMs: timings.settleMs });
}
