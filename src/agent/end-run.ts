// The end of a run or a rerun: held input released, the session closed, the end announced. Node only.
import type { Operator } from '../desktop/types.js';
import { OUTCOME_EXIT_CODES, type Outcome, type RunEvent } from '../run-protocol/run-events.js';
import type { SessionRecorder } from '../sessions/recorder.js';

/** How a run ended; `exitCode` only where it differs from the outcome's usual code. */
export interface RunEnding {
  outcome: Outcome;
  exitCode?: number;
}

/** What ending a run needs from its step context. */
export interface EndRunContext {
  operator: Pick<Operator, 'release'>;
  recorder: Pick<SessionRecorder, 'id' | 'finish'>;
  emit: (event: RunEvent) => void;
}

/**
 * Releases held input, closes the session with `ending`'s outcome and emits `run-end` after `steps` steps. A session
 * that cannot be closed (full disk) must not hide how the run ended: `describeCloseFailure` says why after the
 * outcome's message and the run exits 1, unless it returns null because the outcome already says what was refused.
 */
export async function endRun(
  context: EndRunContext,
  ending: RunEnding,
  steps: number,
  describeCloseFailure: (error: unknown) => string | null,
): Promise<{ outcome: Outcome; exitCode: number }> {
  let { outcome, exitCode } = ending;
  await context.operator.release().catch(() => undefined);
  await context.recorder.finish(outcome).catch((error: unknown) => {
    const failure = describeCloseFailure(error);
    if (failure === null) return;
    outcome = { kind: 'error', message: `${outcome.message} ${failure}` };
    exitCode = 1;
  });
  context.emit({ type: 'run-end', outcome, steps, sessionId: context.recorder.id });
  return { outcome, exitCode: exitCode ?? OUTCOME_EXIT_CODES[outcome.kind] };
}
