// Electron cancels a close or reload silently when the page asks to stay (beforeunload); this asks the user instead.
// Main process.
import { dialog, type BrowserWindow } from 'electron';

/** The renderer asks to stay while Settings has unsaved edits: Leave drops them, Stay keeps the window as it is. */
export function confirmUnload(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Leave without saving', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved settings',
      message: 'Some settings are changed but not saved.',
      detail: 'Leave without saving them, or stay and press Save settings.',
    });
    // preventDefault here overrides the page's beforeunload, so the close or reload goes on.
    if (choice === 0) event.preventDefault();
  });
}
