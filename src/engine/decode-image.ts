// Decodes a request's encoded image (PNG or JPEG bytes) into the raw RGBA frame preprocessImage takes. Node only.
import sharp from 'sharp';
import type { FramePixels } from './preprocess.js';

/**
 * Raw sRGB pixels with 4 bytes a pixel. Grey and palette images become RGB first; alpha is kept as decoded and
 * preprocessing drops it (transformers.js RawImage.rgb() does the same). No EXIF rotation: PIL's Image.open, which
 * HF's processor uses, does not rotate either.
 */
export async function decodeImage(bytes: Uint8Array): Promise<FramePixels> {
  try {
    const { data, info } = await sharp(bytes)
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { pixels: data, channelOrder: 'rgba', width: info.width, height: info.height };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot decode an image of the request (${bytes.length} bytes): ${reason}`, { cause: error });
  }
}
