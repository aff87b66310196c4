import { describe, expect, it } from 'vitest';
import { formatDuration, timingFacts, tokensPerSecond } from '../../../../renderer/lib/step-timings.js';

describe('tokensPerSecond', () => {
  it('divides completion tokens by generation seconds', () => {
    expect(tokensPerSecond(200, 4000)).toBe(50);
  });

  it('is unknown without tokens, without a generation time, or with a zero one', () => {
    expect([tokensPerSecond(null, 4000), tokensPerSecond(200, null), tokensPerSecond(200, 0)]).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('timingFacts', () => {
  it('takes first token and generation from the timings, act and settle from action-done first', () => {
    const timings = { firstTokenMs: 300, generationMs: 2000, actMs: 10, settleMs: 20 };
    expect(timingFacts(timings, 100, { actMs: 80, settleMs: null })).toEqual({
      firstTokenMs: 300,
      tokensPerSecond: 50,
      actMs: 80,
      settleMs: 20,
    });
  });

  it('is all unknown before the step is recorded', () => {
    expect(timingFacts(null)).toEqual({ firstTokenMs: null, tokensPerSecond: null, actMs: null, settleMs: null });
  });
});

describe('formatDuration', () => {
  it('writes ms, seconds and minutes', () => {
    expect([340, 1400, 12_400, 125_000].map(formatDuration)).toEqual(['340 ms', '1.4 s', '12 s', '2 min 5 s']);
  });
});
