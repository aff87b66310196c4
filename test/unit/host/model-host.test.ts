// The AgentHost's local-model side: download with progress events, folder check, local presets tested and kept loaded.
import { cp, readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLocalBackend, type LocalBackendOptions } from '../../../src/backends/local.js';
import { environmentKeyStore } from '../../../src/host/backend-resolver.js';
import { createAgentHost, type DeskhandHost } from '../../../src/host/create-agent-host.js';
import type { HostEvent } from '../../../src/host/protocol/host-api.js';
import { startModelFileServer, type ModelFileServer } from '../../support/model-file-server.js';
import { tinyModelDir } from '../../support/tiny-model.js';
import { folderFiles, folderManifest, TEST_REPO } from '../models/folder-manifest.js';
import { createTestHost } from '../../support/test-host.js';

let files: ModelFileServer;
let work: string;
let host: DeskhandHost;
let events: HostEvent[];
let loads: LocalBackendOptions[];

beforeAll(async () => {
  files = await startModelFileServer({ dir: await tinyModelDir(), repo: TEST_REPO });
});
afterAll(() => files.close());

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'deskhand-model-host-'));
  const manifestPath = join(work, 'tiny.manifest.json');
  await writeFile(manifestPath, JSON.stringify(await folderManifest(await tinyModelDir())));
  loads = [];
  host = await createTestHost(work, {
    models: { manifestPath, endpoint: files.url, modelsDir: join(work, 'models'), progressIntervalMs: 0 },
    createLocalBackend: (options) => (loads.push(options), createLocalBackend({ ...options, inProcess: true })),
  });
  events = [];
  host.onEvent((event) => events.push(event));
});
afterEach(async () => {
  await host.dispose();
  await rm(work, { recursive: true, force: true });
});

async function call(method: string, params: unknown) {
  const reply = await host.dispatch(method, params);
  if ('error' in reply) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.result as never;
}

const downloads = () => events.flatMap((event) => (event.type === 'model-download' ? [event] : []));

async function until(predicate: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out; events: ${JSON.stringify(events)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('model.download', () => {
  it('downloads every file with progress events into the models folder, and the folder then checks as valid', async () => {
    const { downloadId, out }: { downloadId: string; out: string } = await call('model.download', { variant: 'fp32' });
    expect(out).toBe(join(work, 'models', 'tiny-glm-fp32'));
    await until(() => downloads().some((event) => event.state !== 'running'));
    const progress = downloads();
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ downloadId, state: 'done', out });
    expect(last.doneBytes).toBe(last.totalBytes);
    expect(last.totalBytes).toBeGreaterThan(1_000_000);
    expect(progress.filter((event) => event.state === 'running').length).toBeGreaterThanOrEqual(last.fileCount);
    const fileIndexes = progress.map((event) => event.fileIndex);
    expect(fileIndexes).toEqual([...fileIndexes].sort((a, b) => a - b));

    const source = await tinyModelDir();
    for (const file of await folderFiles(source)) {
      expect((await readFile(join(out, file))).equals(await readFile(join(source, file))), file).toBe(true);
    }
    const status: { valid: boolean; errors: string[]; providers: string[] } = await call('model.status', {
      modelDir: out,
    });
    expect(status).toMatchObject({ valid: true, errors: [] });
    expect(status.providers).toContain('cpu');
  });

  it('says plainly when the shipped model is not published yet, and starts nothing', async () => {
    const shipped = await createAgentHost({
      sessionsDir: join(work, 'sessions'),
      settingsFile: join(work, 'settings-2.json'),
      keyStore: environmentKeyStore({}),
      models: { endpoint: files.url, modelsDir: join(work, 'models') },
    });
    try {
      const reply = await shipped.dispatch('model.download', { variant: 'q4f16' });
      expect(reply).toMatchObject({ error: { code: 'config', message: expect.stringMatching(/export|publish/i) } });
      const { message } = (reply as { error: { message: string } }).error;
      expect(message).toContain('python -m models.export CHECKPOINT --out DIR');
      expect(message).toContain('manifest URL');
    } finally {
      await shipped.dispose();
    }
  });

  it('downloads a hosted export by its manifest URL, fetching the files from beside the manifest', async () => {
    const hosted = join(work, 'hosted');
    await cp(await tinyModelDir(), hosted, { recursive: true });
    await writeFile(join(hosted, 'manifest.json'), JSON.stringify(await folderManifest(hosted, { repo: 'm/hosted' })));
    const mirror = await startModelFileServer({ dir: hosted, repo: 'any/path', revision: 'v1' });
    try {
      const manifestUrl = `${mirror.url}/any/path/resolve/v1/manifest.json`;
      const { out }: { out: string } = await call('model.download', { variant: 'fp32', manifestUrl });
      expect(out).toBe(join(work, 'models', 'hosted-fp32'));
      await until(() => downloads().some((event) => event.state !== 'running'));
      expect(downloads().at(-1)).toMatchObject({ state: 'done', out });
      expect(mirror.log.every((request) => request.url.startsWith('/any/path/resolve/v1/'))).toBe(true);
      expect(await call('model.status', { modelDir: out })).toMatchObject({ valid: true, variant: 'fp32' });
    } finally {
      await mirror.close();
    }
  });

  it('refuses a manifest URL that fails, naming it without its query, and one that is not http(s)', async () => {
    const reply = await host.dispatch('model.download', {
      variant: 'fp32',
      manifestUrl: `${files.url}/nowhere/manifest.json?token=hidden-value`,
    });
    expect(reply).toMatchObject({ error: { code: 'config', message: expect.stringContaining('HTTP 404') } });
    expect(JSON.stringify(reply)).not.toContain('hidden-value');
    expect(await host.dispatch('model.download', { variant: 'fp32', manifestUrl: 'file:///etc/passwd' })).toMatchObject(
      { error: { code: 'invalid-params' } },
    );
    expect(downloads()).toEqual([]);
  });

  it('rejects a second download while one runs, and a variant that does not exist', async () => {
    expect(await host.dispatch('model.download', { variant: 'int8' })).toMatchObject({
      error: { code: 'invalid-params' },
    });
    await call('model.download', { variant: 'fp32' });
    expect(await host.dispatch('model.download', { variant: 'fp32' })).toMatchObject({ error: { code: 'busy' } });
    await until(() => downloads().some((event) => event.state === 'done'));
  });
});

