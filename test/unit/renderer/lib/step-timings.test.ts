import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatElapsed,
  formatRate,
  liveTimingFacts,
  streamProgress,
  timingFacts,
  tokensPerSecond,
  type LiveGeneration,
} from '../../../../renderer/lib/step-timings.js';

describe('tokensPerSecond', () => {
  it('divides completion tokens by generation seconds', () => {
    expect(tokensPerSecond(200, 4000)).toBe(50);
  });

  it('leaves the time to the first token (prefill) out of the decoding time', () => {
    expect(tokensPerSecond(200, 5000, 1000)).toBe(50);
    // A first-token time that is not before the end says nothing about decoding: the whole generation counts.
    expect(tokensPerSecond(200, 4000, 4000)).toBe(50);
  });

  it('is unknown without tokens, without a generation time, or with a zero one', () => {
    expect([
      tokensPerSecond(null, 4000),
      tokensPerSecond(200, null),
      tokensPerSecond(200, 0),
      tokensPerSecond(0, 4000),
    ]).toEqual([null, null, null, null]);
  });
});

describe('timingFacts', () => {
  it('takes first token and generation from the timings, act and settle from action-done first', () => {
    const timings = { firstTokenMs: 300, generationMs: 2300, actMs: 10, settleMs: 20 };
    expect(timingFacts(timings, 100, { actMs: 80, settleMs: null })).toEqual({
      firstTokenMs: 300,
      generationMs: 2300,
      tokens: 100,
      tokensPerSecond: 50,
      actMs: 80,
      settleMs: 20,
    });
  });

  it('is all unknown before the step is recorded', () => {
    expect(timingFacts(null)).toEqual({
      firstTokenMs: null,
      generationMs: null,
      tokens: null,
      tokensPerSecond: null,
      actMs: null,
      settleMs: null,
    });
  });
});

describe('liveTimingFacts', () => {
  const live: LiveGeneration = {
    timings: null,
    completionTokens: null,
    tokens: 40,
    startedAt: 9000,
    requestAt: 10_000,
    firstTokenAt: 10_500,
    generatedAt: 12_500,
    actMs: null,
    settleMs: null,
  };

  it('before the step is recorded: what the page saw, from the request to the first token and to the action', () => {
    expect(liveTimingFacts(live)).toEqual({
      firstTokenMs: 500,
      generationMs: 2500,
      tokens: 40,
      tokensPerSecond: 20,
      actMs: null,
      settleMs: null,
    });
    // Without the request's time, the step's start stands in.
    expect(liveTimingFacts({ ...live, requestAt: null })).toMatchObject({ firstTokenMs: 1500, generationMs: 3500 });
  });

  it('once recorded: the host timings, with the server token count over the streamed one', () => {
    const timings = { firstTokenMs: 400, generationMs: 2400, actMs: 30, settleMs: 200 };
    expect(liveTimingFacts({ ...live, timings, completionTokens: 50 })).toMatchObject({
      firstTokenMs: 400,
      generationMs: 2400,
      tokens: 50,
      tokensPerSecond: 25,
      actMs: 30,
    });
    // A server that sent no usage: the streamed count stands in.
    expect(liveTimingFacts({ ...live, timings })).toMatchObject({ tokens: 40, tokensPerSecond: 20 });
  });

  it('says nothing of tokens before the first one', () => {
    expect(liveTimingFacts({ ...live, tokens: 0, firstTokenAt: null, generatedAt: null })).toMatchObject({
      firstTokenMs: null,
      tokens: null,
      tokensPerSecond: null,
    });
  });
});

describe('streamProgress', () => {
  const step = { tokens: 0, startedAt: 1000, requestAt: null, firstTokenAt: null };

  it('runs a clock from the step start and waits for the first token', () => {
    expect(streamProgress(step, 1800)).toEqual({
      elapsedMs: 800,
      firstTokenMs: null,
      tokens: 0,
      tokensPerSecond: null,
    });
  });

  it('times the first token from the request, and rates tokens since it once there is a window to rate', () => {
    const streaming = { tokens: 30, startedAt: 1000, requestAt: 1200, firstTokenAt: 1500 };
    expect(streamProgress(streaming, 1600).tokensPerSecond).toBeNull();
    expect(streamProgress(streaming, 3500)).toEqual({
      elapsedMs: 2500,
      firstTokenMs: 300,
      tokens: 30,
      tokensPerSecond: 15,
    });
  });

  it('has no clock for a step whose start it did not see', () => {
    expect(
      streamProgress({ tokens: 3, startedAt: null, requestAt: null, firstTokenAt: null }, 5000).elapsedMs,
    ).toBeNull();
  });
});

describe('formatElapsed and formatRate', () => {
  it('writes a clock in tenths of a second, then minutes', () => {
    expect([0, 449, 12_345, 59_999, 125_000].map(formatElapsed)).toEqual([
      '0.0 s',
      '0.4 s',
      '12.3 s',
      '59.9 s',
      '2 min 05 s',
    ]);
  });

  it('writes a rate with one decimal', () => {
    expect(formatRate(12.345)).toBe('12.3');
  });
});

describe('formatDuration', () => {
  it('writes ms, seconds and minutes', () => {
    expect([340, 1400, 12_400, 125_000].map(formatDuration)).toEqual(['340 ms', '1.4 s', '12 s', '2 min 5 s']);
  });
});
