// The numbers a step's timings row shows, and how durations are written. Pure; renderer.
import type { StepTimings } from '../../src/run-protocol/run-events.js';

/** The facts of one step's timings row; null where unknown. */
export interface TimingFacts {
  /** Milliseconds from the request to the first streamed token. */
  firstTokenMs: number | null;
  /** Completion tokens per second of generation. */
  tokensPerSecond: number | null;
  actMs: number | null;
  settleMs: number | null;
}

/** completionTokens / generation seconds, when both are known and the generation took time. */
export function tokensPerSecond(completionTokens: number | null, generationMs: number | null): number | null {
  if (completionTokens === null || generationMs === null || generationMs <= 0) return null;
  return completionTokens / (generationMs / 1000);
}

export function timingFacts(
  timings: Partial<StepTimings> | null,
  completionTokens: number | null = null,
  acted: { actMs: number | null; settleMs: number | null } = { actMs: null, settleMs: null },
): TimingFacts {
  return {
    firstTokenMs: timings?.firstTokenMs ?? null,
    tokensPerSecond: tokensPerSecond(completionTokens, timings?.generationMs ?? null),
    actMs: acted.actMs ?? timings?.actMs ?? null,
    settleMs: acted.settleMs ?? timings?.settleMs ?? null,
  };
}

/** "340 ms" under a second, "1.4 s" under a minute, then "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}
