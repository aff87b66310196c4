// Encodes frames for the model (sharp PNG/JPEG) and fingerprints them for change detection. Node only.
import sharp, { type Sharp } from 'sharp';
import { toRgb } from '../imaging/rgb.js';
import type { Frame } from './types.js';

/** What the model is sent: PNG (lossless, the official agent's format) or JPEG for slow links. */
export type ImageFormat = 'png' | 'jpeg';
export const DEFAULT_IMAGE_FORMAT: ImageFormat = 'png';

/**
 * libspng settings picked by `npm run bench` on a busy 1080p desktop: zlib level 1 with no row filters encodes in
 * 0.6–0.7× the time of level 2 for 9% more bytes, which keeps a step's overhead within 45 ms; adaptive filtering costs
 * 5× the time for a few percent fewer bytes.
 */
export const MODEL_PNG = { compressionLevel: 1, adaptiveFiltering: false, palette: false } as const;
/** JPEG when asked for: q90 without chroma subsampling keeps coloured glyph edges legible (4:2:0 halves them). */
export const MODEL_JPEG = { quality: 90, chromaSubsampling: '4:4:4', optimiseCoding: false } as const;

/** How to encode; scale shrinks first (sharp's resize). */
export interface EncodeOptions {
  format: ImageFormat;
  /** Size factor, 0 < scale ≤ 1 (default 1). */
  scale?: number;
}

/** An encoded image and its size in pixels. */
export interface EncodedImage {
  mime: 'image/jpeg' | 'image/png';
  data: Buffer;
  width: number;
  height: number;
  /** The RGB it was encoded from, computed when first asked (the local engine's input; served backends never ask). */
  pixels: () => Promise<{ data: Uint8Array; width: number; height: number }>;
}

/** A step encodes one frame up to three times (full, model-size, history): the channel swap is done once. */
const rgbCopies = new WeakMap<Buffer, Buffer>();

function rgbOf(frame: Frame): Buffer {
  let rgb = rgbCopies.get(frame.pixels);
  if (!rgb) {
    rgb = toRgb(frame);
    rgbCopies.set(frame.pixels, rgb);
  }
  return rgb;
}

/** Encodes a frame with sharp; resizing happens after the channel swap, on 3 channels. */
export async function encodeFrame(frame: Frame, options: EncodeOptions): Promise<EncodedImage> {
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 1)) throw new Error(`Encode scale ${scale} must be in (0, 1]`);
  const width = Math.max(1, Math.round(frame.width * scale));
  const height = Math.max(1, Math.round(frame.height * scale));
  return encodeResized(frame, width, height, options.format);
}

/**
 * A history screenshot as the official agent makes it (`image.resize((w // 2, h // 2))`, Pillow's bicubic): the
 * model's copy halved with the size floored, resized with sharp's Catmull-Rom cubic (Pillow's bicubic kernel, widened
 * when shrinking as Pillow does). Within rounding of Pillow (mean 0.04 grey levels on 1080p frames) and on sharp's
 * threads: the bit-exact JavaScript resampler took 130 ms of the event loop per step.
 */
export async function encodeHistoryFrame(
  frame: Frame,
  modelSize: { width: number; height: number },
  format: ImageFormat,
): Promise<EncodedImage> {
  const width = Math.max(1, Math.floor(modelSize.width / 2));
  const height = Math.max(1, Math.floor(modelSize.height / 2));
  return encodeResized(frame, width, height, format, 'cubic');
}

/**
 * The frame at `width`×`height` (sharp's default kernel unless one is named), encoded; its `pixels` are the same
 * resize, made only when asked, so the engine and a server see the same picture.
 */
function encodeResized(
  frame: Frame,
  width: number,
  height: number,
  format: ImageFormat,
  kernel?: 'cubic',
): Promise<EncodedImage> {
  const rgb = rgbOf(frame);
  const raw = { raw: { width: frame.width, height: frame.height, channels: 3 as const } };
  if (width === frame.width && height === frame.height) {
    return encodeImage(sharp(rgb, raw), format, width, height, async () => ({ data: rgb, width, height }));
  }
  const resize = () => sharp(rgb, raw).resize(width, height, { fit: 'fill', ...(kernel ? { kernel } : {}) });
  let resized: Promise<Buffer> | undefined;
  const pixels = async () => ({ data: await (resized ??= resize().raw().toBuffer()), width, height });
  return encodeImage(resize(), format, width, height, pixels);
}

