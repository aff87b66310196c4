// Where to draw an action's target on its screenshot, in the frame's pixels. Pure; renderer.
import type { Action } from '../../src/host/protocol/host-api.js';

/** A point in frame pixels. */
export interface FramePoint {
  x: number;
  y: number;
}

/** What the overlay draws; every coordinate is in frame pixels (0..width, 0..height). */
export interface OverlayShapes {
  /** The crosshair: where the pointer goes. */
  target: FramePoint | null;
  /** left_drag: from the target to here. */
  dragTo: FramePoint | null;
  /** scroll: which way and how many wheel steps. */
  scroll: { direction: 'up' | 'down'; steps: number } | null;
}

/** A model-space point (0–999 thousandths) in frame pixels. */
export function modelToFrame(point: readonly [number, number], width: number, height: number): FramePoint {
  return { x: (point[0] / 1000) * width, y: (point[1] / 1000) * height };
}

function pixelOrModel(
  pixel: readonly [number, number] | null,
  model: readonly [number, number] | null,
  width: number,
  height: number,
): FramePoint | null {
  if (pixel) return { x: pixel[0], y: pixel[1] };
  return model ? modelToFrame(model, width, height) : null;
}

/** The shapes for `action` on a width × height frame; `point` wins, `box` (0–999) is the fallback. */
export function overlayShapes(action: Action, width: number, height: number): OverlayShapes {
  const target = pixelOrModel(action.point, action.box, width, height);
  const dragTo = action.name === 'left_drag' ? pixelOrModel(action.endPoint, action.endBox, width, height) : null;
  const scroll = action.name === 'scroll' ? { direction: action.direction ?? 'down', steps: action.steps ?? 5 } : null;
  return { target, dragTo, scroll };
}

/** A 0–999 box [x1, y1, x2, y2] as a rectangle in a 1000 × 1000 view box (the locate overlay's space). */
export function boxRect(box: readonly [number, number, number, number]): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  const [x1, y1, x2, y2] = box;
  return { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
}
