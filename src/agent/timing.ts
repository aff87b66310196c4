// Step timings. Node only.
import type { StepTimings } from '../run-protocol/run-events.js';

/** Milliseconds since `start` (a performance.now() value), rounded to 0.1 ms. */
export function elapsedMs(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

/** A step's timings before any phase has run: every phase null, filled in as each one ends. */
export function emptyStepTimings(): StepTimings {
  return {
    captureMs: null,
    encodeMs: null,
    firstTokenMs: null,
    generationMs: null,
    parseMs: null,
    actMs: null,
    settleMs: null,
    recordMs: null,
  };
}
