// The UI sets up GLM-4.1V on this computer: download with live progress (from the configured manifest or a mirror's
// manifest URL, resuming a dropped file), a folder check that picks the precision from the files, a test that loads it.
import { cp, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startModelFileServer, type ModelFileServer } from '../support/model-file-server.js';
import { tinyModelDir } from '../support/tiny-model.js';
import { screenshotLooks } from '../support/ui-looks.js';
import {
  startUiHarness,
  UI_SCREENSHOTS as SCREENSHOTS,
  type PreparedParts,
  type UiHarness,
} from '../support/ui-harness.js';
import { folderManifest, TEST_REPO } from '../unit/models/folder-manifest.js';

/** The mirror hosts an exported folder (its manifest.json beside the files) under another repo name. */
const MIRROR_REPO = 'mirror-owner/tiny-glm-mirror';
/** The biggest file of the tiny model: the mirror drops its first response partway, so the download must resume. */
const DROPPED_FILE = 'onnx/decoder_model_merged.onnx';

let ui: UiHarness;
let page: Page;
let mirror: ModelFileServer;

/** The model file servers (the configured one and a mirror that drops a file once) and a manifest for them. */
async function hostModelFiles(work: string): Promise<PreparedParts> {
  const files = await startModelFileServer({ dir: await tinyModelDir(), repo: TEST_REPO });
  const hosted = join(work, 'hosted-export');
  await cp(await tinyModelDir(), hosted, { recursive: true });
  await writeFile(join(hosted, 'manifest.json'), JSON.stringify(await folderManifest(hosted, { repo: MIRROR_REPO })));
  const dropAfterBytes = Math.floor((await stat(join(hosted, DROPPED_FILE))).size / 2);
  mirror = await startModelFileServer({
    dir: hosted,
    repo: MIRROR_REPO,
    fault: { path: DROPPED_FILE, dropAfterBytes },
  });
  const manifest = join(work, 'tiny.manifest.json');
  await writeFile(manifest, JSON.stringify(await folderManifest(await tinyModelDir())));
  return {
    env: { HF_ENDPOINT: files.url, DESKHAND_MODEL_MANIFEST: manifest, DESKHAND_MODELS_DIR: join(work, 'models') },
    stop: async () => {
      await files.close();
      await mirror.close();
    },
  };
}

beforeAll(async () => {
  ui = await startUiHarness({
    tmpPrefix: 'deskhand-ui-local-',
    prepare: hostModelFiles,
    desktop: { width: 1280, height: 800 },
  });
  page = ui.page;
});

afterAll(() => ui?.stop());

const byTestId = (id: string) => page.getByTestId(id);

