// The sessions view in a browser against `deskhand serve`: export HTML and zip, import back, refuse a bad zip, and
// a fast scrub that fetches only the frame where it stops.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFrame, writeSession } from '../support/recorded-session.js';
import { startUiHarness, UI_SCREENSHOTS as SCREENSHOTS, type UiHarness } from '../support/ui-harness.js';

const SHARED = '20261121-100000-5a1e';
const LONG = '20261121-090000-10ec';
const LONG_STEPS = 40;

let ui: UiHarness;
let page: Page;

/** A session to share and a long one to scrub. */
async function writeSessions(work: string): Promise<void> {
  const sessionsDir = join(work, 'sessions');
  const frame = await testFrame(1280, 800);
  await writeSession(sessionsDir, {
    id: SHARED,
    task: 'Share the quarterly form',
    steps: [{ frame }, { frame, action: { name: 'done' } }],
  });
  const small = await testFrame(320, 200);
  await writeSession(sessionsDir, {
    id: LONG,
    task: 'A long session to scrub',
    steps: Array.from({ length: LONG_STEPS }, () => ({ frame: small })),
  });
}

beforeAll(async () => {
  ui = await startUiHarness({
    tmpPrefix: 'deskhand-ui-share-',
    prepare: writeSessions,
    viewport: { width: 1440, height: 900 },
    skipWizard: true,
  });
  page = ui.page;
  await page.getByTestId('sessions-tab').click();
});

afterAll(() => ui?.stop());

const byTestId = (id: string) => page.getByTestId(id);
const row = (id: string) => page.locator(`[data-testid="session-row"][data-session-id="${id}"]`);

/** Clicks `button` and saves the download it starts; returns the file's path and suggested name. */
async function downloadBy(testId: string): Promise<{ path: string; name: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(testId).click()]);
  const path = join(ui.work, download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename() };
}

async function importThroughButton(path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), byTestId('import-button').click()]);
  await chooser.setFiles(path);
}

describe('sharing sessions from the sessions view', () => {
  let zip: string;

  it('exports the self-contained HTML report and the zip through the player buttons', async () => {
    await expect.poll(() => row(SHARED).count(), { timeout: 10_000 }).toBe(1);
    await row(SHARED).click();
    await expect.poll(() => byTestId('player').isVisible()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'sessions-share-player.png') });

    const report = await downloadBy('export-html-button');
    expect(report.name).toBe(`deskhand-session-${SHARED}.html`);
    const html = await readFile(report.path, 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]+">/);
    expect(html).toContain('Share the quarterly form');
    expect(html).not.toContain(ui.sessionsDir);
    expect(html).not.toContain(ui.work);

    const archive = await downloadBy('export-zip-button');
    expect(archive.name).toBe(`deskhand-session-${SHARED}.zip`);
    zip = archive.path;
    expect([...(await readFile(zip)).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('imports the zip back through the Import button after the session was deleted, and selects it', async () => {
    await byTestId('delete-session-button').click();
    await byTestId('confirm-delete-button').click();
    await expect.poll(() => row(SHARED).count(), { timeout: 10_000 }).toBe(0);

    await importThroughButton(zip);
    await expect.poll(() => row(SHARED).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => row(SHARED).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => byTestId('player').locator('h2').textContent()).toBe('Share the quarterly form');
    await expect
      .poll(
        () => byTestId('player-frame').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth),
        {
          timeout: 10_000,
        },
      )
      .toBe(1280);
    await page.screenshot({ path: join(SCREENSHOTS, 'sessions-share-imported.png') });
  });

  it('shows the importer message for a duplicate and for a bad zip, and the list stays as it was', async () => {
    await importThroughButton(zip);
    await expect.poll(() => byTestId('import-error').textContent(), { timeout: 10_000 }).toContain('already here');

    const bad = join(ui.work, 'broken.zip');
    await writeFile(bad, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]));
    await importThroughButton(bad);
    await expect
      .poll(() => byTestId('import-error').textContent(), { timeout: 10_000 })
      .toMatch(/^This archive cannot be imported: /);
    expect(await byTestId('session-row').count()).toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'sessions-share-import-error.png') });
  });

  it('fetches only the frame where a fast scrub stops', async () => {
    await row(LONG).click();
    const frame = byTestId('player-frame');
    await expect
      .poll(() => frame.evaluate((image: HTMLImageElement) => image.complete), { timeout: 10_000 })
      .toBe(true);
    const requested: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes(`/frames/${LONG}/`)) requested.push(new URL(request.url()).pathname);
    });
    // A drag as the browser reports one: an input event per animation frame, through every step.
    await byTestId('player-scrubber').evaluate(async (scrubber: HTMLInputElement, last: number) => {
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      for (let index = 1; index <= last; index += 1) {
        setValue.call(scrubber, String(index));
        scrubber.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((resolveFrame) => setTimeout(resolveFrame, 16));
      }
    }, LONG_STEPS - 1);
    await expect.poll(() => byTestId('player-position').textContent()).toBe(`Step ${LONG_STEPS} of ${LONG_STEPS}`);
    await expect
      .poll(() => frame.getAttribute('src'), { timeout: 5000 })
      .toContain(`frames/${String(LONG_STEPS).padStart(4, '0')}.jpg`);
    // The first move is shown at once (it follows a pause); the moves after it settle into the last frame.
    expect(requested.length, requested.join(', ')).toBeLessThanOrEqual(3);
    expect(requested.at(-1)).toBe(`/frames/${LONG}/frames/${String(LONG_STEPS).padStart(4, '0')}.jpg`);
  });
});
