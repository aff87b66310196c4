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

const screenshot = vi.hoisted(() => Object.assign(vi.fn(), { listDisplays: vi.fn() }));
vi.mock('screenshot-desktop', () => ({ default: screenshot }));

/** xrandr's outputs as screenshot-desktop lists them: a laptop panel and DP-1 to its right. */
const SCREENS = [
  { id: 'eDP-1', offsetX: 0, offsetY: 0, width: 1920, height: 1080 },
  { id: 'DP-1', offsetX: 1920, offsetY: 0, width: 4, height: 2 },
];

const display: Display = { id: 'DP-1', bounds: { x: 1920, y: 0, width: 4, height: 2 }, scaleFactor: 1, primary: false };

describe('createCapturer auto', () => {
  it('falls back to screenshot-desktop after the first nut-js failure, decoding its PNG to RGBA', async () => {
    const png = await sharp({ create: { width: 4, height: 2, channels: 3, background: { r: 255, g: 0, b: 128 } } })
      .png()
      .toBuffer();
    screenshot.mockResolvedValue(png);
    screenshot.listDisplays.mockResolvedValue(SCREENS);
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

  it('cuts a monitor defined with xrandr --setmonitor out of the output that holds it', async () => {
    // One 4×1 output: two red pixels, then two blue ones; the monitor RIGHT is its right half.
    const png = await sharp(Buffer.from([255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255]), {
      raw: { width: 4, height: 1, channels: 3 },
    })
      .png()
      .toBuffer();
    screenshot.mockResolvedValue(png);
    screenshot.listDisplays.mockResolvedValue([{ id: 'screen', offsetX: 0, offsetY: 0, width: 4, height: 1 }]);
    const right: Display = { id: 'RIGHT', bounds: { x: 2, y: 0, width: 2, height: 1 }, scaleFactor: 1, primary: false };
    const frame = await (await createCapturer('screenshot-desktop')).capture(right);
    expect(screenshot).toHaveBeenLastCalledWith({ screen: 'screen', format: 'png' });
    expect([frame.width, frame.height, [...frame.pixels]]).toEqual([2, 1, [0, 0, 255, 255, 0, 0, 255, 255]]);
  });

  it('names the display when no screen holds it, instead of shooting another one', async () => {
    screenshot.listDisplays.mockResolvedValue(SCREENS);
    const elsewhere: Display = { ...display, id: 'HDMI-9', bounds: { x: 9000, y: 0, width: 10, height: 10 } };
    await expect((await createCapturer('screenshot-desktop')).capture(elsewhere)).rejects.toThrow(
      'screenshot-desktop lists no screen that holds display HDMI-9',
    );
  });

  it('does not fall back when the capture was aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    const capturer = await createCapturer('auto', vi.fn());
    await expect(capturer.capture(display, controller.signal)).rejects.toThrow('stopped');
    expect(capturer.method).toBe('nut');
  });
});
