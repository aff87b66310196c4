// The words a rerun uses when the screen no longer matches the recording. Node only.
import type { Action } from '../glm/actions.js';
import { describeAction } from '../glm/describe-action.js';
import { VERIFY_LIMITS, type VerifyMode } from './thresholds.js';
import type { TargetDifference } from './verify-screen.js';

/** Why a step was not carried out: which target differed, by how much, and the limits of the mode. */
export function describeMismatch(
  where: { step: number; sourceStep: number; action: Action },
  worst: TargetDifference,
  mode: Exclude<VerifyMode, 'off'>,
): string {
  const limits = VERIFY_LIMITS[mode][worst.target.kind];
  const { meanDifference, changedFraction } = worst.difference;
  const place = worst.target.kind === 'patch' ? `around the ${worst.target.label}` : 'on the whole screen';
  return (
    `Step ${where.step} (recorded step ${where.sourceStep}, ${describeAction(where.action)}) was not carried out: ` +
    `the screen ${place} differs from the recording beyond --verify ${mode} ` +
    `(mean difference ${meanDifference.toFixed(1)}, limit ${limits.meanDifference}; ` +
    `${percent(changedFraction)} of pixels changed, limit ${percent(limits.changedFraction)}).`
  );
}

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}
