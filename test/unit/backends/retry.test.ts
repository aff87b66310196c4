// Unit tests for backoff delays and Retry-After parsing. Node.
import { describe, expect, it } from 'vitest';
import { isRetryableStatus, MAX_RETRY_AFTER_MS, parseRetryAfterMs, retryDelayMs } from '../../../src/backends/retry.js';

describe('retryDelayMs', () => {
  it('doubles from the base with jitter between half and all of the step', () => {
    expect([0, 1, 2].map((attempt) => retryDelayMs(attempt, 100, null, () => 0))).toEqual([50, 100, 200]);
    expect([0, 1, 2].map((attempt) => retryDelayMs(attempt, 100, null, () => 1))).toEqual([100, 200, 400]);
  });

  it('caps the exponential step', () => {
    expect(retryDelayMs(30, 500, null, () => 1)).toBe(10_000);
  });

  it("follows the server's Retry-After, capped", () => {
    expect(retryDelayMs(0, 100, '2', () => 0)).toBe(2000);
    expect(retryDelayMs(0, 100, '3600', () => 0)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2025-07-03T10:00:00Z');
    expect(parseRetryAfterMs('1.5', now)).toBe(1500);
    expect(parseRetryAfterMs('Thu, 03 Jul 2025 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfterMs('Thu, 03 Jul 2025 09:00:00 GMT', now)).toBe(0);
    expect([parseRetryAfterMs(null), parseRetryAfterMs(''), parseRetryAfterMs('soon')]).toEqual([null, null, null]);
  });
});

describe('isRetryableStatus', () => {
  it('retries 429 and 5xx only', () => {
    expect([400, 401, 404, 429, 500, 503].map(isRetryableStatus)).toEqual([false, false, false, true, true, true]);
  });
});
