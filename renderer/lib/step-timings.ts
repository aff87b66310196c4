// The numbers a step's timings row and its live progress show, and how durations are written. Pure; renderer.
import type { StepTimings } from '../../src/run-protocol/run-events.js';
import type { StepState } from '../state/app-state.js';

/** The facts of one step's timings row; null where unknown. */
export interface TimingFacts {
  /** Milliseconds from the request to the first streamed token. */
  firstTokenMs: number | null;
  /** Milliseconds from the request to the end of the answer. */
  generationMs: number | null;
  /** Generated tokens: the server's count, else the streamed count. */
  tokens: number | null;
  /** Generated tokens per second of decoding (after the first token). */
  tokensPerSecond: number | null;
  actMs: number | null;
  settleMs: number | null;
}

/**
 * Tokens per second of decoding: `tokens` over the time from the first token to the end (the whole generation
 * when the first token's time is unknown); null without tokens or without a generation time.
 */
export function tokensPerSecond(
  tokens: number | null,
  generationMs: number | null,
  firstTokenMs: number | null = null,
): number | null {
  if (tokens === null || tokens <= 0 || generationMs === null) return null;
  const decodingMs = firstTokenMs !== null && firstTokenMs < generationMs ? generationMs - firstTokenMs : generationMs;
  return decodingMs > 0 ? tokens / (decodingMs / 1000) : null;
}

export function timingFacts(
  timings: Partial<StepTimings> | null,
  completionTokens: number | null = null,
  acted: { actMs: number | null; settleMs: number | null } = { actMs: null, settleMs: null },
): TimingFacts {
  const firstTokenMs = timings?.firstTokenMs ?? null;
  const generationMs = timings?.generationMs ?? null;
  return {
    firstTokenMs,
    generationMs,
    tokens: completionTokens,
    tokensPerSecond: tokensPerSecond(completionTokens, generationMs, firstTokenMs),
    actMs: acted.actMs ?? timings?.actMs ?? null,
    settleMs: acted.settleMs ?? timings?.settleMs ?? null,
  };
}

/**
 * What a live step knows about its generation: the timeline step's own stamps (this page's clock, ms), with timings
 * that may be partial.
 */
export type LiveGeneration = Pick<
  StepState,
  'completionTokens' | 'tokens' | 'startedAt' | 'requestAt' | 'firstTokenAt' | 'generatedAt' | 'actMs' | 'settleMs'
> & { timings: Partial<StepTimings> | null };

/**
 * A live step's timings row: the host's timings once the step is recorded; before that, what this page saw (from
 * the request to the first token and to the parsed action). The server's token count wins over the streamed one.
 */
export function liveTimingFacts(step: LiveGeneration): TimingFacts {
  const tokens = step.completionTokens ?? (step.tokens > 0 ? step.tokens : null);
  const acted = { actMs: step.actMs, settleMs: step.settleMs };
  if (step.timings) return timingFacts(step.timings, tokens, acted);
  const origin = step.requestAt ?? step.startedAt;
  const since = (at: number | null) => (at !== null && origin !== null ? Math.max(0, at - origin) : null);
  return timingFacts({ firstTokenMs: since(step.firstTokenAt), generationMs: since(step.generatedAt) }, tokens, acted);
}

/** The live progress of a step that is generating, at time `now` (same clock as the step's stamps). */
export interface StreamProgress {
  /** Since the step started. */
  elapsedMs: number | null;
  /** From the request to the first token, once it came. */
  firstTokenMs: number | null;
  tokens: number;
  /** Tokens per second since the first token; null until there is a rate to tell. */
  tokensPerSecond: number | null;
}

/** Below this much decoding time a rate says nothing yet. */
const MIN_RATE_WINDOW_MS = 250;

export function streamProgress(
  step: Pick<LiveGeneration, 'tokens' | 'startedAt' | 'requestAt' | 'firstTokenAt'>,
  now: number,
): StreamProgress {
  const elapsedMs = step.startedAt === null ? null : Math.max(0, now - step.startedAt);
  const origin = step.requestAt ?? step.startedAt;
  const firstTokenMs = step.firstTokenAt !== null && origin !== null ? Math.max(0, step.firstTokenAt - origin) : null;
  const decodingMs = step.firstTokenAt === null ? 0 : now - step.firstTokenAt;
  const rate = decodingMs >= MIN_RATE_WINDOW_MS && step.tokens > 0 ? step.tokens / (decodingMs / 1000) : null;
  return { elapsedMs, firstTokenMs, tokens: step.tokens, tokensPerSecond: rate };
}

/** "340 ms" under a second, "1.4 s" under a minute, then "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

/** A running clock: "0.4 s", "12.3 s" (tenths, so it visibly moves), then "2 min 05 s". */
export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${(Math.floor(ms / 100) / 10).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms - minutes * 60_000) / 1000);
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

/** Tokens per second with one decimal ("12.5"). */
export function formatRate(tokensPerSecond: number): string {
  return tokensPerSecond.toFixed(1);
}
