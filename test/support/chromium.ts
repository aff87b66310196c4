// Opens a page in Debian's Chromium, headful and fullscreen on a test X desktop, driven by Playwright. Node only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { KIOSK_CHROMIUM_ARGS } from '../../src/suite/chromium-kiosk.js';
import type { XDesktop } from './x-desktop.js';

export { FORM_COLOUR_BLOCK_RGB, FORM_LAYOUT, FORM_PAGE_URL } from '../fixtures/pages/form-layout.js';

export interface ChromiumOptions {
  /** Chromium binary (default /usr/bin/chromium). */
  executablePath?: string;
  /** Extra command-line switches. */
  args?: string[];
  /** The monitor to fill, for a desktop of several (default: the whole screen from 0,0). */
  monitor?: { x: number; y: number; width: number };
}

/** A page shown fullscreen: page coordinates equal screen coordinates (0,0 at the top-left, scale 1). */
export interface ChromiumPage {
  page: Page;
  context: BrowserContext;
  /** Closes Chromium and deletes its temporary profile. */
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [...KIOSK_CHROMIUM_ARGS, '--disable-quic'];

/** Waits until the kiosk window covers its monitor, so that targets sit at their documented pixels on it. */
async function waitForFullscreen(page: Page, monitor: ChromiumOptions['monitor']): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const { x, y, width } = expected ?? { x: 0, y: 0, width: screen.width };
      return window.screenX === x && window.screenY === y && window.innerWidth === width && document.hasFocus();
    },
    monitor,
    { timeout: 30_000, polling: 50 },
  );
}

/**
 * Waits until the page has focus and has painted two frames: Chromium drops input that arrives before a newly
 * loaded page first paints, which under load can come after the load event. Call it after every goto or reload.
 */
export async function waitForInputReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.hasFocus(), undefined, { timeout: 30_000, polling: 50 });
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * Launches Chromium in kiosk mode on `desktop` with a throw-away profile and opens `url` (file:// works, e.g.
 * FORM_PAGE_URL). Resolves once the page has loaded, fills the screen, has keyboard focus and has painted.
 */
export async function openPageInChromium(
  desktop: Pick<XDesktop, 'env'>,
  url: string,
  options: ChromiumOptions = {},
): Promise<ChromiumPage> {
  const profile = await mkdtemp(join(tmpdir(), 'deskhand-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.executablePath ?? '/usr/bin/chromium',
    headless: false,
    env: desktop.env,
    viewport: null,
    // Chromium reads the last --window-position; kiosk mode then fills the monitor that holds that point.
    args: [
      ...CHROMIUM_ARGS,
      ...(options.monitor ? [`--window-position=${options.monitor.x},${options.monitor.y}`] : []),
      ...(options.args ?? []),
    ],
    timeout: 60_000,
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  };
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url, { waitUntil: 'load' });
    await waitForFullscreen(page, options.monitor);
    await waitForInputReady(page);
    return { page, context, close };
  } catch (error) {
    await close();
    throw error;
  }
}
