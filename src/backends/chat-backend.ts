// The ChatBackend contract shared by every model backend (local engine, OpenAI-compatible server, replay).
import type { ErrorInfo } from '../run-protocol/error-info.js';

/** Packed 8-bit RGB, row-major, no padding. */
export interface RgbPixels {
  data: Uint8Array;
  width: number;
  height: number;
}

/** An image sent to the model: encoded bytes and their MIME type. */
export interface ChatImage {
  mime: 'image/png' | 'image/jpeg';
  data: Buffer;
  width: number;
  height: number;
  /**
   * The pixels `data` was encoded from, made on demand: a backend that runs the model in-process feeds these, so the
   * model sees the capture itself rather than a lossy codec's copy.
   */
  pixels?: () => Promise<RgbPixels>;
}

/** One GLM-4.1V request: a single user message, images first (current, then history), then the prompt text. */
export interface ChatRequest {
  images: ChatImage[];
  prompt: string;
  /** Upper bound on generated tokens (official: 8192). */
  maxTokens: number;
  /** Near-greedy by default (official agent: 0.001). */
  temperature: number;
}

export interface Usage {
  promptTokens: number | null;
  completionTokens: number | null;
}

/**
 * What a backend streams: thinking and answer text as they arrive, then one finish part. `completionTokens` is the
 * server's count of tokens generated so far, on deltas of a stream that reports usage on the way (vLLM's
 * continuous usage stats); absent otherwise.
 */
export type Delta =
  | { type: 'reasoning-delta'; text: string; completionTokens?: number }
  | { type: 'text-delta'; text: string; completionTokens?: number }
  | { type: 'finish'; usage: Usage; finishReason: string | null };

export interface ChatBackend {
  /** A short name for sessions and logs ("openai", "replay", "local"). */
  readonly kind: string;
  /** The model name recorded in sessions. */
  readonly model: string;
  /** Streams one answer. Stops within milliseconds of `signal` aborting, throwing an AbortError. */
  stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<Delta>;
}

/** Closed set of reasons a backend can fail; `message` says what the user should do. */
export type BackendErrorCode =
  /** No connection: refused, unknown host, blocked port. */
  | 'unreachable'
  /** HTTP 404: wrong base URL (must end in /v1) or unknown model. */
  | 'not-found'
  /** HTTP 401/403: missing or rejected API key. */
  | 'unauthorized'
  /** HTTP 429 after the retries. */
  | 'rate-limited'
  /** HTTP 5xx after the retries, or an error event mid-stream. */
  | 'server-error'
  /** The stream broke the protocol: not JSON, wrong shape, closed mid-answer. */
  | 'bad-response'
  /** The replay file has no answer left for this step. */
  | 'replay-exhausted'
  /** Our setup is wrong: unreadable or malformed replay file, or a request the server rejected (other 4xx). */
  | 'config';

export class BackendError extends Error {
  override readonly name = 'BackendError';
  constructor(
    readonly code: BackendErrorCode,
    message: string,
    /** The error as code and params, for surfaces that word it themselves (absent for setup errors). */
    readonly info?: ErrorInfo,
  ) {
    super(message);
  }
}
