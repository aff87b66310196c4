// Everything a UI e2e test stands on, started in one call and stopped in one: a temp folder, an optional X desktop
// (optionally showing the test form), an optional scripted model server, `deskhand serve`, and a browser page on it.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { FORM_PAGE_URL, openPageInChromium } from './chromium.js';
import { startScriptedServer, type ScriptedServer, type ScriptedServerOptions } from './scripted-openai-server.js';
import { launchUiBrowser, startServe, type ServedUi } from './serve.js';
import { startXDesktop, type XDesktop, type XDesktopOptions } from './x-desktop.js';

/** Where UI tests write their screenshots (created by startUiHarness). */
export const UI_SCREENSHOTS = resolve(import.meta.dirname, '../.tmp/screenshots');

/** Something `prepare` started that the harness should stop, and what serve's environment should add for it. */
export interface PreparedParts {
  env?: NodeJS.ProcessEnv;
  stop?: () => Promise<void>;
}

export interface UiHarnessOptions {
  /** Prefix of the temp folder that holds sessions/ and config/ (XDG_CONFIG_HOME). */
  tmpPrefix: string;
  /** Start an X desktop (true: 1920×1080); serve then runs on it. Without one serve gets process.env. */
  desktop?: boolean | XDesktopOptions;
  /** Show the test form in Chromium on the desktop, so the model's screenshots show something real. */
  formPage?: boolean;
  /** Start a scripted OpenAI-compatible server with these options. */
  server?: ScriptedServerOptions;
  /** Runs once the temp folder exists, before anything starts: write sessions, start file servers. */
  prepare?: (work: string) => Promise<PreparedParts | void>;
  /** Arguments after `serve --sessions-dir <work>/sessions`. */
  serveArgs?: string[];
  /** Added to serve's environment. */
  env?: NodeJS.ProcessEnv;
  /** The UI page's viewport (default 1280×900). Its context accepts downloads (Playwright's default). */
  viewport?: { width: number; height: number };
  /** Click the first-run wizard's Skip once the UI has loaded. */
  skipWizard?: boolean;
}

export interface UiHarness {
  work: string;
  sessionsDir: string;
  /** Set when `desktop` was asked for. */
  desktop: XDesktop | undefined;
  /** The scripted server; throws when `server` was not asked for. */
  server: ScriptedServer;
  /** The current serve (replaced by serveAgain). */
  readonly served: ServedUi;
  browser: Browser;
  page: Page;
  /** Starts serve again with the same arguments and environment (after `served.stop()`), `leadingArgs` first. */
  serveAgain(leadingArgs?: string[]): Promise<ServedUi>;
  /** Stops everything in reverse order of starting; runs every step even if one fails, then throws the first error. */
  stop(): Promise<void>;
}

/** Starts the parts in order; if one fails, stops those already started and rethrows. */
export async function startUiHarness(options: UiHarnessOptions): Promise<UiHarness> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    let failure: unknown;
    for (const step of stops.splice(0).reverse()) await step().catch((error: unknown) => (failure ??= error));
    if (failure !== undefined) throw failure;
  };
  try {
    const work = await mkdtemp(join(tmpdir(), options.tmpPrefix));
    stops.push(() => rm(work, { recursive: true, force: true }));
    const sessionsDir = join(work, 'sessions');
    await mkdir(UI_SCREENSHOTS, { recursive: true });
    const prepared = (await options.prepare?.(work)) ?? {};
    if (prepared.stop) stops.push(prepared.stop);

    let desktop: XDesktop | undefined;
    if (options.desktop) {
      desktop = await startXDesktop(options.desktop === true ? {} : options.desktop);
      stops.push(() => desktop!.stop());
    }
    if (options.formPage) {
      if (!desktop) throw new Error('formPage needs a desktop');
      const formPage = await openPageInChromium(desktop, FORM_PAGE_URL);
      stops.push(() => formPage.close());
    }
    let server: ScriptedServer | undefined;
    if (options.server) {
      server = await startScriptedServer(options.server);
      stops.push(() => server!.close());
    }

    const serveArgs = ['--sessions-dir', sessionsDir, ...(options.serveArgs ?? [])];
    const serveEnv = {
      ...(desktop?.env ?? process.env),
      XDG_CONFIG_HOME: join(work, 'config'),
      ...prepared.env,
      ...options.env,
    };
    let served = await startServe(serveArgs, serveEnv);
    stops.push(() => served.stop());

    const browser = await launchUiBrowser();
    stops.push(() => browser.close());
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(served.url);
    if (options.skipWizard) await page.getByTestId('wizard-skip').click({ timeout: 20_000 });
    return {
      work,
      sessionsDir,
      desktop,
      get server() {
        if (!server) throw new Error('this harness was started without a scripted server');
        return server;
      },
      get served() {
        return served;
      },
      browser,
      page,
      serveAgain: async (leadingArgs = []) => (served = await startServe([...leadingArgs, ...serveArgs], serveEnv)),
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
