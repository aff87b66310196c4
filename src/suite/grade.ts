// Turns how a run ended and what the check saw into success or one failure reason. Pure logic, no I/O. Node only.
import type { Outcome } from '../run-protocol/run-events.js';
import type { CheckResult } from './task.js';
import { z } from 'zod';

/** Why a task attempt failed: the model's answer could not be parsed, it got stuck, it ran out of steps, it ended on the wrong state, or something broke. */
export const FailureReason = z.enum(['parse', 'stuck', 'budget', 'wrong result', 'error']);
export type FailureReason = z.infer<typeof FailureReason>;

export interface Grade {
  success: boolean;
  reason: FailureReason | null;
}

/**
 * An attempt succeeds when the run ended as expected (DONE, or FAIL for an impossible task) and the outside check
 * passed. A run that never ended (setup or process failure) is an error; a check that could not run is too.
 */
export function gradeAttempt(expected: 'done' | 'fail', outcome: Outcome | null, check: CheckResult | null): Grade {
  if (outcome === null) return { success: false, reason: 'error' };
  switch (outcome.kind) {
    case 'unparseable':
      return { success: false, reason: 'parse' };
    case 'stuck':
      return { success: false, reason: 'stuck' };
    case 'max-steps':
      return { success: false, reason: 'budget' };
    case 'error':
    case 'stopped':
      return { success: false, reason: 'error' };
    case 'done':
    case 'fail':
      if (check === null) return { success: false, reason: 'error' };
      if (outcome.kind === expected && check.success) return { success: true, reason: null };
      return { success: false, reason: 'wrong result' };
  }
}
