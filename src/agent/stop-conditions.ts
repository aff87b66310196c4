// When a run must end, as pure predicates over what the run has seen so far (vercel/ai's stop-condition.ts).
import type { Action } from '../glm/actions.js';

/** One acted step as the stuck check sees it. */
export interface ActedStep {
  /** A key that is equal for the same action at the same place with the same input. */
  actionKey: string;
  /** Whether the screen the model saw differed from the one before it. */
  screenChanged: boolean;
}

/** Same action on an unchanged screen this many times in a row ends the run. */
export const STUCK_REPEATS = 3;
/** An unparseable answer is asked again this many times before the run ends. */
export const UNPARSEABLE_RETRIES = 3;

/** A key for comparing actions: name, model point(s), keys and text. */
export function actionKey(action: Action): string {
  return JSON.stringify([action.name, action.box, action.endBox, action.keys, action.text, action.direction]);
}

/** True when the last `repeats` acted steps did the same thing and the screen never changed in between. */
export function isStuck(history: readonly ActedStep[], repeats = STUCK_REPEATS): boolean {
  if (history.length < repeats) return false;
  const last = history.slice(-repeats);
  const sameAction = last.every((step) => step.actionKey === last[0]!.actionKey);
  const unchanged = last.slice(1).every((step) => !step.screenChanged);
  return sameAction && unchanged;
}

/** True when the answers have failed to parse more times in a row than the retries allow. */
export function retriesExhausted(consecutiveFailures: number, retries = UNPARSEABLE_RETRIES): boolean {
  return consecutiveFailures > retries;
}

/** True when `stepsTaken` model calls have used up the budget. */
export function budgetUsed(stepsTaken: number, maxSteps: number): boolean {
  return stepsTaken >= maxSteps;
}
