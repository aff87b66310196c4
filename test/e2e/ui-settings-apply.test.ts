// Settings in a browser against `deskhand serve`: Apply in the backend editor stores the backend at once, and other
// edits cannot be lost silently (an unsaved marker, a Save / Discard / Cancel dialog on leaving, beforeunload).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotLooks } from '../support/ui-looks.js';
import { startUiHarness, UI_SCREENSHOTS as SCREENSHOTS, type UiHarness } from '../support/ui-harness.js';

let ui: UiHarness;
let page: Page;

beforeAll(async () => {
  ui = await startUiHarness({ tmpPrefix: 'deskhand-ui-apply-', skipWizard: true });
  page = ui.page;
  await byTestId('settings-tab').click();
  await byTestId('backend-settings').waitFor({ timeout: 10_000 });
});

afterAll(() => ui?.stop());

const byTestId = (id: string) => page.getByTestId(id);

async function storedSettings(): Promise<{ backends: { name: string }[]; loop: { maxSteps: number } }> {
  return JSON.parse(await readFile(join(ui.work, 'config', 'deskhand', 'settings.json'), 'utf8')) as {
    backends: { name: string }[];
    loop: { maxSteps: number };
  };
}

describe('Settings keeps what the user set', () => {
  it('Apply in the backend editor stores the backend: it is still there after a reload, without Save', async () => {
    await byTestId('backend-add').click();
    await byTestId('preset-name-input').fill('Lab server');
    await byTestId('preset-url-input').fill('http://127.0.0.1:9/v1');
    await byTestId('preset-apply').click();
    await expect.poll(() => byTestId('backend-preset').count()).toBe(1);
    await expect
      .poll(async () => (await storedSettings()).backends.map((backend) => backend.name))
      .toEqual(['Lab server']);
    expect(await byTestId('settings-unsaved-marker').count()).toBe(0);

    await page.reload();
    await byTestId('settings-tab').click();
    await expect.poll(() => byTestId('backend-preset').count(), { timeout: 10_000 }).toBe(1);
    expect(await byTestId('backend-preset').textContent()).toContain('Lab server');
  });

  it('marks unsaved edits on the Save bar and the Settings tab', async () => {
    await byTestId('max-steps-input').fill('12');
    await expect.poll(() => byTestId('settings-unsaved-marker').count()).toBe(1);
    expect(await byTestId('settings-tab').getAttribute('data-unsaved')).toBe('true');
    expect(await byTestId('settings-status').textContent()).toContain('Unsaved changes');
    await screenshotLooks(page, {
      url: ui.served.url,
      dir: SCREENSHOTS,
      name: 'settings-unsaved',
      target: (shown) => shown.locator('.save-bar'),
    });
    await screenshotLooks(page, {
      url: ui.served.url,
      dir: SCREENSHOTS,
      name: 'settings-unsaved-tab',
      target: (shown) => shown.locator('.app-header'),
    });
  });

  it('asks before leaving the tab: Cancel stays, Discard drops the edit, Save stores it', async () => {
    await byTestId('run-tab').click();
    const dialog = byTestId('settings-leave-dialog');
    await dialog.waitFor();
    await screenshotLooks(page, { url: ui.served.url, dir: SCREENSHOTS, name: 'settings-leave-dialog' });
    await byTestId('settings-leave-cancel').click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await byTestId('max-steps-input').inputValue()).toBe('12');

    await byTestId('run-tab').click();
    await byTestId('settings-leave-discard').click();
    await expect.poll(() => byTestId('run-tab').getAttribute('aria-selected')).toBe('true');
    await byTestId('settings-tab').click();
    expect(await byTestId('max-steps-input').inputValue()).toBe('30');
    expect(await byTestId('settings-tab').getAttribute('data-unsaved')).toBe('false');

    await byTestId('max-steps-input').fill('14');
    await byTestId('sessions-tab').click();
    await byTestId('settings-leave-save').click();
    await expect.poll(() => byTestId('sessions-tab').getAttribute('aria-selected')).toBe('true');
    expect((await storedSettings()).loop.maxSteps).toBe(14);
  });

  it('asks the browser to confirm a reload while edits are unsaved', async () => {
    await byTestId('settings-tab').click();
    await byTestId('max-steps-input').fill('16');
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.accept();
      }),
    );
    await page.reload();
    expect(await asked).toBe('beforeunload');
    await byTestId('settings-tab').click();
    expect(await byTestId('max-steps-input').inputValue()).toBe('14');
  });
});
