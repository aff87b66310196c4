// The tray icon: run status, Show and Stop; clicking it shows the main window. Electron main process.
import { Menu, nativeImage, Tray } from 'electron';
import type { ActiveRun } from './run/active-run.js';
import { trayIconPixels, trayModel, type TrayModel, type TrayStatus } from './tray-model.js';

const ICON_SIZE = 16;

export interface TrayActions {
  showMainWindow(): void;
  stopRun(): void;
  quit(): void;
}

function icon(status: TrayStatus): Electron.NativeImage {
  const template = process.platform === 'darwin';
  const scaleFactor = 2;
  const size = ICON_SIZE * scaleFactor;
  const image = nativeImage.createFromBitmap(trayIconPixels(status, size, template ? 0 : 220), {
    width: size,
    height: size,
    scaleFactor,
  });
  image.setTemplateImage(template);
  return image;
}

/** Creates the tray; call `update` on every run change and `dispose` on quit. */
export function createTray(actions: TrayActions): { update(run: ActiveRun | null): void; dispose(): void } {
  const tray = new Tray(icon('idle'));
  let shown: TrayModel | null = null;
  tray.on('click', () => actions.showMainWindow());

  function update(run: ActiveRun | null): void {
    const model = trayModel(run);
    // Host events arrive many times a second while the model streams; rebuild only when something shows.
    if (shown !== null && JSON.stringify(model) === JSON.stringify(shown)) return;
    tray.setToolTip(model.tooltip);
    if (model.status !== shown?.status) tray.setImage(icon(model.status));
    shown = model;
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: model.statusLabel, enabled: false },
        { type: 'separator' },
        { label: 'Show Deskhand', click: () => actions.showMainWindow() },
        { label: 'Stop the task', enabled: model.canStop, click: () => actions.stopRun() },
        { type: 'separator' },
        { label: 'Quit Deskhand', click: () => actions.quit() },
      ]),
    );
  }

  update(null);
  return { update, dispose: () => tray.destroy() };
}
