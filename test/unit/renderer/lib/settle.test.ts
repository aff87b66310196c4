// The player's frame follows a click or a play tick at once, and a fast scrub only where it stops.
import { describe, expect, it } from 'vitest';
import { SCRUB_SETTLE_MS, settleDelayMs } from '../../../../renderer/lib/settle.js';

describe('settleDelayMs', () => {
  it('acts at once on the first change and after a pause, and waits out changes that come quickly', () => {
    expect([
      settleDelayMs(null, 1000),
      settleDelayMs(1000, 1000 + SCRUB_SETTLE_MS),
      settleDelayMs(1000, 3000),
      settleDelayMs(1000, 1016),
      settleDelayMs(1000, 1099),
      settleDelayMs(1000, 1050, 40),
    ]).toEqual([0, 0, 0, SCRUB_SETTLE_MS, SCRUB_SETTLE_MS, 0]);
  });

  it('shows only the first step of a 1,000-step drag at once (one change every 16 ms); the rest waits to settle', () => {
    let lastChangeAt: number | null = null;
    let immediate = 0;
    for (let step = 0; step < 1000; step += 1) {
      const now = step * 16;
      if (settleDelayMs(lastChangeAt, now) === 0) immediate += 1;
      lastChangeAt = now;
    }
    expect(immediate).toBe(1);
  });
});
