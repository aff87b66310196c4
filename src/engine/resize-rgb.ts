// Resizes packed 8-bit RGB with sharp the way transformers.js does under Node, or antialiased. Node only.
import sharp from 'sharp';
import type { Resample } from './preprocessor-config.js';

/**
 * 'transformers-js' (default): sharp `affine` with the PIL-named interpolator, exactly transformers.js's
 * RawImage.resize under Node, so pixel_values match it bit for bit. It samples without a low-pass filter, so it aliases
 * when shrinking; near-identity scales (full-resolution configs) are unaffected.
 * 'antialiased': sharp `resize` when shrinking, whose kernels widen with the scale like PIL / torchvision (HF Python's
 * path). Enlarging still uses `affine`: sharp's resize enlarges with a half-pixel offset (measured on 0.35.5).
 */
export type Resampler = 'transformers-js' | 'antialiased';

export interface RgbImage {
  data: Buffer;
  width: number;
  height: number;
}

const AFFINE_INTERPOLATORS = { 0: 'nearest', 2: 'bilinear', 3: 'bicubic' } as const;
const RESIZE_KERNELS = { 0: 'nearest', 1: 'lanczos3', 2: 'linear', 3: 'cubic' } as const;

/** Resizes `image` to exactly `width`×`height`; returns it unchanged when the size already matches. */
export async function resizeRgb(
  image: RgbImage,
  width: number,
  height: number,
  resample: Resample,
  resampler: Resampler = 'transformers-js',
): Promise<RgbImage> {
  if (image.width === width && image.height === height) return image;
  let pipeline = sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });
  const shrinking = width <= image.width && height <= image.height;
  if (resample === 1 || (resampler === 'antialiased' && shrinking)) {
    // transformers.js also takes this path for lanczos (resample 1), whatever the direction.
    pipeline = pipeline.resize(width, height, { fit: 'fill', kernel: RESIZE_KERNELS[resample] });
  } else {
    const interpolator = AFFINE_INTERPOLATORS[resample];
    pipeline = pipeline.affine([width / image.width, 0, 0, height / image.height], { interpolator });
  }
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height || info.channels !== 3) {
    throw new Error(`sharp resized to ${info.width}×${info.height}×${info.channels}, expected ${width}×${height}×3`);
  }
  return { data, width, height };
}
