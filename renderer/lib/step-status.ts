// What a step's status word says, live and in the player: the step's own vocabulary, never the model's DONE/FAIL
// actions (those stay on the action chip). Pure; renderer.
import type { Action } from '../../src/host/protocol/host-api.js';
import type { RunPhase, StepPhase } from '../state/app-state.js';

/**
 * - looking: the screen is being captured; thinking: the model is generating;
 * - waiting: the action waits for the user's confirmation; paused: the run is paused (or taken over) before acting;
 * - acting: the action is being carried out; acted: it was carried out;
 * - recorded: the step ended with nothing to carry out (the model's DONE or FAIL);
 * - declined: the user declined the action, so it was not carried out;
 * - failed: the answer held no usable action;
 * - interrupted: the run ended (stop, error) before the step's action was carried out;
 * - found / not-found: a grounding step (Find on screen) pointed at something, or at nothing.
 */
export type StepStatus =
  | 'looking'
  | 'thinking'
  | 'waiting'
  | 'paused'
  | 'acting'
  | 'acted'
  | 'recorded'
  | 'declined'
  | 'failed'
  | 'interrupted'
  | 'found'
  | 'not-found';

/** Statuses of a step that is still going: the badge pulses. */
export const LIVE_STATUSES: ReadonlySet<StepStatus> = new Set(['looking', 'thinking', 'waiting', 'paused', 'acting']);

/** The colour family of a status badge. */
export type StatusTone = 'live' | 'attention' | 'success' | 'neutral' | 'warning' | 'danger';

const TONES: Record<StepStatus, StatusTone> = {
  looking: 'live',
  thinking: 'live',
  acting: 'live',
  waiting: 'attention',
  paused: 'attention',
  acted: 'success',
  found: 'success',
  recorded: 'neutral',
  'not-found': 'neutral',
  declined: 'warning',
  interrupted: 'warning',
  failed: 'danger',
};

export function statusTone(status: StepStatus): StatusTone {
  return TONES[status];
}

/** Actions that end the step without anything to carry out. */
const NOTHING_TO_DO: ReadonlySet<Action['name']> = new Set(['done', 'fail']);

export interface LiveStep {
  phase: StepPhase;
  action: Action | null;
  /** Whether the action was carried out (from step-recorded); null until then. */
  acted: boolean | null;
  declined: boolean;
}

export interface LiveRun {
  phase: RunPhase;
  /** The step a pending confirmation is about, if any. */
  confirmationStep: number | null;
}

/** The status of step `step` of a live (or just ended) run. */
export function liveStepStatus(step: LiveStep & { step: number }, run: LiveRun): StepStatus {
  switch (step.phase) {
    case 'observing':
      return 'looking';
    case 'thinking':
      return 'thinking';
    case 'interrupted':
      return 'interrupted';
    case 'recorded':
      return finishedStatus(step.action, step.acted === true, step.declined);
    case 'acting': {
      const name = step.action?.name;
      if (name === undefined || name === 'none') return 'failed';
      if (NOTHING_TO_DO.has(name)) return 'recorded';
      if (run.confirmationStep === step.step) return 'waiting';
      // The run stops at its pause gate before acting: the action has not been carried out.
      if (run.phase === 'paused' || run.phase === 'taken-over') return 'paused';
      return 'acting';
    }
  }
}

/** The status of a step once recorded (a finished live step, or a step of a recorded session). */
function finishedStatus(action: Action | null, acted: boolean, declined: boolean): StepStatus {
  if (declined) return 'declined';
  if (action === null || action.name === 'none') return 'failed';
  if (acted) return 'acted';
  if (NOTHING_TO_DO.has(action.name)) return 'recorded';
  // An action that was neither carried out nor declined: the run ended first.
  return 'interrupted';
}

export interface RecordedStep {
  action: Action;
  acted: boolean;
  declined?: boolean;
  error: string | null;
  timings: Record<string, number | null | undefined>;
  grounding?: { box: readonly number[] | null };
}

/** The status of a step of a recorded session (the player). */
export function recordedStepStatus(step: RecordedStep): StepStatus {
  if (step.grounding) return step.grounding.box ? 'found' : 'not-found';
  // A step stopped mid-answer has no generation time: what it had said could not be finished.
  if (step.action.name === 'none' && (step.timings.generationMs ?? null) === null) return 'interrupted';
  return finishedStatus(step.action, step.acted, step.declined === true);
}

/** How a step's target is drawn: carried out (or about to be), or not carried out (declined, cut short). */
export type TargetState = 'executed' | 'pending' | 'declined' | 'skipped';

export function targetState(status: StepStatus): TargetState {
  if (status === 'acted') return 'executed';
  if (status === 'declined') return 'declined';
  if (status === 'interrupted' || status === 'failed') return 'skipped';
  return 'pending';
}
