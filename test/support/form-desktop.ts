// A private X desktop showing the test form in Chromium, with an empty sessions folder, for e2e runs. Node only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORM_PAGE_URL, openPageInChromium, type ChromiumOptions, type ChromiumPage } from './chromium.js';
import { startXDesktop, type XDesktop } from './x-desktop.js';

export interface FormDesktop {
  desktop: XDesktop;
  browser: ChromiumPage;
  sessionsDir: string;
  /** Closes Chromium, stops the desktop and deletes the sessions folder. */
  stop(): Promise<void>;
}

/** `prepare` runs on the new desktop before Chromium opens (monitors, X resources). */
export async function startFormDesktop(options: {
  width: number;
  height: number;
  prepare?: (desktop: XDesktop) => Promise<void>;
  chromium?: ChromiumOptions;
}): Promise<FormDesktop> {
  const desktop = await startXDesktop({ width: options.width, height: options.height });
  try {
    await options.prepare?.(desktop);
    const browser = await openPageInChromium(desktop, FORM_PAGE_URL, options.chromium);
    const sessionsDir = await mkdtemp(join(tmpdir(), 'deskhand-form-'));
    return {
      desktop,
      browser,
      sessionsDir,
      async stop() {
        await browser.close();
        await desktop.stop();
        await rm(sessionsDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await desktop.stop();
    throw error;
  }
}
