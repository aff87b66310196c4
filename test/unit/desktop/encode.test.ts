// Frame encoding (channel order, size, format) and fingerprint-based change detection. Node only.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeFrame, encodeHistoryFrame, frameFingerprint, framesDiffer } from '../../../src/desktop/encode.js';
import { toRgb } from '../../../src/imaging/rgb.js';
import { resizeRgbLikePil } from '../../../src/imaging/pil-resample.js';
import type { Frame } from '../../../src/desktop/types.js';

function solidFrame(width: number, height: number, rgb: [number, number, number], order: Frame['channelOrder']): Frame {
  const pixels = Buffer.alloc(width * height * 4);
  const [first, third] = order === 'bgra' ? [rgb[2], rgb[0]] : [rgb[0], rgb[2]];
  for (let offset = 0; offset < pixels.length; offset += 4) pixels.set([first, rgb[1], third, 0], offset);
  return {
    displayId: 'screen',
    pixels,
    channelOrder: order,
    width,
    height,
    bounds: { x: 0, y: 0, width, height },
    scaleFactor: 1,
    capturedAt: 0,
  };
}

/** A frame of seeded noise: every pixel differs, so any lossy step shows. */
function noisyFrame(width: number, height: number): Frame {
  const frame = solidFrame(width, height, [0, 0, 0], 'bgra');
  let state = 7;
  for (let index = 0; index < frame.pixels.length; index++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    frame.pixels[index] = state >>> 24;
  }
  return frame;
}

/** Smooth ramps with a dark bar: what a resampler must keep, without per-pixel noise. */
function gradientFrame(width: number, height: number): Frame {
  const frame = solidFrame(width, height, [0, 0, 0], 'rgba');
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const bar = x >= 40 && x < 44 ? 0 : 1;
      frame.pixels.set([((x * 255) / width) * bar, ((y * 255) / height) * bar, 128 * bar, 0], (y * width + x) * 4);
    }
  }
  return frame;
}

/** Paints a dark rectangle into a copy of the frame (a glyph, a caret). */
function withRect(frame: Frame, left: number, top: number, width: number, height: number): Frame {
  const pixels = Buffer.from(frame.pixels);
  for (let y = top; y < top + height; y++)
    pixels.fill(0, (y * frame.width + left) * 4, (y * frame.width + left + width) * 4);
  return { ...frame, pixels };
}

describe('toRgb', () => {
  it('swaps BGRA to RGB and drops alpha', () => {
    const frame = {
      width: 2,
      height: 1,
      channelOrder: 'bgra' as const,
      pixels: Buffer.from([1, 2, 3, 0, 4, 5, 6, 255]),
    };
    expect([...toRgb(frame)]).toEqual([3, 2, 1, 6, 5, 4]);
  });

  it('keeps RGBA order and drops alpha', () => {
    const frame = { width: 1, height: 1, channelOrder: 'rgba' as const, pixels: Buffer.from([1, 2, 3, 4]) };
    expect([...toRgb(frame)]).toEqual([1, 2, 3]);
  });

  it('gives the same bytes whether the pixels are 32-bit aligned (word path) or not (byte path)', () => {
    const bytes = [10, 20, 30, 0, 40, 50, 60, 255, 70, 80, 90, 7];
    const aligned = new Uint8Array(new ArrayBuffer(16), 0, 12);
    aligned.set(bytes);
    const unaligned = new Uint8Array(new ArrayBuffer(16), 1, 12);
    unaligned.set(bytes);
    for (const channelOrder of ['bgra', 'rgba'] as const) {
      const expected =
        channelOrder === 'bgra' ? [30, 20, 10, 60, 50, 40, 90, 80, 70] : [10, 20, 30, 40, 50, 60, 70, 80, 90];
      for (const view of [aligned, unaligned]) {
        const pixels = Buffer.from(view.buffer, view.byteOffset, view.byteLength);
        expect([...toRgb({ width: 3, height: 1, channelOrder, pixels })]).toEqual(expected);
      }
    }
  });
});

