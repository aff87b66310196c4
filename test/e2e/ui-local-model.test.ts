// The UI sets up GLM-4.1V on this computer: download with live progress, folder check, a test that loads the model.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startModelFileServer, type ModelFileServer } from '../support/model-file-server.js';
import { launchUiBrowser, startServe, type ServedUi } from '../support/serve.js';
import { tinyModelDir } from '../support/tiny-model.js';
import { startXDesktop, type XDesktop } from '../support/x-desktop.js';
import { folderManifest, TEST_REPO } from '../unit/models/folder-manifest.js';

const SCREENSHOTS = resolve(import.meta.dirname, '../.tmp/screenshots');

let desktop: XDesktop;
let files: ModelFileServer;
let served: ServedUi;
let browser: Browser;
let page: Page;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'deskhand-ui-local-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  desktop = await startXDesktop({ width: 1280, height: 800 });
  files = await startModelFileServer({ dir: await tinyModelDir(), repo: TEST_REPO });
  const manifest = join(work, 'tiny.manifest.json');
  await writeFile(manifest, JSON.stringify(await folderManifest(await tinyModelDir())));
  served = await startServe(['--sessions-dir', join(work, 'sessions')], {
    ...desktop.env,
    XDG_CONFIG_HOME: join(work, 'config'),
    HF_ENDPOINT: files.url,
    DESKHAND_MODEL_MANIFEST: manifest,
    DESKHAND_MODELS_DIR: join(work, 'models'),
  });
  browser = await launchUiBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(served.url);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await files?.close();
  await desktop?.stop();
  await rm(work, { recursive: true, force: true });
});

const byTestId = (id: string) => page.getByTestId(id);

it('the wizard sets up the local model: download with progress, a valid folder, a passing test, saved as default', async () => {
  await expect.poll(() => byTestId('setup-wizard').isVisible(), { timeout: 20_000 }).toBe(true);
  await page.locator('label', { has: byTestId('wizard-kind-local') }).click();
  await byTestId('wizard-next').click();
  await byTestId('wizard-local-variant-select').selectOption('fp32');
  await byTestId('model-download-button').click();

  const status = byTestId('model-download-status');
  await expect.poll(() => status.getAttribute('data-state'), { timeout: 20_000 }).toBe('done');
  expect(await byTestId('model-download-progress').evaluate((bar: HTMLProgressElement) => bar.value)).toBe(100);
  const modelDir = join(work, 'models', 'tiny-glm-fp32');
  await expect.poll(() => byTestId('wizard-local-dir-input').inputValue()).toBe(modelDir);
  await expect.poll(() => byTestId('model-status').getAttribute('data-valid'), { timeout: 20_000 }).toBe('true');
  expect(await byTestId('model-status').textContent()).toMatch(/cpu/);

  expect(await byTestId('wizard-finish').isDisabled()).toBe(true);
  await byTestId('backend-test-button').click();
  const result = byTestId('backend-test-result');
  await expect.poll(() => result.getAttribute('data-ok'), { timeout: 60_000 }).toBe('true');
  await page.screenshot({ path: join(SCREENSHOTS, 'wizard-local-model.png') });
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
  await byTestId('preset-local-dir-input').fill(work);
  await byTestId('preset-model-check').click();
  const note = byTestId('model-status');
  await expect.poll(() => note.getAttribute('data-valid'), { timeout: 20_000 }).toBe('false');
  expect(await note.textContent()).toContain('config.json');
  await page.screenshot({ path: join(SCREENSHOTS, 'settings-local-invalid.png'), fullPage: true });
});
