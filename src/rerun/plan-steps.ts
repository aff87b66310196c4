// Which recorded steps a rerun repeats: the actions that were carried out, waits, and the recorded DONE/FAIL. Node only.
import type { Action } from '../glm/actions.js';
import type { StepRecord } from '../sessions/schema.js';

/** One recorded step to repeat, with the frame it was decided on. */
export interface ReplayStep {
  /** The step number in the recorded session. */
  sourceStep: number;
  action: Action;
  explanation: string;
  memory: string;
  /** The recorded frame, relative to the session folder, and its size in pixels. */
  frame: string;
  frameSize: { width: number; height: number };
}

export interface ReplayPlan {
  steps: ReplayStep[];
  /** The recorded DONE or FAIL that ended the run; null when it ended otherwise (stopped, budget, crash). */
  ending: (ReplayStep & { kind: 'done' | 'fail' }) | null;
}

/**
 * Keeps the steps that changed the desktop (acted) and waits, in order, up to the first DONE or FAIL. Unparseable
 * answers, retries and declined or interrupted actions did nothing when recorded, so they are skipped.
 */
export function planReplay(records: readonly StepRecord[]): ReplayPlan {
  const steps: ReplayStep[] = [];
  for (const record of records) {
    const { name } = record.action;
    if (name === 'done' || name === 'fail') return { steps, ending: { ...replayStepOf(record), kind: name } };
    if (record.acted || (name === 'wait' && record.error === null)) steps.push(replayStepOf(record));
  }
  return { steps, ending: null };
}

function replayStepOf(record: StepRecord): ReplayStep {
  return {
    sourceStep: record.step,
    action: record.action,
    explanation: record.explanation,
    memory: record.memory,
    frame: record.frame,
    frameSize: record.frameSize,
  };
}
