// The screen-difference metric of a rerun: grayscale patches, a small blur, mean and share of changed pixels. Node only.
import type { Action } from '../glm/actions.js';

/** One 8-bit grayscale image, row-major. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A rectangle in frame pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How far two images are apart: mean absolute difference (0–255) and the share of pixels that changed (0–1). */
export interface Difference {
  meanDifference: number;
  changedFraction: number;
}

/** What is compared before one action: squares around its points, or the whole screen when it has none. */
export type ComparisonTarget = { kind: 'patch'; label: string; region: Region } | { kind: 'screen'; label: string };

/** Side of the square compared around a pointer target, in frame pixels. */
export const PATCH_SIZE = 96;
/** The whole screen is compared at about this width (block means), which also blurs JPEG noise away. */
export const SCREEN_COMPARE_WIDTH = 240;
/** A blurred pixel counts as changed when it moved by more than this (0–255). */
export const CHANGED_PIXEL_DELTA = 24;

/** What to compare before `action` on a frame of `frameSize`; nothing for actions that touch nothing (wait, done). */
export function comparisonTargets(action: Action, frameSize: { width: number; height: number }): ComparisonTarget[] {
  if (action.name === 'wait' || action.name === 'done' || action.name === 'fail' || action.name === 'none') return [];
  const patches: ComparisonTarget[] = [];
  if (action.point) {
    const label = action.name === 'left_drag' ? 'drag start' : 'target';
    patches.push({ kind: 'patch', label, region: squareAround(action.point, PATCH_SIZE, frameSize) });
  }
  if (action.endPoint) {
    patches.push({ kind: 'patch', label: 'drag end', region: squareAround(action.endPoint, PATCH_SIZE, frameSize) });
  }
  return patches.length > 0 ? patches : [{ kind: 'screen', label: 'screen' }];
}

/** A `size`×`size` square centred on `point`, shifted (not shrunk) to stay inside the frame. */
export function squareAround(
  point: readonly [number, number],
  size: number,
  frameSize: { width: number; height: number },
): Region {
  const width = Math.min(size, frameSize.width);
  const height = Math.min(size, frameSize.height);
  const x = clamp(Math.round(point[0] - width / 2), 0, frameSize.width - width);
  const y = clamp(Math.round(point[1] - height / 2), 0, frameSize.height - height);
  return { x, y, width, height };
}

/** The pixels of `region`. */
export function crop(image: GrayImage, region: Region): GrayImage {
  const data = new Uint8Array(region.width * region.height);
  for (let row = 0; row < region.height; row++) {
    const start = (region.y + row) * image.width + region.x;
    data.set(image.data.subarray(start, start + region.width), row * region.width);
  }
  return { width: region.width, height: region.height, data };
}

/** A 3×3 box blur with edge pixels repeated: it spreads JPEG ringing and 1 px antialiasing below the change delta. */
export function boxBlur(image: GrayImage): GrayImage {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++) {
        const row = clamp(y + dy, 0, height - 1) * width;
        for (let dx = -1; dx <= 1; dx++) sum += data[row + clamp(x + dx, 0, width - 1)]!;
      }
      out[y * width + x] = Math.round(sum / 9);
    }
  }
  return { width, height, data: out };
}

/** Block means `factor`×`factor` (the last blocks take what is left), e.g. 1920×1080 by 8 gives 240×135. */
export function downscale(image: GrayImage, factor: number): GrayImage {
  const width = Math.ceil(image.width / factor);
  const height = Math.ceil(image.height / factor);
  const sums = new Float64Array(width * height);
  const counts = new Uint32Array(width * height);
  for (let y = 0; y < image.height; y++) {
    const rowBase = Math.floor(y / factor) * width;
    for (let x = 0; x < image.width; x++) {
      const cell = rowBase + Math.floor(x / factor);
      sums[cell]! += image.data[y * image.width + x]!;
      counts[cell]!++;
    }
  }
  const data = new Uint8Array(width * height);
  for (let cell = 0; cell < data.length; cell++) data[cell] = Math.round(sums[cell]! / counts[cell]!);
  return { width, height, data };
}

/** Mean absolute difference and the share of pixels that moved by more than `changedDelta`; sizes must match. */
export function measureDifference(a: GrayImage, b: GrayImage, changedDelta = CHANGED_PIXEL_DELTA): Difference {
  if (a.width !== b.width || a.height !== b.height) {
    throw new Error(`Cannot compare a ${a.width}×${a.height} image with a ${b.width}×${b.height} one`);
  }
  let total = 0;
  let changed = 0;
  for (let index = 0; index < a.data.length; index++) {
    const delta = Math.abs(a.data[index]! - b.data[index]!);
    total += delta;
    if (delta > changedDelta) changed++;
  }
  const count = Math.max(1, a.data.length);
  return { meanDifference: total / count, changedFraction: changed / count };
}

/** The difference of one target between the recorded frame and the current one (both at the recorded size). */
export function differenceAt(recorded: GrayImage, current: GrayImage, target: ComparisonTarget): Difference {
  if (target.kind === 'patch') {
    return measureDifference(boxBlur(crop(recorded, target.region)), boxBlur(crop(current, target.region)));
  }
  const factor = Math.max(1, Math.round(recorded.width / SCREEN_COMPARE_WIDTH));
  return measureDifference(downscale(recorded, factor), downscale(current, factor));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
