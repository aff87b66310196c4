// createCapturer('auto'): after a nut-js failure it logs why and uses screenshot-desktop. Node only.
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import { createCapturer } from '../../../src/desktop/capture.js';
import type { Display } from '../../../src/desktop/types.js';

vi.mock('../../../src/desktop/nut.js', () => ({
  loadNut: vi.fn(async () => {
    throw new Error('Could not open X display');
  }),
}));

const screenshot = vi.hoisted(() => vi.fn());
vi.mock('screenshot-desktop', () => ({ default: screenshot }));

const display: Display = { id: 'DP-1', bounds: { x: 1920, y: 0, width: 4, height: 2 }, scaleFactor: 1, primary: false };

describe('createCapturer auto', () => {
  it('falls back to screenshot-desktop after the first nut-js failure, decoding its PNG to RGBA', async () => {
    const png = await sharp({ create: { width: 4, height: 2, channels: 3, background: { r: 255, g: 0, b: 128 } } })
      .png()
      .toBuffer();
    screenshot.mockResolvedValue(png);
    const log = vi.fn();
    const capturer = await createCapturer('auto', log);
    const frame = await capturer.capture(display);
    expect(log).toHaveBeenCalledWith(
      'nut-js capture failed (Could not open X display); falling back to screenshot-desktop',
    );
    expect(screenshot).toHaveBeenCalledWith({ screen: 'DP-1', format: 'png' });
    expect({ ...frame, pixels: [...frame.pixels.subarray(0, 4)], capturedAt: 0 }).toEqual({
      displayId: 'DP-1',
      pixels: [255, 0, 128, 255],
      channelOrder: 'rgba',
      width: 4,
      height: 2,
      bounds: display.bounds,
      scaleFactor: 1,
      capturedAt: 0,
    });
    expect(capturer.method).toBe('screenshot-desktop');
    await capturer.capture(display);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it('does not fall back when the capture was aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    const capturer = await createCapturer('auto', vi.fn());
    await expect(capturer.capture(display, controller.signal)).rejects.toThrow('stopped');
    expect(capturer.method).toBe('nut');
  });
});
