// GLM-4.1V image preprocessing: a captured frame → vision-encoder pixel_values and image_grid_thw. Node only.
import { toRgb } from '../desktop/encode.js';
import type { Frame } from '../desktop/types.js';
import { buildNormalizeLut, patchifyRgb, patchValues } from './patchify.js';
import type { PreprocessorConfig } from './preprocessor-config.js';
import { resizeRgb, type Resampler } from './resize-rgb.js';
import { smartResize } from './smart-resize.js';

export type { Resampler } from './resize-rgb.js';

/** The pixels of a frame; a desktop `Frame` fits. */
export type FramePixels = Pick<Frame, 'pixels' | 'channelOrder' | 'width' | 'height'>;

export interface PreprocessOptions {
  /**
   * A buffer to write pixel_values into, reused across calls to spare a 50 MB allocation (and its page faults) per
   * full-resolution frame. Used when long enough; `pixelValues` is then a view of its start.
   */
  out?: Float32Array;
  /** How to resize; see `Resampler`. Default 'transformers-js'. */
  resampler?: Resampler;
}

export interface PreprocessedImage {
  /** float32 [patches, 3·T·P·P] (= [N, 1176]), row-major, HF patch order. */
  pixelValues: Float32Array;
  /** [t, h, w] in patches: t is 1 for a still image, h·w patches. */
  gridThw: [number, number, number];
  resizedWidth: number;
  resizedHeight: number;
  /** Image tokens the language model sees: t·h·w / merge². */
  imageTokens: number;
}

/** Normalisation tables per config object, so repeated frames skip rebuilding them. */
const lutCache = new WeakMap<PreprocessorConfig, Float32Array>();

function normalizeLutFor(config: PreprocessorConfig): Float32Array {
  let lut = lutCache.get(config);
  if (!lut) lutCache.set(config, (lut = buildNormalizeLut(config)));
  return lut;
}

/** The model-input size of a frame: smart_resize, or the frame's own size when `do_resize` is off. */
export function targetSize(
  width: number,
  height: number,
  config: PreprocessorConfig,
): { width: number; height: number } {
  const factor = config.patchSize * config.mergeSize;
  if (config.doResize) {
    const { temporalPatchSize: temporalFactor, minPixels, maxPixels } = config;
    return smartResize(height, width, { factor, temporalFactor, minPixels, maxPixels });
  }
  if (width % factor || height % factor) {
    throw new Error(`With do_resize false the image (${width}×${height}) must be a multiple of ${factor} on each side`);
  }
  return { width, height };
}

/**
 * Preprocesses one frame as HF Glm4vImageProcessor does (transformers.js Glm46VImageProcessor semantics): drop alpha,
 * resize to the smart size, rescale and normalise, then cut into merge-ordered patches with the frame repeated over
 * the temporal slots. Several times faster than transformers.js (bench/preprocess.mjs), which builds the layout
 * with tensor permutes and allocates per step.
 */
export async function preprocessImage(
  frame: FramePixels,
  config: PreprocessorConfig,
  options: PreprocessOptions = {},
): Promise<PreprocessedImage> {
  if (frame.pixels.length < frame.width * frame.height * 4) {
    throw new Error(`Frame has ${frame.pixels.length} bytes, expected ${frame.width * frame.height * 4} (4 per pixel)`);
  }
  const size = targetSize(frame.width, frame.height, config);
  // Swapping in JS and resizing 3 channels beats letting sharp carry the 4th (perf-anchors 4d).
  const source = { data: toRgb(frame), width: frame.width, height: frame.height };
  const resized = await resizeRgb(source, size.width, size.height, config.resample, options.resampler);
  const gridH = size.height / config.patchSize;
  const gridW = size.width / config.patchSize;
  const length = gridH * gridW * patchValues(config);
  const pixelValues =
    options.out && options.out.length >= length ? options.out.subarray(0, length) : new Float32Array(length);
  patchifyRgb(resized.data, size.width, size.height, normalizeLutFor(config), config, pixelValues);
  return {
    pixelValues,
    gridThw: [1, gridH, gridW],
    resizedWidth: size.width,
    resizedHeight: size.height,
    imageTokens: (gridH * gridW) / (config.mergeSize * config.mergeSize),
  };
}
