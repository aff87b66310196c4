// Applies RunOverlay decisions to real windows; maps input space to DIP. Electron main process.
import { screen, type BrowserWindow } from 'electron';
import type { DisplayInfo } from '../../src/host/protocol/host-api.js';
import type { Point } from '../run/active-run.js';
import type { OverlaySurfaces, Rect } from './run-overlay.js';

/**
 * Input-library space → DIP. X11 input is physical pixels (one scale factor for all outputs); Windows input is
 * physical pixels per monitor; macOS input is already in points.
 */
export function inputPointToScreen(point: Point): Point {
  if (process.platform === 'win32') return screen.screenToDipPoint(point);
  if (process.platform === 'linux') {
    const scale = screen.getPrimaryDisplay().scaleFactor;
    return { x: point.x / scale, y: point.y / scale };
  }
  return point;
}

/** The work area (DIP) of the Electron display that best matches a host display. */
export function workAreaOf(display: DisplayInfo): Rect {
  const { bounds, scaleFactor } = display;
  const rect =
    process.platform === 'win32'
      ? screen.screenToDipRect(null, bounds)
      : process.platform === 'linux'
        ? {
            x: Math.round(bounds.x / scaleFactor),
            y: Math.round(bounds.y / scaleFactor),
            width: Math.round(bounds.width / scaleFactor),
            height: Math.round(bounds.height / scaleFactor),
          }
        : bounds;
  return screen.getDisplayMatching(rect).workArea;
}

export function primaryWorkArea(): Rect {
  return screen.getPrimaryDisplay().workArea;
}

/** The overlay's windows; the main window is looked up on each use, since macOS can close and reopen it. */
export function overlaySurfaces(windows: {
  main(): BrowserWindow | null;
  widget: BrowserWindow;
  marker: BrowserWindow;
}): OverlaySurfaces {
  const place = (window: BrowserWindow, bounds: Rect | null) => {
    if (window.isDestroyed()) return;
    if (bounds === null) return window.hide();
    window.setBounds(bounds);
    window.showInactive();
  };
  return {
    setMainWindowVisible(visible) {
      const main = windows.main();
      if (main === null || main.isDestroyed()) return;
      if (visible) main.show();
      else main.hide();
    },
    setWidget: (bounds) => place(windows.widget, bounds),
    setMarker: (bounds) => place(windows.marker, bounds),
    toScreen: inputPointToScreen,
  };
}
