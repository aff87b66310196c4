// One X desktop for a whole CLI e2e file, and for each test a fresh sessions folder and, if asked, the test form shown
// in Chromium on that desktop. Registers vitest hooks, so call it once at a file's top level. Node only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { FORM_PAGE_URL, openPageInChromium, type ChromiumPage } from './chromium.js';
import { startXDesktop, type XDesktop } from './x-desktop.js';

export interface CliDesktop {
  readonly desktop: XDesktop;
  /** The current test's sessions folder, empty when the test starts. */
  readonly sessionsDir: string;
  /** The current test's form page; only with `formPage`. */
  readonly browser: ChromiumPage;
}

export function useCliDesktop(options: { tmpPrefix: string; formPage?: boolean }): CliDesktop {
  let desktop: XDesktop | undefined;
  let sessionsDir: string | undefined;
  let browser: ChromiumPage | undefined;
  const started = <T>(part: T | undefined, name: string): T => {
    if (part === undefined) throw new Error(`no ${name}: it starts in a hook (or was not asked for)`);
    return part;
  };

  beforeAll(async () => {
    desktop = await startXDesktop();
  });
  afterAll(async () => {
    await desktop?.stop();
  });
  beforeEach(async () => {
    sessionsDir = await mkdtemp(join(tmpdir(), options.tmpPrefix));
    if (options.formPage) browser = await openPageInChromium(started(desktop, 'desktop'), FORM_PAGE_URL);
  });
  // Registered before a file's own afterEach, so it runs after that one (vitest runs after-hooks as a stack).
  afterEach(async () => {
    await browser?.close();
    browser = undefined;
    if (sessionsDir) await rm(sessionsDir, { recursive: true, force: true });
  });

  return {
    get desktop() {
      return started(desktop, 'desktop');
    },
    get sessionsDir() {
      return started(sessionsDir, 'sessions folder');
    },
    get browser() {
      return started(browser, 'form page');
    },
  };
}
