// Encoding benchmark: what the model is sent, on one busy 1920×1080 desktop frame, side by side in one run: time,
// bytes and PSNR on text regions for our PNG (zlib level 1), level 2, sharp's default PNG, JPEG q80 4:2:0 (the old
// default) and JPEG q90 4:4:4 (`--image-format jpeg`). Node only; run through bench/run.mjs or
// `node bench/encoding.mjs --measure`.
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { measure } from './desktop.mjs';

/** 16×16 blocks holding both a dark and a light pixel (luma spread ≥ 128): glyphs, icons, thin borders. */
function textBlocks(rgb, width, height) {
  const blocks = [];
  for (let top = 0; top + 16 <= height; top += 16) {
    for (let left = 0; left + 16 <= width; left += 16) {
      let [low, high] = [255, 0];
      for (let y = top; y < top + 16; y++) {
        for (let x = left; x < left + 16; x++) {
          const at = (y * width + x) * 3;
          const luma = (rgb[at] * 299 + rgb[at + 1] * 587 + rgb[at + 2] * 114) / 1000;
          low = Math.min(low, luma);
          high = Math.max(high, luma);
        }
      }
      if (high - low >= 128) blocks.push([left, top]);
    }
  }
  return blocks;
}

/** PSNR (dB) of `decoded` against `rgb` over the blocks; Infinity when identical. */
function psnr(rgb, decoded, width, blocks) {
  let [sum, count] = [0, 0];
  for (const [left, top] of blocks) {
    for (let y = top; y < top + 16; y++) {
      for (let at = (y * width + left) * 3, end = at + 48; at < end; at++) {
        const error = rgb[at] - decoded[at];
        sum += error * error;
        count += 1;
      }
    }
  }
  return sum === 0 ? Infinity : 10 * Math.log10((255 * 255) / (sum / count));
}

export async function measureEncoding() {
  const { createCapturer } = await import('../dist/src/desktop/capture.js');
  const { listDisplays } = await import('../dist/src/desktop/displays.js');
  const { MODEL_PNG, MODEL_JPEG } = await import('../dist/src/desktop/encode.js');
  const { toRgb } = await import('../dist/src/imaging/rgb.js');
  const [display] = await listDisplays();
  const frame = await (await createCapturer('nut')).capture(display);
  const rgb = toRgb(frame);
  const raw = { raw: { width: frame.width, height: frame.height, channels: 3 } };
  const blocks = textBlocks(rgb, frame.width, frame.height);
  const encoders = {
    png_ours: () => sharp(rgb, raw).png(MODEL_PNG).toBuffer(),
    png_level2_no_filters: () =>
      sharp(rgb, raw)
        .png({ ...MODEL_PNG, compressionLevel: 2 })
        .toBuffer(),
    png_sharp_defaults: () => sharp(rgb, raw).png().toBuffer(),
    jpeg_q80_420_old_default: () => sharp(rgb, raw).jpeg({ quality: 80, optimiseCoding: false }).toBuffer(),
    jpeg_q90_444: () => sharp(rgb, raw).jpeg(MODEL_JPEG).toBuffer(),
  };
  const table = {};
  for (const [name, encode] of Object.entries(encoders)) {
    const bytes = await encode();
    const decoded = await sharp(bytes).removeAlpha().raw().toBuffer();
    const textPsnr = psnr(rgb, decoded, frame.width, blocks);
    table[name] = {
      encode_ms: await measure(encode),
      kib: Math.round(bytes.length / 1024),
      text_psnr_db: Number.isFinite(textPsnr) ? Math.round(textPsnr * 10) / 10 : 'lossless',
    };
  }
  return { encoding: { frame: `${frame.width}x${frame.height}`, text_blocks: blocks.length, ...table } };
}

if (process.argv.includes('--measure') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await measureEncoding())}\n`);
  process.exit(0);
}
