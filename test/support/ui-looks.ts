// Screenshots of one UI state in English and Chinese, light and dark: the language is switched from a second page
// of the same browser context (the first keeps its unsaved edits), the theme by emulating the colour scheme. Node only
// (tests).
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

type Language = 'en' | 'zh';

/** Saves the stored language from another page; every page of the host follows the settings-changed event. */
export async function storeLanguage(page: Page, url: string, language: Language): Promise<void> {
  const other = await page.context().newPage();
  try {
    await other.goto(url);
    // A first-run wizard in the other page is skipped there only (the skip is read when a page loads).
    const skip = other.getByTestId('wizard-skip');
    const shown = await Promise.race([
      skip.waitFor({ timeout: 20_000 }).then(() => 'wizard' as const),
      other
        .getByTestId('settings-tab')
        .waitFor({ timeout: 20_000 })
        .then(() => 'tabs' as const),
    ]);
    if (shown === 'wizard' || (await skip.isVisible())) await skip.click();
    await other.getByTestId('settings-tab').click({ timeout: 20_000 });
    await other.getByTestId('language-select').selectOption(language);
    const save = other.getByTestId('settings-save');
    // Already in that language: nothing to save.
    if (await save.isEnabled()) await save.click();
    await other.locator('[data-testid="settings-save"]:disabled').waitFor();
  } finally {
    await other.close();
  }
  await page.locator(`html[lang="${language === 'zh' ? 'zh-CN' : 'en'}"]`).waitFor({ state: 'attached' });
}

/**
 * Writes `<name>-<en|zh>-<light|dark>.png` under `dir`: the whole page, or `target` when given. Leaves the page in
 * English and light.
 */
export async function screenshotLooks(
  page: Page,
  options: { url: string; dir: string; name: string; target?: (page: Page) => Locator },
): Promise<void> {
  for (const language of ['en', 'zh'] as const) {
    if (language === 'zh') await storeLanguage(page, options.url, 'zh');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const path = join(options.dir, `${options.name}-${language}-${scheme}.png`);
      // Colour transitions would otherwise be caught halfway after the scheme switch.
      if (options.target) await options.target(page).screenshot({ path, animations: 'disabled' });
      else await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    }
  }
  await storeLanguage(page, options.url, 'en');
  await page.emulateMedia({ colorScheme: 'light' });
}
