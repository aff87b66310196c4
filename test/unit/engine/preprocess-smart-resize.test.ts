// smart_resize (GLM-4.1V's model-input size) against HF Python's reference and transformers.js. Node only.
import { Glm46VImageProcessor, type RawImage, env } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { roundHalfEven, smartResize } from '../../../src/engine/smart-resize.js';

env.allowRemoteModels = false;

const FULL = { shortest_edge: 12_544, longest_edge: 9_633_792 };
/** transformers.js's budget when a config names none (about 1280 tokens). */
const SMALL = { shortest_edge: 3136, longest_edge: 1_003_520 };

describe('smartResize', () => {
  /**
   * [width, height, resized width, resized height] from HF Python's smart_resize (transformers 5.24,
   * image_processing_pil_glm4v.py), the reference: it rounds halves to even and truncates the tiny-image upscale.
   */
  const PYTHON: Record<'full' | 'small', Array<[number, number, number, number]>> = {
    full: [
      [1920, 1080, 1932, 1092],
      [1366, 768, 1372, 756],
      [3840, 2160, 2912, 1624],
      [800, 600, 812, 588],
      [28, 28, 84, 84],
      [30, 5000, 28, 5012],
      [10, 10, 84, 84],
      [2560, 1440, 2548, 1428],
      [1092, 1932, 1092, 1932],
      [333, 217, 336, 224],
      [5000, 30, 5012, 28],
      [100, 8000, 112, 8008],
      [1, 150, 28, 4200],
      [1470, 956, 1456, 952],
      [50, 50, 84, 84],
      [4000, 200, 4004, 196],
      [61, 19, 168, 56],
      [1442, 770, 1456, 784],
    ],
    small: [
      [1920, 1080, 924, 504],
      [1366, 768, 924, 504],
      [3840, 2160, 924, 504],
      [800, 600, 812, 588],
      [28, 28, 56, 56],
      [30, 5000, 28, 5012],
      [10, 10, 56, 56],
      [2560, 1440, 924, 504],
      [1092, 1932, 532, 924],
      [333, 217, 336, 224],
      [5000, 30, 5012, 28],
      [100, 8000, 56, 6328],
      [1, 150, 28, 4200],
      [1470, 956, 868, 560],
      [50, 50, 56, 56],
      [4000, 200, 3164, 140],
      [61, 19, 84, 28],
      [1442, 770, 952, 504],
    ],
  };

  it.each([
    ['full', FULL],
    ['small', SMALL],
  ] as const)('matches HF Python for every size (%s budget)', (name, size) => {
    for (const [width, height, resizedWidth, resizedHeight] of PYTHON[name]) {
      const ours = smartResize(height, width, { minPixels: size.shortest_edge, maxPixels: size.longest_edge });
      expect({ input: [width, height], ...ours }).toEqual({
        input: [width, height],
        width: resizedWidth,
        height: resizedHeight,
      });
    }
  });

  it('differs from transformers.js only where a side is an exact half of 28 (Python rounds it to even)', () => {
    const processor = new Glm46VImageProcessor({ patch_size: 14, merge_size: 2, temporal_patch_size: 2, size: FULL });
    const options = { minPixels: FULL.shortest_edge, maxPixels: FULL.longest_edge };
    expect(smartResize(956, 1470, options)).toEqual({ width: 1456, height: 952 });
    const [theirWidth] = processor.get_resize_output_image_size({ width: 1470, height: 956 } as RawImage, FULL);
    expect(theirWidth).toBe(1484);
    expect(roundHalfEven(52.5)).toBe(52);
    expect(roundHalfEven(53.5)).toBe(54);
    expect(roundHalfEven(52.4)).toBe(52);
    expect(roundHalfEven(52.6)).toBe(53);
  });

  it('gives the documented sizes', () => {
    const full = { minPixels: FULL.shortest_edge, maxPixels: FULL.longest_edge };
    expect(smartResize(1080, 1920, full)).toEqual({ width: 1932, height: 1092 });
    expect(smartResize(1080, 1920, { minPixels: SMALL.shortest_edge, maxPixels: SMALL.longest_edge })).toEqual({
      width: 924,
      height: 504,
    });
    // The temporal factor halves the budget: 4K lands near 4.8 MP, not 9.6.
    expect(smartResize(2160, 3840, full)).toEqual({ width: 2912, height: 1624 });
    expect(smartResize(10, 10, full)).toEqual({ width: 84, height: 84 });
  });

  it('refuses an aspect ratio over 200, as transformers.js does', () => {
    const options = { minPixels: FULL.shortest_edge, maxPixels: FULL.longest_edge };
    expect(() => smartResize(10, 3000, options)).toThrow(/aspect ratio must be at most 200:1, got 300\.0:1/);
    expect(() => smartResize(3000, 14, options)).toThrow(/aspect ratio/);
    const processor = new Glm46VImageProcessor({ patch_size: 14, merge_size: 2, temporal_patch_size: 2, size: FULL });
    expect(() => processor.get_resize_output_image_size({ width: 3000, height: 10 } as RawImage, FULL)).toThrow(
      /aspect ratio/,
    );
  });
});