describe('encodeFrame', () => {
  it('encodes a BGRA frame to an opaque PNG with exact colours', async () => {
    const image = await encodeFrame(solidFrame(8, 4, [255, 0, 128], 'bgra'), { format: 'png' });
    const decoded = await sharp(image.data).raw().toBuffer({ resolveWithObject: true });
    expect({ mime: image.mime, width: image.width, height: image.height, channels: decoded.info.channels }).toEqual({
      mime: 'image/png',
      width: 8,
      height: 4,
      channels: 3,
    });
    expect([...decoded.data.subarray(0, 3)]).toEqual([255, 0, 128]);
  });

  it('encodes PNG losslessly: the model gets the captured pixels exactly', async () => {
    const frame = noisyFrame(97, 31);
    const png = await encodeFrame(frame, { format: 'png' });
    expect(png.mime).toBe('image/png');
    expect((await sharp(png.data).raw().toBuffer()).equals(toRgb(frame))).toBe(true);
    expect(Buffer.from((await png.pixels()).data).equals(toRgb(frame))).toBe(true);
  });

  it('encodes JPEG, when asked, at quality 90 without chroma subsampling', async () => {
    const jpeg = await encodeFrame(noisyFrame(64, 32), { format: 'jpeg' });
    const metadata = await sharp(jpeg.data).metadata();
    expect([metadata.format, metadata.chromaSubsampling]).toEqual(['jpeg', '4:4:4']);
  });

  it('makes history screenshots as the official agent does: floor(w/2)×floor(h/2), bicubic as Pillow', async () => {
    const frame = gradientFrame(97, 31);
    const history = await encodeHistoryFrame(frame, { width: 97, height: 31 }, 'png');
    expect([history.width, history.height]).toEqual([48, 15]);
    const ours = await sharp(history.data).raw().toBuffer();
    expect(Buffer.from((await history.pixels()).data).equals(ours)).toBe(true);
    const pillow = resizeRgbLikePil(toRgb(frame), 97, 31, 48, 15, 3);
    let total = 0;
    for (let index = 0; index < ours.length; index++) total += Math.abs(ours[index]! - pillow[index]!);
    expect(total / ours.length).toBeLessThan(0.5);
  });

  it('encodes JPEG and halves the size for scaled copies', async () => {
    const frame = solidFrame(64, 32, [10, 200, 30], 'rgba');
    const full = await encodeFrame(frame, { format: 'jpeg' });
    const half = await encodeFrame(frame, { format: 'jpeg', scale: 0.5 });
    expect([full.mime, full.width, full.height, half.width, half.height]).toEqual(['image/jpeg', 64, 32, 32, 16]);
    const metadata = await sharp(half.data).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['jpeg', 32, 16]);
    const [red, green, blue] = (await sharp(full.data).raw().toBuffer()).subarray(0, 3);
    expect(Math.max(Math.abs(red! - 10), Math.abs(green! - 200), Math.abs(blue! - 30))).toBeLessThan(6);
  });

  it('rejects a scale outside (0, 1]', async () => {
    await expect(encodeFrame(solidFrame(4, 4, [0, 0, 0], 'rgba'), { format: 'jpeg', scale: 2 })).rejects.toThrow(
      /scale 2/,
    );
  });
});

describe('framesDiffer', () => {
  const white = solidFrame(1920, 1080, [255, 255, 255], 'bgra');

  it('finds equal frames equal, also through fingerprints and channel orders', () => {
    const copy = { ...white, pixels: Buffer.from(white.pixels) };
    expect(framesDiffer(white, copy)).toBe(false);
    expect(framesDiffer(frameFingerprint(white), solidFrame(1920, 1080, [255, 255, 255], 'rgba'))).toBe(false);
  });

  it('sees one typed glyph', () => {
    expect(framesDiffer(white, withRect(white, 700, 400, 9, 14))).toBe(true);
  });

  it('sees a different size as a change', () => {
    expect(framesDiffer(white, solidFrame(1280, 720, [255, 255, 255], 'bgra'))).toBe(true);
  });

  it('ignores changes below the threshold', () => {
    const glyph = withRect(white, 700, 400, 9, 14);
    expect(framesDiffer(white, glyph, 255)).toBe(false);
  });

  it('fingerprints 1920×1080 into a 64×36 grid of mean luminance', () => {
    const fingerprint = frameFingerprint(white);
    expect([fingerprint.columns, fingerprint.rows, fingerprint.cells.length, fingerprint.cells[0]]).toEqual([
      64, 36, 2304, 255,
    ]);
  });
});
