// Resizes packed 8-bit RGB for the vision encoder the way HF's reference image processor does (Pillow). Node only.
import sharp from 'sharp';
import { resizeRgbLikePil } from '../imaging/pil-resample.js';
import type { Resample } from './preprocessor-config.js';

export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Resizes `image` to exactly `width`×`height`; returns it unchanged when the size already matches. Bicubic, bilinear
 * and lanczos are Pillow's own resampling, bit for bit (antialiased when shrinking, as Glm4vImageProcessorPil's
 * Image.resize is). Nearest (which GLM configs do not use) goes through sharp.
 */
export async function resizeRgb(image: RgbImage, width: number, height: number, resample: Resample): Promise<RgbImage> {
  if (image.width === width && image.height === height) return image;
  if (resample !== 0) {
    return { data: resizeRgbLikePil(image.data, image.width, image.height, width, height, resample), width, height };
  }
  const { data } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(width, height, { fit: 'fill', kernel: 'nearest' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width, height };
}
