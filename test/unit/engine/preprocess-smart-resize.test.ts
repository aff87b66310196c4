// smart_resize (GLM-4.1V's model-input size) against transformers.js's Glm46VImageProcessor. Node only.
import { Glm46VImageProcessor, type RawImage, env } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { smartResize } from '../../../src/engine/smart-resize.js';

env.allowRemoteModels = false;

const FULL = { shortest_edge: 12_544, longest_edge: 9_633_792 };
/** transformers.js's budget when a config names none (about 1280 tokens). */
const SMALL = { shortest_edge: 3136, longest_edge: 1_003_520 };

describe('smartResize', () => {
  const sizes = [
    [1920, 1080],
    [1366, 768],
    [3840, 2160],
    [800, 600],
    [28, 28],
    [30, 5000],
    [10, 10],
    [2560, 1440],
    [1092, 1932],
    [333, 217],
    [5000, 30],
    [100, 8000],
    [1, 150],
  ] as const;

  it.each([
    ['full', FULL],
    ['small', SMALL],
  ] as const)('matches transformers.js for every size (%s budget)', (_, size) => {
    const processor = new Glm46VImageProcessor({ patch_size: 14, merge_size: 2, temporal_patch_size: 2, size });
    for (const [width, height] of sizes) {
      const ours = smartResize(height, width, { minPixels: size.shortest_edge, maxPixels: size.longest_edge });
      const [theirWidth, theirHeight] = processor.get_resize_output_image_size({ width, height } as RawImage, size);
      expect({ input: [width, height], ...ours }).toEqual({
        input: [width, height],
        width: theirWidth,
        height: theirHeight,
      });
    }
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
