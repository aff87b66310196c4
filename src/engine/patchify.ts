// Normalises packed RGB through a lookup table and lays it out as GLM-4.1V vision patches. Node only.
import type { PreprocessorConfig } from './preprocessor-config.js';

export type PatchLayout = Pick<PreprocessorConfig, 'patchSize' | 'mergeSize' | 'temporalPatchSize'>;

/**
 * Per-channel table of byte → model value (3 × 256 entries, channel-major). The two Math.fround steps reproduce
 * transformers.js's float32 rounding: it stores the rescaled value before normalising.
 */
export function buildNormalizeLut(
  config: Pick<PreprocessorConfig, 'rescaleFactor' | 'doNormalize' | 'imageMean' | 'imageStd'>,
): Float32Array {
  const lut = new Float32Array(3 * 256);
  for (let channel = 0; channel < 3; channel++) {
    const mean = config.doNormalize ? config.imageMean[channel]! : 0;
    const std = config.doNormalize ? config.imageStd[channel]! : 1;
    for (let value = 0; value < 256; value++) {
      lut[channel * 256 + value] = Math.fround((Math.fround(value * config.rescaleFactor) - mean) / std);
    }
  }
  return lut;
}

/** Values in one patch row of pixel_values: channel × temporal × patch × patch (3·2·14·14 = 1176). */
export function patchValues(layout: PatchLayout): number {
  return 3 * layout.temporalPatchSize * layout.patchSize * layout.patchSize;
}

/**
 * Writes `out` = pixel_values [gridH·gridW, 3·T·P·P] for one image (grid_t 1), in HF's order: patches grouped by
 * merge windows (rows of windows, then windows left to right, then the merge×merge patches inside, row-major), each
 * patch laid out [channel][temporal][row][column] with the still image repeated over the T temporal slots.
 * `width` and `height` must be multiples of patch·merge.
 */
export function patchifyRgb(
  rgb: Uint8Array,
  width: number,
  height: number,
  lut: Float32Array,
  layout: PatchLayout,
  out: Float32Array,
): void {
  const { patchSize, mergeSize } = layout;
  const factor = patchSize * mergeSize;
  if (width % factor || height % factor) throw new Error(`${width}×${height} is not a multiple of ${factor}`);
  const gridH = height / patchSize;
  const gridW = width / patchSize;
  if (out.length < gridH * gridW * patchValues(layout)) throw new Error('pixel_values buffer too small');
  let offset = 0;
  for (let windowRow = 0; windowRow < gridH; windowRow += mergeSize) {
    for (let windowColumn = 0; windowColumn < gridW; windowColumn += mergeSize) {
      for (let row = windowRow; row < windowRow + mergeSize; row++) {
        for (let column = windowColumn; column < windowColumn + mergeSize; column++) {
          const origin = (row * patchSize * width + column * patchSize) * 3;
          offset = writePatch(rgb, width, origin, lut, layout, out, offset);
        }
      }
    }
  }
}

/** Writes one patch starting at byte `origin` of `rgb`; returns the offset after it. */
function writePatch(
  rgb: Uint8Array,
  width: number,
  origin: number,
  lut: Float32Array,
  layout: PatchLayout,
  out: Float32Array,
  offset: number,
): number {
  const { patchSize, temporalPatchSize } = layout;
  const plane = patchSize * patchSize;
  const rowStride = width * 3;
  for (let channel = 0; channel < 3; channel++) {
    const lutBase = channel * 256;
    const start = offset;
    for (let y = 0; y < patchSize; y++) {
      let source = origin + y * rowStride + channel;
      for (let x = 0; x < patchSize; x++, source += 3) out[offset++] = lut[lutBase + rgb[source]!]!;
    }
    // The temporal copies are the same frame: a native copy beats re-reading the pixels.
    for (let slot = 1; slot < temporalPatchSize; slot++, offset += plane) out.copyWithin(offset, start, start + plane);
  }
  return offset;
}
