// Per-run numbers for the report, read from the recorded session: steps, time per step, first token, tokens. Node only.
import type { SessionDetail } from '../sessions/reader.js';

export interface RunMetrics {
  steps: number;
  /** Wall time of the run, first step to end, in ms. */
  durationMs: number | null;
  /** durationMs / steps. */
  stepMs: number | null;
  /** Mean time to the first streamed token per step, in ms (null when no step streamed). */
  firstTokenMs: number | null;
  /** Mean generated tokens per step (null when the backend reports no counts, like replay). */
  tokensPerStep: number | null;
}

export const NO_METRICS: RunMetrics = {
  steps: 0,
  durationMs: null,
  stepMs: null,
  firstTokenMs: null,
  tokensPerStep: null,
};

export function mean(values: ReadonlyArray<number | null>): number | null {
  const numbers = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (numbers.length === 0) return null;
  return Math.round((numbers.reduce((sum, value) => sum + value, 0) / numbers.length) * 10) / 10;
}

export function metricsOfSession(session: Pick<SessionDetail, 'info' | 'steps'>): RunMetrics {
  const steps = session.steps.length;
  const started = Date.parse(session.info.startedAt);
  const ended = session.info.endedAt === null ? Number.NaN : Date.parse(session.info.endedAt);
  const durationMs = Number.isFinite(ended - started) ? ended - started : null;
  return {
    steps,
    durationMs,
    stepMs: durationMs === null || steps === 0 ? null : Math.round(durationMs / steps),
    firstTokenMs: mean(session.steps.map((step) => step.timings.firstTokenMs)),
    tokensPerStep: mean(session.steps.map((step) => step.usage.completionTokens)),
  };
}
