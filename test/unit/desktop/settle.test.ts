// waitForSettle against scripted frame sequences: settles on two equal frames, stops at the cap, aborts. Node only.
import { describe, expect, it } from 'vitest';
import { waitForSettle } from '../../../src/desktop/settle.js';
import type { Frame } from '../../../src/desktop/types.js';

function frameOfShade(shade: number): Frame {
  return {
    displayId: 'screen',
    pixels: Buffer.alloc(64 * 36 * 4, shade),
    channelOrder: 'rgba',
    width: 64,
    height: 36,
    bounds: { x: 0, y: 0, width: 64, height: 36 },
    scaleFactor: 1,
    capturedAt: 0,
  };
}

/** A capture that returns the given shades in turn, repeating the last one. */
function scriptedCapture(shades: number[]) {
  let calls = 0;
  const capture = async () => frameOfShade(shades[Math.min(calls++, shades.length - 1)]!);
  return { capture, calls: () => calls };
}

const fast = { minWaitMs: 5, intervalMs: 10 };

describe('waitForSettle', () => {
  it('settles on the first two equal consecutive frames', async () => {
    const script = scriptedCapture([10, 20, 30, 30, 40]);
    const waited = await waitForSettle(script.capture, new AbortController().signal, { ...fast, capMs: 2000 });
    expect(script.calls()).toBe(4);
    expect(waited).toBeLessThan(1000);
  });

  it('gives up at the cap on a screen that keeps changing', async () => {
    let shade = 0;
    const capture = async () => frameOfShade((shade += 10) % 250);
    const waited = await waitForSettle(capture, new AbortController().signal, { ...fast, capMs: 200 });
    expect(waited).toBeGreaterThanOrEqual(200);
    expect(waited).toBeLessThan(600);
  });

  it('rejects with the abort reason as soon as the signal aborts', async () => {
    let shade = 0;
    const capture = async () => frameOfShade((shade += 10) % 250);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stopped')), 30);
    await expect(waitForSettle(capture, controller.signal, { ...fast, capMs: 5000 })).rejects.toThrow('stopped');
  });
});
