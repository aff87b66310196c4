// Converts model-space points (0–999 thousandths) to screenshot pixels. Pure: no Node, no DOM.
import type { ModelPoint, PixelPoint } from './actions.js';

/** The size, in pixels, of the screenshot the model saw (the original frame, never a scaled history copy). */
export interface FrameSize {
  width: number;
  height: number;
}

/** The largest model coordinate; the action space documents 0–999. */
export const MODEL_COORDINATE_MAX = 999;

/** The centre of a model-space box [x1, y1, x2, y2], as a model point (not clamped). */
export function boxCentre(x1: number, y1: number, x2: number, y2: number): ModelPoint {
  return [(x1 + x2) / 2, (y1 + y2) / 2];
}

/**
 * Maps a model point to screenshot pixels: px = clamp(round(x / 1000 × width), 0, width − 1), same for y.
 * `size` must be the original screenshot the model saw, in pixels.
 */
export function mapModelPointToPixel(point: ModelPoint, size: FrameSize): PixelPoint {
  return [toPixel(point[0], size.width), toPixel(point[1], size.height)];
}

function toPixel(value: number, extent: number): number {
  const last = Number.isFinite(extent) ? Math.max(0, Math.floor(extent) - 1) : 0;
  const pixel = Math.round((value / 1000) * extent);
  // Math.max(0, …) also turns −0 into +0, so equal points compare equal.
  return Number.isFinite(pixel) ? Math.min(last, Math.max(0, pixel)) : 0;
}
