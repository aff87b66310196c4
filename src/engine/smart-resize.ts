// GLM-4.1V's smart_resize: the model-input size for an image, as HF's Glm4vImageProcessor computes it. Node only.

export interface SmartResizeOptions {
  /** Side multiple: patch_size · merge_size (28). */
  factor?: number;
  /** temporal_patch_size (2): an image counts as that many frames against `maxPixels`. */
  temporalFactor?: number;
  minPixels: number;
  maxPixels: number;
}

/** The aspect-ratio limit of HF's smart_resize; beyond it the patch grid degenerates. */
const MAX_ASPECT_RATIO = 200;

/** Python's round(): halves go to the even neighbour (round(52.5) is 52), not away from zero as Math.round does. */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction !== 0.5) return Math.round(value);
  return floor % 2 === 0 ? floor : floor + 1;
}

/**
 * The resized { width, height } (multiples of `factor`) of a `width`×`height` image, as HF Python's `smart_resize`
 * (image_processing_glm4v) gives it: the tiny-image upscale truncates (int()) and sides round half to even, so
 * 1470×956 becomes 1456×952. transformers.js rounds halves up and gives 1484×952 there.
 */
export function smartResize(
  height: number,
  width: number,
  options: SmartResizeOptions,
): { width: number; height: number } {
  const { factor = 28, temporalFactor = 2, minPixels, maxPixels } = options;
  if (!(height > 0 && width > 0)) throw new Error(`Cannot resize a ${width}×${height} image`);
  if (height < factor || width < factor) {
    // Tiny images are first scaled up so that their short side reaches one factor.
    const scale = Math.max(factor / height, factor / width);
    height = Math.trunc(height * scale);
    width = Math.trunc(width * scale);
  }
  const aspectRatio = Math.max(height, width) / Math.min(height, width);
  if (aspectRatio > MAX_ASPECT_RATIO) {
    throw new Error(`Image aspect ratio must be at most ${MAX_ASPECT_RATIO}:1, got ${aspectRatio.toFixed(1)}:1`);
  }
  let resizedHeight = roundHalfEven(height / factor) * factor;
  let resizedWidth = roundHalfEven(width / factor) * factor;
  const countedPixels = temporalFactor * resizedHeight * resizedWidth;
  if (countedPixels > maxPixels) {
    const beta = Math.sqrt((temporalFactor * height * width) / maxPixels);
    resizedHeight = Math.max(factor, Math.floor(height / beta / factor) * factor);
    resizedWidth = Math.max(factor, Math.floor(width / beta / factor) * factor);
  } else if (countedPixels < minPixels) {
    const beta = Math.sqrt(minPixels / (temporalFactor * height * width));
    resizedHeight = Math.ceil((height * beta) / factor) * factor;
    resizedWidth = Math.ceil((width * beta) / factor) * factor;
  }
  return { width: resizedWidth, height: resizedHeight };
}
