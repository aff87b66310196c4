import { describe, expect, it } from 'vitest';
import { PauseGate } from '../../../src/agent/pause-gate.js';

describe('pause gate', () => {
  it('passes at once when open', async () => {
    expect(await new PauseGate().pass(new AbortController().signal)).toBe(false);
  });

  it('holds while paused and lets every waiter through on resume', async () => {
    const gate = new PauseGate();
    gate.pause();
    const signal = new AbortController().signal;
    let passed = 0;
    const waiters = [gate.pass(signal), gate.pass(signal)].map((waiter) => waiter.then(() => passed++));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(passed).toBe(0);
    gate.resume();
    await Promise.all(waiters);
    expect(passed).toBe(2);
  });

  it('a stop while paused rejects at once with an AbortError', async () => {
    const gate = new PauseGate();
    gate.pause();
    const controller = new AbortController();
    const waiting = gate.pass(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
