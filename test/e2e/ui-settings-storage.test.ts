// Settings → Sessions and Secrets in a browser against `deskhand serve`: retention limits checked, saved to the
// settings file and kept across a reload; browser mode explains how serve is given secrets (it has no keychain).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUiHarness, UI_SCREENSHOTS as SCREENSHOTS, type UiHarness } from '../support/ui-harness.js';

let ui: UiHarness;
let page: Page;

beforeAll(async () => {
  ui = await startUiHarness({
    tmpPrefix: 'deskhand-ui-storage-',
    serveArgs: ['--secret', 'PASSWORD=E2E_PASSWORD'],
    env: { E2E_PASSWORD: 'not-shown-anywhere' },
    skipWizard: true,
  });
  page = ui.page;
  await byTestId('settings-tab').click();
  await byTestId('retention-settings').waitFor({ timeout: 10_000 });
});

afterAll(() => ui?.stop());

const byTestId = (id: string) => page.getByTestId(id);

async function savedRetention(): Promise<unknown> {
  const text = await readFile(join(ui.work, 'config', 'deskhand', 'settings.json'), 'utf8');
  return (JSON.parse(text) as { retention: unknown }).retention;
}

describe('Settings → Sessions and Secrets in a browser', () => {
  it('starts with no limits and says what is never removed and where sessions are kept', async () => {
    expect(await byTestId('retention-sessions-input').inputValue()).toBe('');
    expect(await byTestId('retention-gb-input').inputValue()).toBe('');
    const section = await byTestId('retention-settings').textContent();
    expect(section).toContain('The session being recorded and sessions another Deskhand process is still recording');
    expect(await byTestId('retention-location').textContent()).toContain('--sessions-dir');
  });

  it('blocks saving invalid limits with a message at each field', async () => {
    await byTestId('retention-sessions-input').fill('0');
    await byTestId('retention-gb-input').fill('-2');
    await expect.poll(() => byTestId('retention-sessions-error').textContent()).toContain('whole number of 1 or more');
    expect(await byTestId('retention-gb-error').textContent()).toContain('above 0');
    expect(await byTestId('retention-sessions-input').getAttribute('aria-invalid')).toBe('true');
    expect(await byTestId('settings-save').isDisabled()).toBe(true);
    expect(await byTestId('settings-error').textContent()).toContain('retention.keepSessions');
    await byTestId('retention-settings').screenshot({ path: join(SCREENSHOTS, 'settings-retention-invalid.png') });

    await byTestId('retention-sessions-input').fill('2.5');
    await expect.poll(() => byTestId('retention-sessions-error').isVisible()).toBe(true);
    expect(await byTestId('settings-save').isDisabled()).toBe(true);
  });

  it('saves valid limits to the settings file and keeps them across a reload', async () => {
    await byTestId('retention-sessions-input').fill('25');
    await byTestId('retention-gb-input').fill('0.5');
    await expect.poll(() => byTestId('retention-sessions-error').count()).toBe(0);
    expect(await byTestId('retention-gb-error').count()).toBe(0);
    await byTestId('settings-save').click();
    await expect.poll(() => byTestId('settings-status').textContent()).toContain('Saved');
    expect(await savedRetention()).toEqual({ keepSessions: 25, keepGb: 0.5 });

    await page.reload();
    await byTestId('settings-tab').click();
    await expect.poll(() => byTestId('retention-sessions-input').inputValue(), { timeout: 10_000 }).toBe('25');
    expect(await byTestId('retention-gb-input').inputValue()).toBe('0.5');
    await byTestId('retention-settings').screenshot({ path: join(SCREENSHOTS, 'settings-retention.png') });

    await byTestId('retention-gb-input').fill('');
    await byTestId('settings-save').click();
    await expect.poll(() => savedRetention()).toEqual({ keepSessions: 25, keepGb: null });
  });

  it('in browser mode explains --secret for deskhand serve and offers no keychain form', async () => {
    const guide = byTestId('secrets-browser-guide');
    await guide.scrollIntoViewIfNeeded();
    expect(await guide.textContent()).toContain('deskhand serve --secret PASSWORD=MY_PASSWORD');
    expect(await guide.textContent()).toContain('{{secret:PASSWORD}}');
    expect(await byTestId('secrets-usage').textContent()).toContain('{{secret:PASSWORD}}');
    expect(await byTestId('secrets-usage').textContent()).toContain('The model only ever sees the placeholder');
    expect(await byTestId('secret-name-input').count()).toBe(0);
    expect(await page.content()).not.toContain('not-shown-anywhere');
    await byTestId('secrets-settings').screenshot({ path: join(SCREENSHOTS, 'settings-secrets-browser.png') });
  });
});