describe('model.status', () => {
  it('picks the precision from the files when none is named, and lists the variants the folder holds', async () => {
    const modelDir = await tinyModelDir();
    expect(await call('model.status', { modelDir, device: 'cpu' })).toMatchObject({
      valid: true,
      variant: 'fp32',
      variants: ['fp32'],
    });
    const named: { valid: boolean; variant: string; errors: string[] } = await call('model.status', {
      modelDir,
      variant: 'q4f16',
    });
    expect(named).toMatchObject({ valid: false, variant: 'q4f16' });
    expect(named.errors.join('\n')).toContain('embed_tokens_q4f16.onnx');
  });
});

describe('local presets', () => {
  it('tests a local model folder by loading it once and keeps it loaded for the next call', async () => {
    const connection = { kind: 'local', modelDir: await tinyModelDir(), device: 'cpu', variant: 'fp32' };
    const first: { ok: boolean; model: string; message: string } = await call('backend.test', connection);
    expect(first.ok, first.message).toBe(true);
    expect(first.model).toMatch(/^deskhand-tiny-model-/);
    const second: { ok: boolean } = await call('backend.test', connection);
    expect(second.ok).toBe(true);
    expect(loads).toHaveLength(1);
  });

  it('reports a broken model folder as a failed test that names the problem', async () => {
    const result: { ok: boolean; message: string } = await call('backend.test', {
      kind: 'local',
      modelDir: join(work, 'missing-model'),
      device: 'cpu',
      variant: 'fp32',
    });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('missing-model');
  });

  it('accepts local presets in settings and rejects a preset without a folder', async () => {
    const preset = {
      id: 'gpu',
      name: 'On this computer',
      kind: 'local',
      modelDir: '/m',
      device: 'auto',
      variant: 'q4f16',
    };
    const settings: { backends: unknown[] } = await call('settings.get', {});
    await call('settings.set', { ...settings, backends: [preset], activeBackendId: 'gpu' });
    expect(await host.dispatch('settings.set', { ...settings, backends: [{ ...preset, modelDir: '' }] })).toMatchObject(
      {
        error: { code: 'invalid-params' },
      },
    );
  });
});
