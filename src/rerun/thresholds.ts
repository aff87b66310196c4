// How different a screen may look before a rerun refuses to act, per --verify mode. Node only.
import type { ComparisonTarget, Difference } from './compare-frames.js';

export const VERIFY_MODES = ['strict', 'loose', 'off'] as const;
export type VerifyMode = (typeof VERIFY_MODES)[number];

/** A target differs when either number goes above its limit. */
export interface DifferenceLimits {
  meanDifference: number;
  changedFraction: number;
}

/**
 * Measured on Xvfb + Chromium with test/fixtures/pages/form.html (recorded JPEG q80 against a fresh capture; the
 * README's CLI reference lists the numbers). Unchanged 96 px patches stay below mean 0.9 and 0.9 % changed (a
 * blinking caret); a moved button or a changed label gives mean 4.6–10.4 and 5.6–10.7 %. Strict sits about 3× above
 * the noise; loose also lets a recoloured or hovered target pass (mean 6.8, 0 % changed) but not a new label or a
 * 10 px move (6.4 %). The whole screen, in 8×8 block means, moves 0.15 / 0.12 % for typed text, 0.4 / 0.7 % for a
 * button moved 20 px, and 8.6 / 7.4 % for another page.
 */
export const VERIFY_LIMITS: Record<Exclude<VerifyMode, 'off'>, Record<ComparisonTarget['kind'], DifferenceLimits>> = {
  strict: {
    patch: { meanDifference: 2.5, changedFraction: 0.02 },
    screen: { meanDifference: 1.5, changedFraction: 0.01 },
  },
  loose: {
    patch: { meanDifference: 12, changedFraction: 0.04 },
    screen: { meanDifference: 4, changedFraction: 0.03 },
  },
};

/** True when `difference` is beyond what `mode` accepts for a target of `kind`; 'off' accepts anything. */
export function differsBeyond(difference: Difference, mode: VerifyMode, kind: ComparisonTarget['kind']): boolean {
  if (mode === 'off') return false;
  const limits = VERIFY_LIMITS[mode][kind];
  return difference.meanDifference > limits.meanDifference || difference.changedFraction > limits.changedFraction;
}
