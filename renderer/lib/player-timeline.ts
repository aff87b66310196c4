// The session player's clock and cursor: which step comes next and where the cursor points. Pure; renderer.
import type { StepView } from '../../src/host/protocol/host-api.js';
import { overlayShapes } from './action-overlay.js';

/** Milliseconds each step stays on screen while playing. */
export const PLAY_INTERVAL_MS = 1500;

/** A step index kept within 0..count-1. */
export function clampStep(index: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, Math.round(index)));
}

/**
 * Where the player's cursor points at step `index`, in percent of the frame; it stays put for actions without a
 * target and for actions that were not carried out (declined, cut short), as the real pointer did.
 */
export function cursorAt(steps: readonly StepView[], index: number): { left: number; top: number } | null {
  for (let i = clampStep(index, steps.length); i >= 0; i--) {
    const step = steps[i];
    if (!step || !step.acted) continue;
    const { width, height } = step.frameSize;
    const { target } = overlayShapes(step.action, width, height);
    if (target && width > 0 && height > 0) return { left: (target.x / width) * 100, top: (target.y / height) * 100 };
  }
  return null;
}
