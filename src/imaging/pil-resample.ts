// Resizes packed 8-bit RGB exactly as Pillow's Image.resize does: HF's reference image processor and the official
// agent's history screenshots both resize with it. Pure (no Node, no DOM).

/** A separable filter: its weight at distance x (in source pixels, scaled) and its support. */
interface Filter {
  support: number;
  weight(x: number): number;
}

const sinc = (x: number) => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x));

/** Pillow's filters by PIL resampling code (1 lanczos, 2 bilinear, 3 bicubic with a = −0.5). */
const FILTERS: Record<1 | 2 | 3, Filter> = {
  1: { support: 3, weight: (x) => (x > -3 && x < 3 ? sinc(x) * sinc(x / 3) : 0) },
  2: { support: 1, weight: (x) => Math.max(0, 1 - Math.abs(x)) },
  3: {
    support: 2,
    weight(x) {
      const a = -0.5;
      const d = Math.abs(x);
      if (d < 1) return ((a + 2) * d - (a + 3)) * d * d + 1;
      if (d < 2) return (((d - 5) * d + 8) * d - 4) * a;
      return 0;
    },
  },
};

/** Pillow keeps 8-bit coefficients as fixed point with 22 fractional bits (32 − 8 − 2). */
const PRECISION_BITS = 22;
const ONE = 2 ** PRECISION_BITS;
const HALF = 2 ** (PRECISION_BITS - 1);
const MAX_SUM = 255 * ONE + (ONE - 1);

interface Coefficients {
  /** Per output pixel: first source index, then how many follow. */
  bounds: Int32Array;
  /** Per output pixel, `size` fixed-point weights. */
  weights: Int32Array;
  size: number;
}

/**
 * Pillow's precompute_coeffs + normalize_coeffs_8bpc: the support widens with the scale when shrinking (that is the
 * antialiasing), weights are normalised in double, then rounded half away from zero into fixed point.
 */
function coefficients(inSize: number, outSize: number, filter: Filter): Coefficients {
  const scale = inSize / outSize;
  const filterScale = Math.max(scale, 1);
  const support = filter.support * filterScale;
  const size = Math.ceil(support) * 2 + 1;
  const bounds = new Int32Array(outSize * 2);
  const weights = new Int32Array(outSize * size);
  const row = new Float64Array(size);
  for (let out = 0; out < outSize; out++) {
    const centre = (out + 0.5) * scale;
    const first = Math.max(0, Math.trunc(centre - support + 0.5));
    const count = Math.min(inSize, Math.trunc(centre + support + 0.5)) - first;
    let total = 0;
    for (let k = 0; k < count; k++) {
      row[k] = filter.weight((k + first - centre + 0.5) / filterScale);
      total += row[k]!;
    }
    for (let k = 0; k < count; k++) {
      const value = total === 0 ? row[k]! : row[k]! / total;
      weights[out * size + k] = Math.trunc(value < 0 ? -0.5 + value * ONE : 0.5 + value * ONE);
    }
    bounds[out * 2] = first;
    bounds[out * 2 + 1] = count;
  }
  return { bounds, weights, size };
}

function clip8(sum: number): number {
  if (sum >= MAX_SUM) return 255;
  if (sum <= 0) return 0;
  return Math.floor(sum / ONE);
}

/** One horizontal pass over `rows` source rows starting at `firstRow`. */
function resampleRows(
  source: Uint8Array,
  width: number,
  firstRow: number,
  rows: number,
  outWidth: number,
  { bounds, weights, size }: Coefficients,
): Uint8Array {
  const out = new Uint8Array(outWidth * rows * 3);
  for (let y = 0; y < rows; y++) {
    const sourceRow = (firstRow + y) * width * 3;
    const outRow = y * outWidth * 3;
    for (let x = 0; x < outWidth; x++) {
      const first = bounds[x * 2]!;
      const count = bounds[x * 2 + 1]!;
      const base = x * size;
      let red = HALF;
      let green = HALF;
      let blue = HALF;
      for (let k = 0, at = sourceRow + first * 3; k < count; k++, at += 3) {
        const weight = weights[base + k]!;
        red += source[at]! * weight;
        green += source[at + 1]! * weight;
        blue += source[at + 2]! * weight;
      }
      const target = outRow + x * 3;
      out[target] = clip8(red);
      out[target + 1] = clip8(green);
      out[target + 2] = clip8(blue);
    }
  }
  return out;
}

/** One vertical pass; `shift` is the first source row `source` starts at. Rows are summed whole, in memory order. */
function resampleColumns(
  source: Uint8Array,
  width: number,
  outHeight: number,
  shift: number,
  { bounds, weights, size }: Coefficients,
): Uint8Array {
  const stride = width * 3;
  const out = new Uint8Array(stride * outHeight);
  // Sums stay exact integers in a double (|sum| < 2^31 for 8-bit input and 22-bit weights).
  const sums = new Float64Array(stride);
  for (let y = 0; y < outHeight; y++) {
    const first = bounds[y * 2]! - shift;
    const count = bounds[y * 2 + 1]!;
    sums.fill(HALF);
    for (let k = 0; k < count; k++) {
      const weight = weights[y * size + k]!;
      const row = (first + k) * stride;
      for (let value = 0; value < stride; value++) sums[value]! += source[row + value]! * weight;
    }
    const target = y * stride;
    for (let value = 0; value < stride; value++) out[target + value] = clip8(sums[value]!);
  }
  return out;
}

/**
 * `width`×`height` RGB → `outWidth`×`outHeight` RGB with Pillow's two-pass resampling, bit for bit: same weights,
 * same fixed point, same rounding, same pass order. Pillow runs the vertical pass first when the width grows and the
 * height shrinks (measured against Pillow 13 on every up/down combination), else the horizontal pass first over only
 * the source rows the vertical pass reads.
 */
export function resizeRgbLikePil(
  rgb: Uint8Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
  resample: 1 | 2 | 3,
): Uint8Array {
  const filter = FILTERS[resample];
  if (outWidth > width && outHeight < height) {
    const shrunk = resampleColumns(rgb, width, outHeight, 0, coefficients(height, outHeight, filter));
    return resampleRows(shrunk, width, 0, outHeight, outWidth, coefficients(width, outWidth, filter));
  }
  let current = rgb;
  let shift = 0;
  const vertical = outHeight !== height ? coefficients(height, outHeight, filter) : null;
  if (outWidth !== width) {
    const firstRow = vertical ? vertical.bounds[0]! : 0;
    const lastRow = vertical ? vertical.bounds[outHeight * 2 - 2]! + vertical.bounds[outHeight * 2 - 1]! : height;
    current = resampleRows(rgb, width, firstRow, lastRow - firstRow, outWidth, coefficients(width, outWidth, filter));
    shift = firstRow;
  }
  return vertical ? resampleColumns(current, outWidth, outHeight, shift, vertical) : current;
}
