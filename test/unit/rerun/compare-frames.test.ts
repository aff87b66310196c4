import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../src/desktop/encode.js';
import type { Frame } from '../../../src/desktop/types.js';
import { emptyAction, type Action } from '../../../src/glm/actions.js';
import {
  boxBlur,
  comparisonTargets,
  differenceAt,
  downscale,
  measureDifference,
  PATCH_SIZE,
  type ComparisonTarget,
  type GrayImage,
} from '../../../src/rerun/compare-frames.js';
import { grayOfFrame, readGrayImage } from '../../../src/rerun/gray-frames.js';
import { differsBeyond } from '../../../src/rerun/thresholds.js';

const SIZE = { width: 640, height: 360 };
const at = (name: Action['name'], point: [number, number] | null, endPoint: [number, number] | null = null) => ({
  ...emptyAction(name),
  point,
  endPoint,
});

/** A light page with a framed button whose dark "label" strokes sit at `labelX`; `caret` draws a 2 px bar. */
function pageFrame(options: { labelX?: number; caret?: boolean; label?: 'bars' | 'dots' } = {}): Frame {
  const { width, height } = SIZE;
  const pixels = Buffer.alloc(width * height * 4);
  const paint = (x: number, y: number, value: number) =>
    pixels.fill(value, (y * width + x) * 4, (y * width + x) * 4 + 3);
  const labelX = options.labelX ?? 300;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let value = 240;
      if (x >= 200 && x < 440 && y >= 120 && y < 240) value = x < 202 || x > 437 || y < 122 || y > 237 ? 50 : 225;
      const inLabel = x >= labelX && x < labelX + 40 && y >= 172 && y < 188;
      const stroke = options.label === 'dots' ? (x + y) % 6 < 2 : (x - labelX) % 8 < 3;
      if (inLabel && stroke) value = 30;
      if (options.caret && x >= 60 && x < 62 && y >= 40 && y < 64) value = 0;
      paint(x, y, value);
    }
  }
  return {
    displayId: 'test',
    pixels,
    channelOrder: 'bgra',
    ...SIZE,
    bounds: { x: 0, y: 0, ...SIZE },
    scaleFactor: 1,
    capturedAt: 0,
  };
}

/** The recorded side exactly as a run stores it: JPEG q80 on disk, decoded again. */
async function recordedGray(frame: Frame): Promise<GrayImage> {
  const dir = await mkdtemp(join(tmpdir(), 'deskhand-compare-'));
  try {
    const path = join(dir, 'frame.jpg');
    await writeFile(path, (await encodeFrame(frame, { format: 'jpeg' })).data);
    return await readGrayImage(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const BUTTON: ComparisonTarget = comparisonTargets(at('left_click', [320, 180]), SIZE)[0]!;

describe('comparisonTargets', () => {
  it('compares a 96 px square around a pointer target, shifted inside the frame at the edges', () => {
    expect(comparisonTargets(at('left_click', [320, 180]), SIZE)).toEqual([
      { kind: 'patch', label: 'target', region: { x: 272, y: 132, width: PATCH_SIZE, height: PATCH_SIZE } },
    ]);
    expect(comparisonTargets(at('scroll', [2, 359]), SIZE)).toEqual([
      { kind: 'patch', label: 'target', region: { x: 0, y: 264, width: 96, height: 96 } },
    ]);
  });

  it('compares both ends of a drag, the whole screen for keys and typing, and nothing for waits', () => {
    expect(comparisonTargets(at('left_drag', [100, 100], [500, 100]), SIZE).map((target) => target.label)).toEqual([
      'drag start',
      'drag end',
    ]);
    expect(comparisonTargets(emptyAction('type'), SIZE)).toEqual([{ kind: 'screen', label: 'screen' }]);
    expect(comparisonTargets(emptyAction('key'), SIZE)).toEqual([{ kind: 'screen', label: 'screen' }]);
    expect(comparisonTargets(emptyAction('wait'), SIZE)).toEqual([]);
  });
});

describe('the difference metric', () => {
  it('is zero for equal images and counts pixels beyond the delta', () => {
    const a: GrayImage = { width: 4, height: 1, data: Uint8Array.from([10, 10, 10, 10]) };
    const b: GrayImage = { width: 4, height: 1, data: Uint8Array.from([10, 20, 50, 10]) };
    expect(measureDifference(a, a)).toEqual({ meanDifference: 0, changedFraction: 0 });
    expect(measureDifference(a, b)).toEqual({ meanDifference: 12.5, changedFraction: 0.25 });
    expect(() => measureDifference(a, { ...b, width: 2, height: 2 })).toThrow(/4×1 image with a 2×2/);
  });

  it('blurs a lone bright pixel to a ninth and averages blocks when downscaling', () => {
    const dot: GrayImage = { width: 3, height: 3, data: Uint8Array.from([0, 0, 0, 0, 90, 0, 0, 0, 0]) };
    expect(boxBlur(dot).data[4]).toBe(10);
    const ramp: GrayImage = { width: 4, height: 2, data: Uint8Array.from([0, 2, 4, 6, 0, 2, 4, 6]) };
    expect(downscale(ramp, 2)).toEqual({ width: 2, height: 1, data: Uint8Array.from([1, 5]) });
  });

  it('accepts a recorded JPEG against the same screen captured fresh, also with a blinking caret', async () => {
    const recorded = await recordedGray(pageFrame());
    const fresh = await grayOfFrame(pageFrame(), SIZE);
    const screen: ComparisonTarget = { kind: 'screen', label: 'screen' };
    expect(differsBeyond(differenceAt(recorded, fresh, BUTTON), 'strict', 'patch')).toBe(false);
    expect(differsBeyond(differenceAt(recorded, fresh, screen), 'strict', 'screen')).toBe(false);
    const withCaret = await grayOfFrame(pageFrame({ caret: true }), SIZE);
    const caretPatch = comparisonTargets(at('left_click', [80, 50]), SIZE)[0]!;
    expect(differsBeyond(differenceAt(recorded, withCaret, caretPatch), 'strict', 'patch')).toBe(false);
  });

  it('rejects a target moved by 20 px or relabelled, in strict and loose mode', async () => {
    const recorded = await recordedGray(pageFrame());
    for (const changed of [pageFrame({ labelX: 320 }), pageFrame({ label: 'dots' })]) {
      const difference = differenceAt(recorded, await grayOfFrame(changed, SIZE), BUTTON);
      expect(differsBeyond(difference, 'strict', 'patch')).toBe(true);
      expect(differsBeyond(difference, 'loose', 'patch')).toBe(true);
      expect(differsBeyond(difference, 'off', 'patch')).toBe(false);
    }
  });

  it('maps a capture of another size onto the recorded size before comparing', async () => {
    const big = pageFrame();
    const recorded = await recordedGray(big);
    const half = await grayOfFrame(big, { width: 320, height: 180 });
    expect([half.width, half.height]).toEqual([320, 180]);
    expect((await grayOfFrame(big, SIZE)).data.length).toBe(recorded.data.length);
  });
});
