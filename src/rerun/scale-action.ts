// Carries a recorded action's pixel points over to a frame of another size (same aspect ratio). Node only.
import type { Action, PixelPoint } from '../glm/actions.js';

type Size = { width: number; height: number };

/** Largest aspect-ratio difference (relative) between the recorded frames and the display that still maps. */
export const ASPECT_TOLERANCE = 0.01;

/** True when a display of `current` size shows the same picture as `recorded`, only scaled. */
export function sizesMap(recorded: Size, current: Size): boolean {
  const recordedAspect = recorded.width / recorded.height;
  const currentAspect = current.width / current.height;
  return Math.abs(currentAspect - recordedAspect) / recordedAspect <= ASPECT_TOLERANCE;
}

/** The same action with `point`/`endPoint` scaled from `from` pixels to `to` pixels (pixel centres kept). */
export function scaleAction(action: Action, from: Size, to: Size): Action {
  if (from.width === to.width && from.height === to.height) return action;
  const scale = (point: PixelPoint | null): PixelPoint | null =>
    point && [scaleAxis(point[0], from.width, to.width), scaleAxis(point[1], from.height, to.height)];
  return { ...action, point: scale(action.point), endPoint: scale(action.endPoint) };
}

function scaleAxis(pixel: number, from: number, to: number): number {
  return Math.min(to - 1, Math.max(0, Math.floor(((pixel + 0.5) * to) / from)));
}
