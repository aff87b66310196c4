// The UI sets up GLM-4.1V on this computer: download with live progress (from the configured manifest or a mirror's
// manifest URL, resuming a dropped file), a folder check that picks the precision from the files, a test that loads it.
import { cp, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startModelFileServer, type ModelFileServer } from '../support/model-file-server.js';
import { launchUiBrowser, startServe, type ServedUi } from '../support/serve.js';
import { tinyModelDir } from '../support/tiny-model.js';
import { screenshotLooks } from '../support/ui-looks.js';
import { startXDesktop, type XDesktop } from '../support/x-desktop.js';
import { folderManifest, TEST_REPO } from '../unit/models/folder-manifest.js';

/** The mirror hosts an exported folder (its manifest.json beside the files) under another repo name. */
const MIRROR_REPO = 'mirror-owner/tiny-glm-mirror';
/** The biggest file of the tiny model: the mirror drops its first response partway, so the download must resume. */
const DROPPED_FILE = 'onnx/decoder_model_merged.onnx';

const SCREENSHOTS = resolve(import.meta.dirname, '../.tmp/screenshots');

let desktop: XDesktop;
let files: ModelFileServer;
let mirror: ModelFileServer;
let served: ServedUi;
let browser: Browser;
let page: Page;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'deskhand-ui-local-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  desktop = await startXDesktop({ width: 1280, height: 800 });
  files = await startModelFileServer({ dir: await tinyModelDir(), repo: TEST_REPO });
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
  served = await startServe(['--sessions-dir', join(work, 'sessions')], {
    ...desktop.env,
    XDG_CONFIG_HOME: join(work, 'config'),
    HF_ENDPOINT: files.url,
    DESKHAND_MODEL_MANIFEST: manifest,
    DESKHAND_MODELS_DIR: join(work, 'models'),
  });
  browser = await launchUiBrowser();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(served.url);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await files?.close();
  await mirror?.close();
  await desktop?.stop();
  await rm(work, { recursive: true, force: true });
});

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
  const modelDir = join(work, 'models', 'tiny-glm-fp32');
  await expect.poll(() => byTestId('wizard-local-dir-input').inputValue()).toBe(modelDir);
  await expect.poll(() => byTestId('model-status').getAttribute('data-valid'), { timeout: 20_000 }).toBe('true');
  expect(await byTestId('model-status').textContent()).toMatch(/cpu/);

  expect(await byTestId('wizard-finish').isDisabled()).toBe(true);
  await byTestId('backend-test-button').click();
  const result = byTestId('backend-test-result');
  await expect.poll(() => result.getAttribute('data-ok'), { timeout: 60_000 }).toBe('true');
  await page.screenshot({ path: join(SCREENSHOTS, 'wizard-local-model.png') });
  await screenshotLooks(page, { url: served.url, dir: SCREENSHOTS, name: 'wizard-local-model' });
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
    url: served.url,
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
  const modelDir = join(work, 'models', 'tiny-glm-mirror-fp32');
  await expect.poll(() => byTestId('preset-local-dir-input').inputValue()).toBe(modelDir);
  await expect.poll(() => byTestId('model-status').getAttribute('data-valid'), { timeout: 20_000 }).toBe('true');
  const fetched = mirror.log.filter((request) => request.url.endsWith(DROPPED_FILE));
  expect(fetched[0]).toMatchObject({ dropped: true, range: null });
  expect(fetched.at(-1)).toMatchObject({ status: 206, range: expect.stringMatching(/^bytes=\d+-$/) });
  await screenshotLooks(page, {
    url: served.url,
    dir: SCREENSHOTS,
    name: 'settings-local-download-760',
  });
  await page.setViewportSize({ width: 1280, height: 900 });
});