async function encodeImage(
  image: Sharp,
  format: ImageFormat,
  width: number,
  height: number,
  pixels: EncodedImage['pixels'],
): Promise<EncodedImage> {
  if (format === 'png')
    return { mime: 'image/png', data: await image.png(MODEL_PNG).toBuffer(), width, height, pixels };
  const data = await image.jpeg(MODEL_JPEG).toBuffer();
  return { mime: 'image/jpeg', data, width, height, pixels };
}

/** A coarse luminance map of a frame: the mean of each grid cell, 0–255. */
export interface FrameFingerprint {
  width: number;
  height: number;
  columns: number;
  rows: number;
  cells: Float32Array;
}

const GRID_COLUMNS = 64;
const GRID_ROWS = 36;
/** Every second pixel of every second row: 4× cheaper and still catches a typed glyph. */
const SAMPLE_STRIDE = 2;
const fingerprints = new WeakMap<Buffer, FrameFingerprint>();

/** Fingerprints a frame (about 2 ms at 1920×1080); cached per pixel buffer. */
export function frameFingerprint(frame: Pick<Frame, 'pixels' | 'channelOrder' | 'width' | 'height'>): FrameFingerprint {
  const cached = fingerprints.get(frame.pixels);
  if (cached) return cached;
  const columns = Math.min(GRID_COLUMNS, frame.width);
  const rows = Math.min(GRID_ROWS, frame.height);
  const sums = new Float64Array(columns * rows);
  const counts = new Uint32Array(columns * rows);
  const { pixels, width, height } = frame;
  const columnOf = new Uint16Array(width);
  for (let x = 0; x < width; x++) columnOf[x] = Math.floor((x * columns) / width);
  for (let y = 0; y < height; y += SAMPLE_STRIDE) {
    const rowBase = Math.floor((y * rows) / height) * columns;
    for (let x = 0; x < width; x += SAMPLE_STRIDE) {
      const offset = (y * width + x) * 4;
      // Green weighs most in luminance; the red/blue order does not matter for a symmetric sum.
      const luminance = pixels[offset]! + 2 * pixels[offset + 1]! + pixels[offset + 2]!;
      const cell = rowBase + columnOf[x]!;
      sums[cell]! += luminance;
      counts[cell]!++;
    }
  }
  const cells = new Float32Array(columns * rows);
  for (let cell = 0; cell < cells.length; cell++) cells[cell] = sums[cell]! / (4 * Math.max(1, counts[cell]!));
  const fingerprint = { width, height, columns, rows, cells };
  fingerprints.set(frame.pixels, fingerprint);
  return fingerprint;
}

function fingerprintOf(value: Frame | FrameFingerprint): FrameFingerprint {
  return 'cells' in value ? value : frameFingerprint(value);
}

/**
 * True when two frames (or fingerprints) look different: another size, or any grid cell whose mean luminance moved
 * by more than `threshold` (0–255, default 1). One typed glyph moves its 30×30 px cell's mean by about 10–20.
 */
export function framesDiffer(a: Frame | FrameFingerprint, b: Frame | FrameFingerprint, threshold = 1): boolean {
  const left = fingerprintOf(a);
  const right = fingerprintOf(b);
  if (left.width !== right.width || left.height !== right.height) return true;
  for (let cell = 0; cell < left.cells.length; cell++) {
    if (Math.abs(left.cells[cell]! - right.cells[cell]!) > threshold) return true;
  }
  return false;
}

/** The file extension a recorded frame of this MIME type gets. */
export function frameExtension(mime: EncodedImage['mime']): 'png' | 'jpg' {
  return mime === 'image/png' ? 'png' : 'jpg';
}
