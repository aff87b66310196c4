// One rerun: the recorded actions again, without the model, each only after its screen is verified. Node only.
import { isAbort } from '../abortable.js';
import { endRun, type RunEnding } from '../agent/end-run.js';
import { DesktopSetupError } from '../desktop/errors.js';
import type { Outcome } from '../run-protocol/run-events.js';
import type { ReplayPlan } from './plan-steps.js';
import { recordEnding, rerunStep, type RerunContext } from './rerun-step.js';

export interface RerunResult {
  outcome: Outcome;
  /** Steps of the rerun session (replayed actions plus the recorded ending). */
  steps: number;
  exitCode: number;
  /** Why the rerun stopped before an action, when the screen did not match. */
  mismatch: string | null;
}

/**
 * Replays `plan` and closes the session. A verification mismatch ends the rerun as 'stuck' (exit 6, like a run
 * that cannot go on): the outcome kinds are shared with the app, and the step's `error` says what differed.
 */
export async function rerunSession(plan: ReplayPlan, context: RerunContext): Promise<RerunResult> {
  let steps = 0;
  let mismatch: string | null = null;
  let result: RunEnding;
  try {
    for (const planned of plan.steps) {
      const stepResult = await rerunStep(context, ++steps, planned);
      if (stepResult.kind === 'mismatch') {
        mismatch = stepResult.report;
        break;
      }
    }
    if (mismatch !== null) result = { outcome: { kind: 'stuck', message: mismatch } };
    else if (plan.ending) {
      await recordEnding(context, ++steps, plan.ending);
      result = { outcome: endingOutcome(plan) };
    } else {
      const message = `All ${plan.steps.length} recorded actions were replayed; the recording has no DONE or FAIL.`;
      result = { outcome: { kind: 'done', message } };
    }
  } catch (error) {
    result = outcomeOfError(error, context.signal);
  }
  const end = await endRun(context, result, steps, (error) => `The session could not be closed: ${describe(error)}`);
  return { outcome: end.outcome, steps, exitCode: end.exitCode, mismatch };
}

function endingOutcome(plan: ReplayPlan): Outcome {
  const ending = plan.ending!;
  const said = ending.kind === 'done' ? 'DONE' : 'FAIL';
  const message = `All ${plan.steps.length} recorded actions were replayed; the recording ended with ${said}`;
  return { kind: ending.kind, message: ending.explanation ? `${message}: ${ending.explanation}` : `${message}.` };
}

function outcomeOfError(error: unknown, signal: AbortSignal): RunEnding {
  if (isAbort(error, signal)) {
    return {
      outcome: { kind: 'stopped', message: 'Stopped by the user.', error: { code: 'stopped-by-user', params: {} } },
    };
  }
  if (error instanceof DesktopSetupError) return { outcome: { kind: 'error', message: error.message }, exitCode: 2 };
  return { outcome: { kind: 'error', message: `Internal error: ${describe(error)}` } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
