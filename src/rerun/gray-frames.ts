// Turns a recorded JPEG and a fresh capture into grayscale images of the same size, for compare-frames. Node only.
import sharp, { type Sharp } from 'sharp';
import { toRgb } from '../imaging/rgb.js';
import type { Frame } from '../desktop/types.js';
import type { GrayImage } from './compare-frames.js';

/** Decodes a recorded frame file (JPEG or PNG) to grayscale. */
export async function readGrayImage(path: string): Promise<GrayImage> {
  return toGray(sharp(path));
}

/** A captured frame in grayscale at `size` (the recorded frame's), resized only when the display size differs. */
export async function grayOfFrame(frame: Frame, size: { width: number; height: number }): Promise<GrayImage> {
  const image = sharp(toRgb(frame), { raw: { width: frame.width, height: frame.height, channels: 3 } });
  const sameSize = frame.width === size.width && frame.height === size.height;
  return toGray(sameSize ? image : image.resize(size.width, size.height, { fit: 'fill' }));
}

async function toGray(image: Sharp): Promise<GrayImage> {
  const { data, info } = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}
