// Keeps the widget and marker out of the model's screenshots where the OS has no content protection (X11).
// Electron main process; takes windows through a small interface so it is unit-tested without Electron.
import type { CaptureHooks } from '../../src/host/create-agent-host.js';

export interface HideableWindow {
  isDestroyed(): boolean;
  isVisible(): boolean;
  hide(): void;
  showInactive(): void;
}

/** Time for the X server to repaint what a hidden window covered, before the capture reads the screen. */
export const REPAINT_MS = 50;

export function hideWindowsDuringCapture(windows: () => HideableWindow[], repaintMs = REPAINT_MS): CaptureHooks {
  let hidden: HideableWindow[] = [];
  return {
    async beforeCapture() {
      hidden = windows().filter((window) => !window.isDestroyed() && window.isVisible());
      for (const window of hidden) window.hide();
      if (hidden.length > 0) await new Promise((resolve) => setTimeout(resolve, repaintMs));
    },
    afterCapture() {
      for (const window of hidden) if (!window.isDestroyed()) window.showInactive();
      hidden = [];
    },
  };
}
