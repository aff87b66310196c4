// GLM-4.1V image preprocessing benchmark: ours against transformers.js on one busy 1920×1080 frame. Node only.
// `npm run build && node bench/preprocess.mjs` prints the JSON; no desktop needed.
import { pathToFileURL } from 'node:url';
import { measure } from './desktop.mjs';

/** The full-resolution budget: a 1080p frame becomes 1932×1092, 10,764 patches, 2691 image tokens. */
const CONFIG_JSON = {
  size: { shortest_edge: 12_544, longest_edge: 9_633_792 },
  patch_size: 14,
  merge_size: 2,
  temporal_patch_size: 2,
  image_mean: [0.48145466, 0.4578275, 0.40821073],
  image_std: [0.26862954, 0.26130258, 0.27577711],
  do_resize: true,
  do_normalize: true,
  resample: 3,
};

/** A busy RGBA screen: gradients, per-pixel noise and text-like blocks, so no codec or resampler gets it cheap. */
function busyFrame(width, height) {
  const pixels = Buffer.alloc(width * height * 4, 255);
  let state = 1;
  const random = () => (state = (state * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
  for (let y = 0, offset = 0; y < height; y++) {
    for (let x = 0; x < width; x++, offset += 4) {
      const noise = random() * 60 - 30;
      pixels[offset] = Math.max(0, Math.min(255, (x * 255) / width + noise));
      pixels[offset + 1] = Math.max(0, Math.min(255, (y * 255) / height + noise));
      pixels[offset + 2] = Math.max(0, Math.min(255, 128 + 100 * Math.sin(x / 17 + y / 23) + noise));
    }
  }
  for (let block = 0; block < 600; block++) {
    const left = Math.floor(random() * (width - 30));
    const top = Math.floor(random() * (height - 10));
    const [shade, rows] = [random() < 0.5 ? 0 : 255, 2 + Math.floor(random() * 8)];
    for (let y = top; y < top + rows; y++) pixels.fill(shade, (y * width + left) * 4, (y * width + left + 20) * 4);
  }
  return { pixels, channelOrder: 'rgba', width, height };
}

/** Times both on the same frame in this process: 2 warm-ups then 12 runs each. */
export async function measurePreprocess() {
  const { preprocessImage } = await import('../dist/src/engine/preprocess.js');
  const { parsePreprocessorConfig } = await import('../dist/src/engine/preprocessor-config.js');
  const { Glm46VImageProcessor, RawImage, env } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  const frame = busyFrame(1920, 1080);
  const config = parsePreprocessorConfig(CONFIG_JSON);
  const out = new Float32Array(10_764 * 1176);
  const processor = new Glm46VImageProcessor(CONFIG_JSON);
  const preprocess1080pMs = await measure(() => preprocessImage(frame, config, { out }));
  const preprocess1080pFreshBufferMs = await measure(() => preprocessImage(frame, config));
  const transformersJsPreprocess1080pMs = await measure(() =>
    processor(
      new RawImage(
        new Uint8ClampedArray(frame.pixels.buffer, frame.pixels.byteOffset, frame.pixels.length),
        1920,
        1080,
        4,
      ),
    ),
  );
  const speedup = Math.round((transformersJsPreprocess1080pMs.median / preprocess1080pMs.median) * 10) / 10;
  return {
    preprocess1080pMs,
    preprocess1080pFreshBufferMs,
    transformersJsPreprocess1080pMs,
    speedup,
    resize: await measureResize(),
  };
}

/**
 * The resize alone: our Pillow-exact resampler (written for bit-exact parity with HF's reference processor, not for
 * speed) against sharp's bicubic resize, the library it replaced, on the two sizes that matter: a 1080p frame grows
 * to 1932×1092, a 4K frame shrinks to 2912×1624.
 */
async function measureResize() {
  const { resizeRgbLikePil } = await import('../dist/src/imaging/pil-resample.js');
  const sharp = (await import('sharp')).default;
  const result = {};
  for (const [width, height, outWidth, outHeight] of [
    [1920, 1080, 1932, 1092],
    [3840, 2160, 2912, 1624],
  ]) {
    const { toRgb } = await import('../dist/src/imaging/rgb.js');
    const rgb = toRgb(busyFrame(width, height));
    const ours = await measure(async () => resizeRgbLikePil(rgb, width, height, outWidth, outHeight, 3));
    const theirs = await measure(() =>
      sharp(rgb, { raw: { width, height, channels: 3 } })
        .resize(outWidth, outHeight, { fit: 'fill', kernel: 'cubic' })
        .raw()
        .toBuffer(),
    );
    result[`${width}x${height}`] = {
      pillowExactMs: ours,
      sharpCubicMs: theirs,
      ratio: Math.round((ours.median / theirs.median) * 10) / 10,
    };
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await measurePreprocess())}\n`);
}
