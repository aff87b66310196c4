// GLM-4.1V image preprocessing: a captured frame → vision-encoder pixel_values and image_grid_thw. Node only.
import { toRgb, type RawPixels } from '../imaging/rgb.js';
import { buildNormalizeLut, patchifyRgb, patchValues } from './patchify.js';
import type { PreprocessorConfig } from './preprocessor-config.js';
import { resizeRgb, type RgbImage } from './resize-rgb.js';
import { smartResize } from './smart-resize.js';

/** The pixels of a frame; a desktop `Frame` fits. */
export type FramePixels = RawPixels;

export interface PreprocessOptions {
  /**
   * A buffer to write pixel_values into, reused across calls to spare a 50 MB allocation (and its page faults) per
   * full-resolution frame. Used when long enough; `pixelValues` is then a view of its start.
   */
  out?: Float32Array;
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

/** Packed RGB of a 4-byte frame (alpha dropped, channels in RGB order). */
export function frameRgb(frame: FramePixels): RgbImage {
  if (frame.pixels.length < frame.width * frame.height * 4) {
    throw new Error(`Frame has ${frame.pixels.length} bytes, expected ${frame.width * frame.height * 4} (4 per pixel)`);
  }
  return { data: toRgb(frame), width: frame.width, height: frame.height };
}

/**
 * Preprocesses one frame as HF's reference Glm4vImageProcessor (PIL backend) does: drop alpha, resize to the smart
 * size with Pillow's resampling, rescale and normalise, then cut into merge-ordered patches with the frame repeated
 * over the temporal slots. Checked against the reference on real-sized frames (test/unit/engine/reference-parity).
 */
export async function preprocessImage(
  frame: FramePixels,
  config: PreprocessorConfig,
  options: PreprocessOptions = {},
): Promise<PreprocessedImage> {
  return preprocessRgb(frameRgb(frame), config, options);
}

/** preprocessImage for pixels already packed as RGB (the local backend's captured frames). */
export async function preprocessRgb(
  source: RgbImage,
  config: PreprocessorConfig,
  options: PreprocessOptions = {},
): Promise<PreprocessedImage> {
  if (source.data.length < source.width * source.height * 3) {
    throw new Error(`RGB image has ${source.data.length} bytes, expected ${source.width * source.height * 3}`);
  }
  const size = targetSize(source.width, source.height, config);
  const resized = await resizeRgb(source, size.width, size.height, config.resample);
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
