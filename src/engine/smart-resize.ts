// GLM-4.1V's smart_resize: the model-input size for an image, as transformers.js computes it. Node only.

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

/**
 * The resized { width, height } (multiples of `factor`) of a `width`×`height` image. Mirrors transformers.js's
 * `smart_resize(h, w, factor, min, max, temporal_factor)` (Glm46VImageProcessor), including its Math.round. HF Python
 * differs only at exact halves: it truncates the tiny-image upscale and rounds `k + 0.5` to even, so a side of
 * 28·k + 14 with even k can come out one factor smaller there.
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
    height = Math.round(height * scale);
    width = Math.round(width * scale);
  }
  const aspectRatio = Math.max(height, width) / Math.min(height, width);
  if (aspectRatio > MAX_ASPECT_RATIO) {
    throw new Error(`Image aspect ratio must be at most ${MAX_ASPECT_RATIO}:1, got ${aspectRatio.toFixed(1)}:1`);
  }
  let resizedHeight = Math.round(height / factor) * factor;
  let resizedWidth = Math.round(width / factor) * factor;
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
