// GLM-4.1V preprocessing: grids against transformers.js, layout and options. The pixel values are checked against
// HF Python's reference processor in reference-parity.test.ts (transformers.js resizes without antialiasing). Node only.
import { Glm46VImageProcessor, RawImage, env } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { preprocessImage, type FramePixels } from '../../../src/engine/preprocess.js';
import { parsePreprocessorConfig } from '../../../src/engine/preprocessor-config.js';

env.allowRemoteModels = false;

const FULL = { shortest_edge: 12_544, longest_edge: 9_633_792 };
/** transformers.js's budget when a config names none (about 1280 tokens). */
const SMALL = { shortest_edge: 3136, longest_edge: 1_003_520 };
const configJson = (size: typeof FULL) => ({ size, do_resize: true, do_normalize: true, resample: 3 });

/** A busy desktop-like frame: gradients, noise, sinusoid and dark/light text-like blocks. */
function syntheticRgb(width: number, height: number, seed = 1): Uint8Array {
  // Clamped, so noise saturates at black and white instead of wrapping around.
  const rgb = new Uint8ClampedArray(width * height * 3);
  let state = seed;
  const random = () => (state = (state * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
  for (let y = 0, offset = 0; y < height; y++) {
    for (let x = 0; x < width; x++, offset += 3) {
      const noise = random() * 60 - 30;
      rgb[offset] = (x * 255) / width + noise;
      rgb[offset + 1] = (y * 255) / height + noise;
      rgb[offset + 2] = 128 + 100 * Math.sin(x / 17 + y / 23) + noise;
    }
  }
  for (let block = 0; block < (width * height) / 5000; block++) {
    const [left, top] = [Math.floor(random() * (width - 30)), Math.floor(random() * (height - 10))];
    const [blockWidth, blockHeight, shade] = [
      3 + Math.floor(random() * 27),
      2 + Math.floor(random() * 8),
      random() < 0.5 ? 0 : 255,
    ];
    for (let y = top; y < Math.min(height, top + blockHeight); y++)
      rgb.fill(shade, (y * width + left) * 3, (y * width + left + blockWidth) * 3);
  }
  return new Uint8Array(rgb.buffer);
}

/** Packs RGB as a 4-byte frame in the given order, with the zero alpha X11 gives. */
function frameOf(rgb: Uint8Array, width: number, height: number, channelOrder: 'rgba' | 'bgra'): FramePixels {
  const pixels = Buffer.alloc(width * height * 4);
  const [first, third] = channelOrder === 'bgra' ? [2, 0] : [0, 2];
  for (let source = 0, target = 0; source < rgb.length; source += 3, target += 4) {
    pixels[target] = rgb[source + first]!;
    pixels[target + 1] = rgb[source + 1]!;
    pixels[target + 2] = rgb[source + third]!;
  }
  return { pixels, channelOrder, width, height };
}

function differences(ours: Float32Array, theirs: Float32Array): { max: number; mean: number } {
  let [max, sum] = [0, 0];
  for (let index = 0; index < ours.length; index++) {
    const difference = Math.abs(ours[index]! - theirs[index]!);
    max = Math.max(max, difference);
    sum += difference;
  }
  return { max, mean: sum / ours.length };
}

async function transformersJs(rgb: Uint8Array, width: number, height: number, size: typeof FULL) {
  const processor = new Glm46VImageProcessor({
    patch_size: 14,
    merge_size: 2,
    temporal_patch_size: 2,
    ...configJson(size),
    image_mean: [0.48145466, 0.4578275, 0.40821073],
    image_std: [0.26862954, 0.26130258, 0.27577711],
  });
  const { pixel_values, image_grid_thw } = await processor(new RawImage(new Uint8ClampedArray(rgb), width, height, 3));
  return {
    pixelValues: pixel_values.data as Float32Array,
    gridThw: (image_grid_thw.tolist() as bigint[][])[0]!.map(Number),
  };
}

const config = (size: typeof FULL) => parsePreprocessorConfig(configJson(size));

describe('preprocessImage grids against transformers.js', () => {
  it.each([
    ['1920×1080 BGRA, full resolution', 1920, 1080, 'bgra', FULL, [1, 78, 138], 2691],
    ['1920×1080 RGBA, ~1 MP budget', 1920, 1080, 'rgba', SMALL, [1, 36, 66], 594],
    ['1366×768 BGRA, full resolution', 1366, 768, 'bgra', FULL, [1, 54, 98], 1323],
    ['1366×768 RGBA, ~1 MP budget', 1366, 768, 'rgba', SMALL, [1, 36, 66], 594],
    ['333×217 BGRA, full resolution', 333, 217, 'bgra', FULL, [1, 16, 24], 96],
    ['61×19 RGBA, upscaled', 61, 19, 'rgba', FULL, [1, 4, 12], 12],
  ] as const)(
    '%s: same grid and tokens; pixel_values close on average',
    async (_, width, height, order, size, grid, tokens) => {
      const rgb = syntheticRgb(width, height);
      const ours = await preprocessImage(frameOf(rgb, width, height, order), config(size));
      const theirs = await transformersJs(rgb, width, height, size);
      expect(ours.gridThw).toEqual(theirs.gridThw);
      expect(ours.gridThw).toEqual(grid);
      expect(ours.imageTokens).toBe(tokens);
      expect(ours.pixelValues.length).toBe(theirs.pixelValues.length);
      expect([ours.resizedWidth, ours.resizedHeight]).toEqual([grid[2] * 14, grid[1] * 14]);
      const { mean } = differences(ours.pixelValues, theirs.pixelValues);
      // Pillow and sharp's affine differ where edges are resampled (only Pillow low-passes when shrinking).
      expect(mean).toBeLessThan(0.2);
    },
    30_000,
  );
});

describe('preprocessImage layout and options', () => {
  /** Raw bytes in, raw bytes out: no resize, no rescale, no normalisation. */
  const identity = parsePreprocessorConfig({ do_resize: false, do_rescale: false, do_normalize: false });

  it('orders patches by 2×2 merge window, each [channel][temporal][row][column]', async () => {
    // 56×28 px = 2×4 patches; every pixel of patch (row r, column c) holds 10·r + c in red, +100 in green, +200 in blue.
    const [width, height] = [56, 28];
    const rgb = new Uint8Array(width * height * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const patch = 10 * Math.floor(y / 14) + Math.floor(x / 14);
        rgb.set([patch, patch + 100, patch + 200], (y * width + x) * 3);
      }
    }
    const { pixelValues, gridThw, imageTokens } = await preprocessImage(frameOf(rgb, width, height, 'bgra'), identity);
    expect(gridThw).toEqual([1, 2, 4]);
    expect(imageTokens).toBe(2);
    const rows = Array.from({ length: 8 }, (_, row) => pixelValues.subarray(row * 1176, (row + 1) * 1176));
    expect(rows.map((row) => row[0])).toEqual([0, 1, 10, 11, 2, 3, 12, 13]);
    // Within a patch: 392 values per channel (both temporal copies), then the next channel.
    expect([...new Set(rows[5]!.subarray(0, 392))]).toEqual([3]);
    expect([...new Set(rows[5]!.subarray(392, 784))]).toEqual([103]);
    expect([...new Set(rows[5]!.subarray(784))]).toEqual([203]);
  });

  it('writes into a caller buffer when it is long enough', async () => {
    const out = new Float32Array(2 * 8 * 1176);
    const frame = frameOf(syntheticRgb(56, 28), 56, 28, 'rgba');
    const result = await preprocessImage(frame, identity, { out });
    expect(result.pixelValues.buffer).toBe(out.buffer);
    expect(result.pixelValues.length).toBe(8 * 1176);
    const small = await preprocessImage(frame, identity, { out: new Float32Array(10) });
    expect(small.pixelValues.length).toBe(8 * 1176);
  });

  it('low-passes when shrinking, as Pillow does (transformers.js point-samples and aliases)', async () => {
    // A one-pixel checkerboard shrunk about 2×: a filtered result is flat grey, a point-sampled one is not.
    const [width, height] = [1920, 1080];
    const rgb = new Uint8Array(width * height * 3);
    for (let pixel = 0; pixel < width * height; pixel++)
      rgb.fill(((pixel % width) + Math.floor(pixel / width)) % 2 ? 255 : 0, pixel * 3, pixel * 3 + 3);
    const frame = frameOf(rgb, width, height, 'rgba');
    const spread = (values: Float32Array) =>
      Math.max(...values.subarray(0, 1176 * 64)) - Math.min(...values.subarray(0, 1176 * 64));
    const filtered = await preprocessImage(frame, config(SMALL));
    const aliased = await transformersJs(rgb, width, height, SMALL);
    expect(filtered.gridThw).toEqual(aliased.gridThw);
    expect(spread(filtered.pixelValues)).toBeLessThan(0.5);
    expect(spread(aliased.pixelValues)).toBeGreaterThan(2);
  });

  it('refuses frames it cannot patchify', async () => {
    await expect(preprocessImage(frameOf(new Uint8Array(30 * 28 * 3), 30, 28, 'rgba'), identity)).rejects.toThrow(
      /multiple of 28/,
    );
    const short = { pixels: Buffer.alloc(10), channelOrder: 'rgba' as const, width: 28, height: 28 };
    await expect(preprocessImage(short, identity)).rejects.toThrow(/expected 3136/);
    const thin = frameOf(new Uint8Array(3000 * 10 * 3), 3000, 10, 'rgba');
    await expect(preprocessImage(thin, config(FULL))).rejects.toThrow(/aspect ratio/);
  });
});
