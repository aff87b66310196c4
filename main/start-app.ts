// Wires the app once Electron is ready: host, protocol, windows, IPC, overlay, tray, shortcuts. Electron main process.
import { join } from 'node:path';
import {
  app,
  globalShortcut,
  ipcMain,
  Notification,
  protocol,
  safeStorage,
  screen,
  type BrowserWindow,
} from 'electron';
import { createAgentHost } from '../src/host/create-agent-host.js';
import { modelSourcesFromEnv } from '../src/host/model-downloads.js';
import { MAX_IMPORT_BYTES } from '../src/host/session-transfer.js';
import type { DisplayInfo } from '../src/host/protocol/host-api.js';
import { bindIpc, WindowRegistry } from './ipc/bind-ipc.js';
import { mainMethodHandlers } from './ipc/main-method-handlers.js';
import { SafeStorageKeyStore } from './key-store.js';
import { APP_ORIGIN, APP_SCHEME, createAppRequestHandler } from './protocol/app-protocol.js';
import { EmergencyStop } from './run/emergency-stop.js';
import { PointerWatch } from './run/pointer-watch.js';
import { RunWatcher } from './run/run-watcher.js';
import { createTray } from './tray.js';
import { createMainWindow, createMarkerWindow, createWidgetWindow } from './windows/create-windows.js';
import { overlaySurfaces, primaryWorkArea, workAreaOf } from './windows/overlay-surfaces.js';
import { RunOverlay } from './windows/run-overlay.js';
import { hideWindowsDuringCapture } from './windows/capture-privacy.js';

export interface RunningApp {
  showMainWindow(): void;
  /** Stops any run, releases shortcuts, windows' IPC and the host. */
  dispose(): Promise<void>;
}

/** Files under the app's root (the asar archive when packaged): see electron-builder.yml `files`. */
function layout(root: string) {
  return {
    roots: { renderer: join(root, 'dist', 'renderer'), overlay: join(root, 'out', 'widget') },
    preload: join(root, 'out', 'preload', 'index.cjs'),
  };
}

function notify(message: string): void {
  console.warn(`Deskhand: ${message}`);
  if (Notification.isSupported()) new Notification({ title: 'Deskhand', body: message }).show();
}

export async function startApp(): Promise<RunningApp> {
  const userData = app.getPath('userData');
  const { roots, preload } = layout(app.getAppPath());
  const devTools = !app.isPackaged;
  const keyStore = new SafeStorageKeyStore(safeStorage, join(userData, 'keys.json'));
  const contentProtection = process.platform !== 'linux';
  let overlayWindows: BrowserWindow[] = [];
  const host = await createAgentHost({
    sessionsDir: join(userData, 'sessions'),
    settingsFile: join(userData, 'settings.json'),
    keyStore,
    captureHooks: contentProtection ? undefined : hideWindowsDuringCapture(() => overlayWindows),
    // The same models folder as `deskhand model download`, so a model fetched from the terminal shows up here.
    models: modelSourcesFromEnv(process.env),
  });
  protocol.handle(
    APP_SCHEME,
    createAppRequestHandler({
      roots,
      frameFile: (id, frame) => host.frameFile(id, frame),
      exportFile: (id, format) => host.exportFile(id, format),
      importArchiveFile: (path) => host.importArchiveFile(path),
      maxImportBytes: MAX_IMPORT_BYTES,
    }),
  );

  const registry = new WindowRegistry();
  let mainWindow: BrowserWindow | null = null;
  const showMainWindow = () => {
    if (mainWindow !== null && !mainWindow.isDestroyed()) {
      mainWindow.show();
      mainWindow.focus();
      return;
    }
    const window = createMainWindow({ preload, url: `${APP_ORIGIN}/index.html`, devTools });
    const forget = registry.add(window.webContents);
    window.on('closed', () => {
      forget();
      mainWindow = null;
      if (process.platform !== 'darwin') app.quit();
    });
    mainWindow = window;
  };
  // The overlay windows load at start, hidden, so the widget already listens when the first run begins.
  const widget = createWidgetWindow({ preload, url: `${APP_ORIGIN}/overlay/widget.html`, devTools });
  const forgetWidget = registry.add(widget.webContents);
  const marker = createMarkerWindow({ preload, url: `${APP_ORIGIN}/overlay/marker.html`, devTools });
  const unbindIpc = bindIpc({ ipcMain, host, windows: registry, mainMethods: mainMethodHandlers(keyStore) });

  overlayWindows = [widget, marker];
  const surfaces = overlaySurfaces({ main: () => mainWindow, widget, marker });
  const overlay = new RunOverlay(surfaces, contentProtection, primaryWorkArea());
  const tray = createTray({ showMainWindow, stopRun: () => void watcher.stop(), quit: () => app.quit() });
  const pointerWatch = new PointerWatch({
    cursor: () => screen.getCursorScreenPoint(),
    onUserMoved: () => void watcher.pause(),
  });
  const emergencyStop = new EmergencyStop(globalShortcut, () => void watcher.stop());
  const watcher = new RunWatcher({
    host,
    overlay,
    tray,
    pointerWatch,
    emergencyStop,
    notify,
    async workAreaOf(displayId) {
      const reply = await host.dispatch('displays.list', {});
      const display = 'result' in reply ? (reply.result as DisplayInfo[]).find((item) => item.id === displayId) : null;
      return display ? workAreaOf(display) : null;
    },
  });
  await watcher.start();
  showMainWindow();

  return {
    showMainWindow,
    async dispose() {
      watcher.dispose();
      pointerWatch.dispose();
      emergencyStop.dispose();
      unbindIpc();
      forgetWidget();
      tray.dispose();
      protocol.unhandle(APP_SCHEME);
      await host.dispose();
    },
  };
}
