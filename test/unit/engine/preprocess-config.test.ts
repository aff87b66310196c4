// preprocessor_config.json validation: HF defaults, pixel-budget precedence and errors that name the key. Node only.
import { describe, expect, it } from 'vitest';
import { CLIP_MEAN, CLIP_STD, parsePreprocessorConfig } from '../../../src/engine/preprocessor-config.js';

describe('parsePreprocessorConfig', () => {
  it('reads a GLM-4.1V config, ignoring unrelated keys', () => {
    const config = parsePreprocessorConfig({
      size: { shortest_edge: 12_544, longest_edge: 9_633_792 },
      do_rescale: true,
      patch_size: 14,
      temporal_patch_size: 2,
      merge_size: 2,
      image_mean: [...CLIP_MEAN],
      image_std: [...CLIP_STD],
      image_processor_type: 'Glm4vImageProcessor',
      processor_class: 'Glm4vProcessor',
    });
    expect(config).toEqual({
      patchSize: 14,
      mergeSize: 2,
      temporalPatchSize: 2,
      imageMean: [...CLIP_MEAN],
      imageStd: [...CLIP_STD],
      rescaleFactor: 1 / 255,
      doResize: true,
      // HF Python's defaults, which the shipped config relies on (transformers.js would skip these).
      doNormalize: true,
      resample: 3,
      minPixels: 12_544,
      maxPixels: 9_633_792,
    });
  });

  it('defaults an empty config to HF Glm4vImageProcessor', () => {
    expect(parsePreprocessorConfig({})).toMatchObject({ patchSize: 14, minPixels: 12_544, maxPixels: 11_760_000 });
  });

  it('lets min_pixels / max_pixels win over size, and honours do_rescale false', () => {
    const config = parsePreprocessorConfig({
      min_pixels: 3136,
      max_pixels: 1_003_520,
      size: { shortest_edge: 1, longest_edge: 2 },
      do_rescale: false,
    });
    expect(config).toMatchObject({ minPixels: 3136, maxPixels: 1_003_520, rescaleFactor: 1 });
  });

  it.each([
    [{ image_std: [0.2, 0.2] }, /image_std: .*3/],
    [{ image_std: [0.2, 0, 0.2] }, /image_std: every entry must be > 0/],
    [{ patch_size: -14 }, /patch_size: /],
    [{ merge_size: 2.5 }, /merge_size: /],
    [{ resample: 4 }, /resample: must be 0 \(nearest\)/],
    [{ do_normalize: 'yes' }, /do_normalize: /],
    [{ size: { longest_edge: '9633792' } }, /size\.longest_edge: /],
    [{ min_pixels: 5000, max_pixels: 4000 }, /min pixels \(5000\) exceed max pixels \(4000\)/],
    [null, /Invalid preprocessor_config\.json: \(root\)/],
  ])('refuses %j with an error naming the key', (json, message) => {
    expect(() => parsePreprocessorConfig(json)).toThrow(message);
  });
});
