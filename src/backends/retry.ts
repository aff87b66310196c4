// Backoff delays for retrying rate-limited or failing model servers. Node (no Node imports needed).

/** The longest a server's Retry-After may make us wait, in ms: beyond this the user is better told than kept idle. */
export const MAX_RETRY_AFTER_MS = 30_000;
/** The longest computed backoff step, in ms. */
export const MAX_BACKOFF_MS = 10_000;

/** True for the statuses worth retrying: 429 (rate limit) and 5xx (server trouble). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * The wait before retry number `attempt` (0-based), in ms: the server's Retry-After when it gave one (capped),
 * otherwise exponential backoff from `baseMs` with "equal jitter" (between half and all of the step), so that
 * several clients rejected together do not come back together.
 */
export function retryDelayMs(attempt: number, baseMs: number, retryAfter: string | null, random = Math.random): number {
  const serverDelay = parseRetryAfterMs(retryAfter);
  if (serverDelay !== null) return Math.min(serverDelay, MAX_RETRY_AFTER_MS);
  const step = Math.min(baseMs * 2 ** attempt, MAX_BACKOFF_MS);
  return Math.round(step / 2 + (step / 2) * random());
}

/** Parses a Retry-After header (delay seconds or an HTTP date) into ms from now; null when absent or unreadable. */
export function parseRetryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
