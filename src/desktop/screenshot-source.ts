// Which screenshot-desktop screen holds a display, and where the display lies in it. Node only.
import type { Display, Rect } from './types.js';

/** A screen as screenshot-desktop's listDisplays() reports it; offsets and size only on Linux (xrandr outputs). */
export interface ScreenshotScreen {
  id: string | number;
  offsetX?: number;
  offsetY?: number;
  width?: number;
  height?: number;
}

/** The screen to shoot and, when the display is only part of it, the rectangle to cut out (in its pixels). */
export interface ScreenshotSource {
  screen: string | number;
  crop: Rect | null;
}

function rectOf(screen: ScreenshotScreen): Rect | null {
  const { offsetX, offsetY, width, height } = screen;
  if (offsetX === undefined || offsetY === undefined || width === undefined || height === undefined) return null;
  return { x: offsetX, y: offsetY, width, height };
}

function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}

/**
 * screenshot-desktop knows xrandr outputs only and shoots its primary for an id it does not know. A RandR
 * monitor defined with `xrandr --setmonitor` (half of a wide panel) is then cut out of the output that holds it.
 * Bounds are physical pixels, as on X11. Null when no screen holds the display.
 */
export function screenshotSourceFor(display: Display, screens: readonly ScreenshotScreen[]): ScreenshotSource | null {
  const placed = screens.map((screen) => ({ id: screen.id, rect: rectOf(screen) }));
  const holder =
    placed.find((screen) => String(screen.id) === display.id) ??
    placed.find((screen) => screen.rect !== null && contains(screen.rect, display.bounds));
  if (!holder) return null;
  const { rect } = holder;
  if (!rect || (rect.width === display.bounds.width && rect.height === display.bounds.height)) {
    return { screen: holder.id, crop: null };
  }
  if (!contains(rect, display.bounds)) return null;
  const { width, height } = display.bounds;
  return { screen: holder.id, crop: { x: display.bounds.x - rect.x, y: display.bounds.y - rect.y, width, height } };
}
