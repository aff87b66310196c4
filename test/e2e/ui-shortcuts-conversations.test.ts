// The keyboard shortcuts help (header `?` button and `?` key), shortcut hints on the controls, and a run with its
// follow-up instruction grouped as one conversation in Sessions; in a browser against `deskhand serve` on a real X
// desktop with a scripted model server.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAppearanceInUi, startRunInUi } from '../support/serve.js';
import { startUiHarness, UI_SCREENSHOTS as SCREENSHOTS, type UiHarness } from '../support/ui-harness.js';

const DONE = { answer: '<answer>Done.\n<|begin_of_box|>DONE()<|end_of_box|></answer>' };
const APPEARANCES = [
  ['en', 'light'],
  ['en', 'dark'],
  ['zh', 'light'],
  ['zh', 'dark'],
] as const;

let ui: UiHarness;
let page: Page;

beforeAll(async () => {
  ui = await startUiHarness({
    tmpPrefix: 'deskhand-ui-shortcuts-',
    desktop: true,
    server: { style: 'reasoning_content', answers: [DONE, DONE] },
    viewport: { width: 1280, height: 800 },
    skipWizard: true,
  });
  page = ui.page;
});

afterAll(() => ui?.stop());

const byTestId = (id: string) => page.getByTestId(id);
const shortcutKeys = (id: string) =>
  page.locator(`[data-testid="shortcut-row"][data-shortcut="${id}"] kbd`).allTextContents();

describe('keyboard shortcuts help', () => {
  it('opens with ? outside text fields, lists the shortcuts, and closes with Escape', async () => {
    await byTestId('instruction-input').focus();
    await page.keyboard.type('?');
    expect(await byTestId('instruction-input').inputValue()).toBe('?');
    expect(await byTestId('shortcuts-dialog').count()).toBe(0);
    await byTestId('instruction-input').fill('');

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    await expect.poll(() => byTestId('shortcuts-dialog').isVisible()).toBe(true);
    expect(await shortcutKeys('startRun')).toEqual(['Ctrl', 'Enter', '⌘', 'Enter']);
    expect(await shortcutKeys('stopRun')).toEqual(['Esc']);
    expect(await shortcutKeys('emergencyStop')).toEqual(['Ctrl', 'Shift', 'Esc']);
    expect(await shortcutKeys('previousStep')).toEqual(['←']);
    expect(await shortcutKeys('nextStep')).toEqual(['→']);
    expect(await shortcutKeys('help')).toEqual(['?']);
    await page.keyboard.press('Escape');
    await expect.poll(() => byTestId('shortcuts-dialog').count()).toBe(0);
  });

  it('opens from the header button, and the controls name their keys', async () => {
    expect(await byTestId('shortcuts-button').getAttribute('title')).toBe('Keyboard shortcuts (?)');
    expect(await byTestId('run-button').getAttribute('title')).toBe('Run (Ctrl+Enter)');
    for (const [language, theme] of APPEARANCES) {
      await setAppearanceInUi(page, language, theme);
      await byTestId('shortcuts-button').click();
      await expect.poll(() => byTestId('shortcuts-dialog').isVisible()).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, `shortcuts-help-${language}-${theme}.png`) });
      await byTestId('shortcuts-dialog').getByRole('button').last().click();
      await expect.poll(() => byTestId('shortcuts-dialog').count()).toBe(0);
    }
    await setAppearanceInUi(page, 'en', 'light');
  });
});

describe('conversations in Sessions', () => {
  it('lists a follow-up run under its first run, folds it away, and the player opens each', async () => {
    await startRunInUi(page, { baseUrl: ui.server.baseUrl, instruction: 'Open the notes app' });
    await expect.poll(() => byTestId('outcome-banner').count(), { timeout: 30_000 }).toBe(1);
    await byTestId('follow-up-input').fill('Now write a shopping list');
    await byTestId('follow-up-button').click();
    await expect.poll(() => byTestId('outcome-banner').count(), { timeout: 30_000 }).toBe(2);

    await byTestId('sessions-tab').click();
    const rows = byTestId('session-row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(2);
    const first = rows.nth(0);
    const followUp = rows.nth(1);
    expect(await first.getAttribute('data-follow-up')).toBe('false');
    expect(await first.locator('.session-task').textContent()).toBe('Open the notes app');
    expect(await followUp.getAttribute('data-follow-up')).toBe('true');
    expect(await followUp.locator('.session-task').textContent()).toBe('Now write a shopping list');
    const conversation = await first.getAttribute('data-session-id');
    expect(await followUp.getAttribute('data-conversation-id')).toBe(conversation);
    expect(await first.getByTestId('conversation-toggle').textContent()).toBe('1 follow-up');

    await followUp.click();
    await expect.poll(() => byTestId('player').locator('h2').textContent()).toBe('Now write a shopping list');
    for (const [language, theme] of APPEARANCES) {
      await setAppearanceInUi(page, language, theme);
      await page.screenshot({ path: join(SCREENSHOTS, `sessions-conversation-${language}-${theme}.png`) });
    }
    await setAppearanceInUi(page, 'en', 'light');

    await first.getByTestId('conversation-toggle').click();
    await expect.poll(() => rows.count()).toBe(1);
    await rows.nth(0).click();
    await expect.poll(() => byTestId('player').locator('h2').textContent()).toBe('Open the notes app');
    await rows.nth(0).getByTestId('conversation-toggle').click();
    await expect.poll(() => rows.count()).toBe(2);
  });
});
