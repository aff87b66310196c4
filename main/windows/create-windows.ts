// Creates the main, widget and marker windows, all secure and hardened alike. Electron main process.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { confirmUnload } from './confirm-unload.js';
import { MARKER_SIZE, WIDGET_SIZE } from './run-overlay.js';
import { hardenWebContents, secureWebPreferences } from './secure-web-preferences.js';

export interface WindowOptions {
  /** out/preload/index.cjs */
  preload: string;
  url: string;
  devTools: boolean;
}

function secureWindow(options: WindowOptions, extra: BrowserWindowConstructorOptions): BrowserWindow {
  const window = new BrowserWindow({
    ...extra,
    show: false,
    webPreferences: secureWebPreferences({ preload: options.preload, devTools: options.devTools }),
  });
  hardenWebContents(window.webContents);
  // A load failure leaves an empty window rather than an unhandled rejection; the page's own errors show inside it.
  window
    .loadURL(options.url)
    .catch((error: unknown) => console.error(`Deskhand could not load ${options.url}:`, error));
  return window;
}

/** The main window: the renderer (dist/renderer) on app://deskhand/. Shown once its first paint is ready. */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = secureWindow(options, {
    title: 'Deskhand',
    width: 1180,
    height: 800,
    minWidth: 720,
    minHeight: 520,
  });
  window.once('ready-to-show', () => window.show());
  confirmUnload(window);
  return window;
}

/** Frameless, always on top, never focused (keys the agent types must not land here), kept out of captures. */
function overlayWindow(options: WindowOptions, extra: BrowserWindowConstructorOptions): BrowserWindow {
  const window = secureWindow(options, {
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    focusable: false,
    alwaysOnTop: true,
    hasShadow: false,
    ...extra,
  });
  window.setAlwaysOnTop(true, 'screen-saver');
  window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
  // macOS and Windows leave content-protected windows out of screenshots; X11 has no such thing (run-overlay.ts).
  window.setContentProtection(true);
  return window;
}

/** The run widget (main/widget/widget.html): step, thought, Pause / Take over / Stop. */
export function createWidgetWindow(options: WindowOptions): BrowserWindow {
  return overlayWindow(options, { title: 'Deskhand run', ...WIDGET_SIZE });
}

/** The click marker (main/widget/marker.html): transparent and click-through. */
export function createMarkerWindow(options: WindowOptions): BrowserWindow {
  const window = overlayWindow(options, {
    title: 'Deskhand target',
    width: MARKER_SIZE,
    height: MARKER_SIZE,
    transparent: true,
    backgroundColor: '#00000000',
  });
  window.setIgnoreMouseEvents(true);
  return window;
}