it('the wizard sets up the local model: download with progress, a valid folder, a passing test, saved as default', async () => {
  await expect.poll(() => byTestId('setup-wizard').isVisible(), { timeout: 20_000 }).toBe(true);
  await page.locator('label', { has: byTestId('wizard-kind-local') }).click();
  await byTestId('wizard-next').click();
  await byTestId('model-download-variant-select').selectOption('fp32');
  await byTestId('model-download-button').click();

  const status = byTestId('model-download-status');
  await expect.poll(() => status.getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
  expect(await byTestId('model-download-progress').evaluate((bar: HTMLProgressElement) => bar.value)).toBe(100);
  const modelDir = join(ui.work, 'models', 'tiny-glm-fp32');
  await expect.poll(() => byTestId('wizard-local-dir-input').inputValue()).toBe(modelDir);
  await expect.poll(() => byTestId('model-status').getAttribute('data-valid'), { timeout: 20_000 }).toBe('true');
  expect(await byTestId('model-status').textContent()).toMatch(/cpu/);

  expect(await byTestId('wizard-finish').isDisabled()).toBe(true);
  await byTestId('backend-test-button').click();
  const result = byTestId('backend-test-result');
  await expect.poll(() => result.getAttribute('data-ok'), { timeout: 60_000 }).toBe('true');
  await page.screenshot({ path: join(SCREENSHOTS, 'wizard-local-model.png') });
  await screenshotLooks(page, { url: ui.served.url, dir: SCREENSHOTS, name: 'wizard-local-model' });
  await byTestId('wizard-finish').click();
  await expect.poll(() => byTestId('setup-wizard').count()).toBe(0);

  await byTestId('settings-tab').click();
  const preset = byTestId('backend-preset');
  await expect.poll(() => preset.count()).toBe(1);
  expect(await preset.textContent()).toContain(`${modelDir} · auto · fp32`);
  await page.screenshot({ path: join(SCREENSHOTS, 'settings-local-model.png'), fullPage: true });
});

it('shows what is wrong with a folder that is not a model', async () => {
  await byTestId('backend-add').click();
  await byTestId('preset-kind-local').click();
  await byTestId('preset-local-dir-input').fill(ui.work);
  await byTestId('preset-model-check').click();
  const note = byTestId('model-status');
  await expect.poll(() => note.getAttribute('data-valid'), { timeout: 20_000 }).toBe('false');
  expect(await note.textContent()).toContain('config.json');
  await page.screenshot({ path: join(SCREENSHOTS, 'settings-local-invalid.png'), fullPage: true });
});

it('checks a fp32-only folder with its precision picked from the files, next to the button, in a 760 px window', async () => {
  await page.setViewportSize({ width: 760, height: 700 });
  await byTestId('preset-local-dir-input').fill(await tinyModelDir());
  expect(await byTestId('preset-local-variant-select').inputValue()).toBe('q4f16');
  await byTestId('preset-model-check').click();
  const note = byTestId('model-status');
  await expect.poll(() => note.getAttribute('data-valid'), { timeout: 20_000 }).toBe('true');
  expect(await byTestId('preset-local-variant-select').inputValue()).toBe('fp32');
  const offered = await byTestId('preset-local-variant-select')
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(offered).toEqual(['fp32']);
  expect(await byTestId('model-variants').textContent()).toContain('fp32');
  // The result sits next to the button that ran it and is scrolled into view.
  await expect.poll(() => note.evaluate((element) => element.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
  const [button, result] = await Promise.all([byTestId('preset-model-check').boundingBox(), note.boundingBox()]);
  expect(result!.y - (button!.y + button!.height)).toBeLessThan(40);
  await screenshotLooks(page, {
    url: ui.served.url,
    dir: SCREENSHOTS,
    name: 'settings-local-check-760',
  });
  await page.setViewportSize({ width: 1280, height: 900 });
});

it('explains how to export a model when no manifest URL is given', async () => {
  expect(await byTestId('model-download-hint').textContent()).toContain('python -m models.export CHECKPOINT --out DIR');
});

it('downloads an export from a mirror by its manifest URL, resuming a dropped file, and checks the folder', async () => {
  await page.setViewportSize({ width: 760, height: 900 });
  const manifestUrl = `${mirror.url}/${MIRROR_REPO}/resolve/main/manifest.json`;
  await byTestId('model-manifest-url-input').fill(manifestUrl);
  await byTestId('model-download-variant-select').selectOption('fp32');
  await byTestId('model-download-button').click();
  const status = byTestId('model-download-status');
  await expect.poll(() => status.getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
  const modelDir = join(ui.work, 'models', 'tiny-glm-mirror-fp32');
  await expect.poll(() => byTestId('preset-local-dir-input').inputValue()).toBe(modelDir);
  await expect.poll(() => byTestId('model-status').getAttribute('data-valid'), { timeout: 20_000 }).toBe('true');
  const fetched = mirror.log.filter((request) => request.url.endsWith(DROPPED_FILE));
  expect(fetched[0]).toMatchObject({ dropped: true, range: null });
  expect(fetched.at(-1)).toMatchObject({ status: 206, range: expect.stringMatching(/^bytes=\d+-$/) });
  await screenshotLooks(page, {
    url: ui.served.url,
    dir: SCREENSHOTS,
    name: 'settings-local-download-760',
  });
  await page.setViewportSize({ width: 1280, height: 900 });
});
