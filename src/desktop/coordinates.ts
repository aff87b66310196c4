// The one place where frame pixels, physical pixels and logical points meet. Node only.
import type { PixelPoint } from '../glm/actions.js';
import type { Frame, Rect } from './types.js';

/** The input library's coordinate space: physical pixels (X11) or logical points (macOS, DPI-unaware Windows). */
export type InputSpace = 'physical' | 'logical';

/** Where `action` lands in input space (what steps record and the live view marks); null for actions without a point. */
export function inputPointOf(
  action: { point?: PixelPoint | null },
  frame: Pick<Frame, 'width' | 'height' | 'bounds'>,
): { x: number; y: number } | null {
  return action.point ? mapFramePixelToInput(action.point, frame) : null;
}

/**
 * Maps a pixel of a frame to the input library's coordinates. The pixel's centre is scaled by bounds/frame size,
 * so this holds for physical or logical bounds and for downscaled captures alike; the result is clamped inside
 * the display so that edge pixels never land on a neighbouring display.
 */
export function mapFramePixelToInput(
  point: PixelPoint,
  frame: Pick<Frame, 'width' | 'height' | 'bounds'>,
): { x: number; y: number } {
  const [px, py] = point;
  if (!Number.isFinite(px) || !Number.isFinite(py)) throw new Error(`Pixel point [${px}, ${py}] is not finite`);
  if (frame.width <= 0 || frame.height <= 0) throw new Error(`Frame size ${frame.width}×${frame.height} is empty`);
  const { bounds } = frame;
  return {
    x: mapAxis(px, frame.width, bounds.x, bounds.width),
    y: mapAxis(py, frame.height, bounds.y, bounds.height),
  };
}

function mapAxis(pixel: number, frameSize: number, origin: number, extent: number): number {
  const clampedPixel = clamp(pixel, 0, frameSize - 1);
  const offset = Math.floor(((clampedPixel + 0.5) * extent) / frameSize);
  return origin + clamp(offset, 0, Math.max(0, extent - 1));
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * A display's physical rectangle expressed in the input library's space. Logical space divides by the display's
 * own scale factor; with mixed scale factors the origins of secondary displays are approximations, which is why
 * X11 (one physical space for all outputs) uses 'physical'.
 */
export function displayBoundsInInputSpace(physical: Rect, scaleFactor: number, inputSpace: InputSpace): Rect {
  if (!(scaleFactor > 0)) throw new Error(`Scale factor ${scaleFactor} must be positive`);
  if (inputSpace === 'physical') return { ...physical };
  return {
    x: Math.round(physical.x / scaleFactor),
    y: Math.round(physical.y / scaleFactor),
    width: Math.round(physical.width / scaleFactor),
    height: Math.round(physical.height / scaleFactor),
  };
}
