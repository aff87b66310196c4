// Electron entry: single instance, app:// scheme, startApp when ready, host disposed on quit. Electron main process.
import { app, dialog, protocol } from 'electron';
import { APP_SCHEME } from './protocol/app-protocol.js';
import { startApp, type RunningApp } from './start-app.js';
import { windowOpenDecision } from './windows/secure-web-preferences.js';

/** How long a quit waits for the host to stop a run and release held keys. */
const DISPOSE_TIMEOUT_MS = 5000;

// Before 'ready': app:// behaves like https (a standard, secure origin with fetch and module scripts), no CSP bypass.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);

function run(): void {
  let running: RunningApp | null = null;
  // Windows shows notifications (a taken stop shortcut) only for an app with an id; the same as electron-builder's.
  if (process.platform === 'win32') app.setAppUserModelId('app.deskhand.desktop');
  let quitting = false;

  app.on('second-instance', () => running?.showMainWindow());
  app.on('activate', () => running?.showMainWindow());
  // A last guard for any web contents, ours or not: no popups, no webviews. Our windows get hardenWebContents too.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(windowOpenDecision);
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('will-quit', (event) => {
    if (quitting || running === null) return;
    event.preventDefault();
    quitting = true;
    const timeout = new Promise((resolve) => setTimeout(resolve, DISPOSE_TIMEOUT_MS));
    void Promise.race([running.dispose(), timeout])
      .catch((error: unknown) => console.error('Deskhand: shutdown failed:', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      running = await startApp();
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Deskhand could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

// A second launch hands over to the first (its 'second-instance' shows the window) and exits.
if (app.requestSingleInstanceLock()) run();
else app.quit();
