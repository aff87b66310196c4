// Restarting `deskhand serve`: the same URL and token from the same config folder, an open tab that reconnects by
// itself, `--new-token` to rotate it, and the refusal page an old link then gets.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFrame, writeSession } from '../support/recorded-session.js';
import { setAppearanceInUi } from '../support/serve.js';
import { startUiHarness, UI_SCREENSHOTS as SCREENSHOTS, type UiHarness } from '../support/ui-harness.js';

const SESSION = '20261121-100000-a11e';

let ui: UiHarness;
let page: Page;

beforeAll(async () => {
  ui = await startUiHarness({
    tmpPrefix: 'deskhand-ui-restart-',
    prepare: async (work) => {
      await writeSession(join(work, 'sessions'), {
        id: SESSION,
        task: 'Open the notes',
        steps: [{ frame: await testFrame(320, 200) }],
      });
    },
    viewport: { width: 1280, height: 800 },
    skipWizard: true,
  });
  page = ui.page;
});

afterAll(() => ui?.stop());

/** The header's connection state: connecting, open or closed. */
const status = async () =>
  /connection-(\w+)/.exec((await page.getByTestId('connection-status').getAttribute('class')) ?? '')?.[1];
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

describe('restarting deskhand serve', () => {
  it('keeps the URL and token, and the open tab reconnects by itself without a reload', async () => {
    await expect.poll(status, { timeout: 10_000 }).toBe('open');
    await page.evaluate(() => sessionStorage.setItem('loaded-once', 'yes'));
    const before = ui.served.url;

    await ui.served.stop();
    await expect.poll(status, { timeout: 10_000 }).toBe('closed');
    expect(await page.getByTestId('connection-hint').textContent()).toContain('start it again');
    await ui.serveAgain();

    expect(ui.served.url).toBe(before);
    expect(ui.served.stderr()).not.toContain(tokenOf(before));
    await expect.poll(status, { timeout: 20_000 }).toBe('open');
    // The same document (no reload happened), and a call over the new connection works.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await page.getByTestId('sessions-tab').click();
    await expect.poll(() => page.getByTestId('session-row').count(), { timeout: 10_000 }).toBe(1);
  });

  it('tells an offline tab what to do, in English and Chinese, light and dark', async () => {
    for (const [language, theme] of [
      ['en', 'light'],
      ['en', 'dark'],
      ['zh', 'light'],
      ['zh', 'dark'],
    ] as const) {
      await setAppearanceInUi(page, language, theme);
      await ui.served.stop();
      await expect.poll(status, { timeout: 10_000 }).toBe('closed');
      await page.screenshot({ path: join(SCREENSHOTS, `serve-offline-banner-${language}-${theme}.png`) });
      await ui.serveAgain();
      await expect.poll(status, { timeout: 20_000 }).toBe('open');
    }
    await setAppearanceInUi(page, 'en', 'light');
  });

  it('stores the token in a file only its owner can read', async () => {
    const file = join(ui.work, 'config', 'deskhand', 'serve.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toContain(tokenOf(ui.served.url));
  });

  it('--new-token gives a new token; a reload of the old link shows the refusal page with the way back', async () => {
    const old = ui.served.url;
    await ui.served.stop();
    await ui.serveAgain(['--new-token']);
    expect(tokenOf(ui.served.url)).not.toBe(tokenOf(old));

    const response = await page.reload();
    expect(response?.status()).toBe(403);
    const text = await page.locator('body').innerText();
    expect(text).toContain('This link no longer opens Deskhand');
    expect(text).toContain('deskhand serve');
    expect(text).toContain('--new-token');
    const html = await response!.text();
    expect(html).not.toContain(tokenOf(old));
    expect(html).not.toContain(tokenOf(ui.served.url));
    expect(html).not.toMatch(/<script|style=/i);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    // The page is styled from its own stylesheet, which loads without a token.
    await expect.poll(() => page.locator('main').evaluate((main) => getComputedStyle(main).maxWidth)).not.toBe('none');

    await page.goto(ui.served.url);
    await expect.poll(status, { timeout: 20_000 }).toBe('open');
  });

  it('shows the refusal page in English and Chinese, light and dark', async () => {
    for (const locale of ['en-US', 'zh-CN']) {
      const context = await ui.browser.newContext({ locale, viewport: { width: 900, height: 600 } });
      const refused = await context.newPage();
      const response = await refused.goto(ui.served.url.replace(/token=\w+/, 'token=stale'));
      expect(response?.status()).toBe(403);
      const text = await refused.locator('body').innerText();
      expect(text).toContain(locale === 'zh-CN' ? '此链接已无法打开 Deskhand' : 'This link no longer opens Deskhand');
      for (const colorScheme of ['light', 'dark'] as const) {
        await refused.emulateMedia({ colorScheme });
        const name = `refusal-page-${locale.slice(0, 2)}-${colorScheme}.png`;
        await refused.screenshot({ path: join(SCREENSHOTS, name) });
      }
      await context.close();
    }
  });
});
