// The downloader against a loopback Hugging Face stand-in: verified files, resume by Range, checksum and 404 errors.
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkModelFolder } from '../../../src/engine/model-folder.js';
import { DownloadError, downloadModel, fileUrl, type DownloadOptions } from '../../../src/models/download.js';
import type { ModelManifest } from '../../../src/models/manifest.js';
import { silentProgress, type DownloadProgress } from '../../../src/models/progress.js';
import {
  startModelFileServer,
  type ModelFileServer,
  type ModelFileServerOptions,
} from '../../support/model-file-server.js';
import { tinyModelDir } from '../../support/tiny-model.js';
import { folderFiles, folderManifest, TEST_REPO } from './folder-manifest.js';

const DECODER = 'onnx/decoder_model_merged.onnx';
let source: string;
let manifest: ModelManifest;
let work: string;
let out: string;
let server: ModelFileServer | undefined;

beforeAll(async () => {
  source = await tinyModelDir();
  manifest = await folderManifest(source);
});
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'deskhand-download-'));
  out = join(work, 'out');
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(work, { recursive: true, force: true });
});

async function serve(options: Partial<ModelFileServerOptions> = {}): Promise<ModelFileServer> {
  server = await startModelFileServer({ dir: source, repo: TEST_REPO, ...options });
  return server;
}

function download(
  endpoint: string,
  options: DownloadOptions = {},
  request: Partial<Parameters<typeof downloadModel>[0]> = {},
) {
  return downloadModel({ manifest, variant: 'fp32', out, endpoint, ...request }, { backoffMs: () => 1, ...options });
}

/** Every file of the source folder is in `out`, byte for byte, and nothing else is (no .part left behind). */
async function expectSameFolder(): Promise<void> {
  const files = await folderFiles(source);
  expect(await folderFiles(out)).toEqual(files);
  for (const file of files)
    expect(Buffer.compare(await readFile(join(out, file)), await readFile(join(source, file)))).toBe(0);
}

const decoderRequests = (log: ModelFileServer['log']) => log.filter((entry) => entry.url.endsWith(`/${DECODER}`));

describe('downloadModel', () => {
  it('fetches every file of the variant, verified, into a folder the engine accepts', async () => {
    const { url, log } = await serve();
    const result = await download(url);
    expect(result.fetched).toEqual(manifest.variants.fp32!.map((file) => file.path));
    await expectSameFolder();
    expect((await checkModelFolder(out)).valid).toBe(true);
    expect(log.every((entry) => entry.url.startsWith(`/${TEST_REPO}/resolve/main/`) && entry.range === null)).toBe(
      true,
    );
  });

  it('skips files already in place after hashing them again', async () => {
    const { url, log } = await serve();
    await download(url);
    const requests = log.length;
    const again = await download(url);
    expect(again).toEqual({ fetched: [], alreadyPresent: manifest.variants.fp32!.map((file) => file.path) });
    expect(log.length).toBe(requests);
  });

  it('replaces a file in place whose bytes differ from the manifest', async () => {
    const { url } = await serve();
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'config.json'), '{}');
    expect((await download(url)).fetched).toContain('config.json');
    await expectSameFolder();
  });

  it('resumes a connection dropped midway with a Range request and ends with identical bytes', async () => {
    const { url, log } = await serve({ fault: { path: DECODER, dropAfterBytes: 100_000 } });
    const retries: string[] = [];
    await download(url, { progress: { ...silentProgress, retry: (_attempt, reason) => retries.push(reason) } });
    await expectSameFolder();
    const [first, second, ...rest] = decoderRequests(log);
    expect(first).toMatchObject({ range: null, status: 200, dropped: true });
    const resumedFrom = Number(/^bytes=(\d+)-$/.exec(second!.range ?? '')?.[1]);
    expect(resumedFrom).toBeGreaterThan(0);
    expect(resumedFrom).toBeLessThanOrEqual(100_000);
    expect(second!.status).toBe(206);
    expect(rest).toEqual([]);
    expect(retries).toHaveLength(1);
  });

  it('continues an existing .part from its size', async () => {
    const { url, log } = await serve();
    await mkdir(join(out, 'onnx'), { recursive: true });
    await writeFile(join(out, `${DECODER}.part`), (await readFile(join(source, DECODER))).subarray(0, 1234));
    await download(url);
    await expectSameFolder();
    expect(decoderRequests(log)).toMatchObject([{ range: 'bytes=1234-', status: 206 }]);
  });

  it('starts over once when a resumed .part turns out stale (sha256 mismatch)', async () => {
    const { url, log } = await serve();
    await mkdir(join(out, 'onnx'), { recursive: true });
    await writeFile(join(out, `${DECODER}.part`), Buffer.alloc(1234, 7));
    await download(url);
    await expectSameFolder();
    expect(decoderRequests(log).map((entry) => entry.range)).toEqual(['bytes=1234-', null]);
  });

  it('leaves the .part files when stopped, and a later run resumes them', async () => {
    const { url, log } = await serve();
    const controller = new AbortController();
    const progress: DownloadProgress = {
      ...silentProgress,
      fileBytes: (done) => (done > 50_000 ? controller.abort() : undefined),
    };
    const stopped = download(url, { signal: controller.signal, progress });
    await expect(stopped).rejects.toMatchObject({ name: 'AbortError' });
    const partial = (await readdirParts(out))[0]!;
    expect((await stat(join(out, partial))).size).toBeGreaterThan(0);
    await download(url);
    await expectSameFolder();
    const resumed = log.filter((entry) => entry.url.endsWith(partial.replace(/\.part$/, '')));
    expect(resumed.at(-1)!.range).toMatch(/^bytes=[1-9]\d*-$/);
  });

  it('reports a corrupted served file as a sha256 error and leaves neither the file nor its part', async () => {
    const served = join(work, 'served');
    await cp(source, served, { recursive: true });
    const tokenizer = await readFile(join(served, 'tokenizer.json'));
    tokenizer[10] = tokenizer[10]! ^ 1;
    await writeFile(join(served, 'tokenizer.json'), tokenizer);
    const { url } = await serve({ dir: served });
    const error = await download(url).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({
      kind: 'checksum',
      message: expect.stringMatching(/tokenizer\.json: sha256 mismatch .*deleted/),
    });
    await expect(stat(join(out, 'tokenizer.json'))).rejects.toThrow();
    await expect(stat(join(out, 'tokenizer.json.part'))).rejects.toThrow();
  });

  it('names the URL of a missing file and points at --repo and --endpoint', async () => {
    const { url } = await serve();
    const missing = { path: 'onnx/missing.onnx', size: 1, sha256: '0'.repeat(64) };
    const withMissing: ModelManifest = { ...manifest, variants: { fp32: [...manifest.variants.fp32!, missing] } };
    const error = await download(url, {}, { manifest: withMissing }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      kind: 'not-found',
      message: `${fileUrl(url, TEST_REPO, 'main', 'onnx/missing.onnx')} was not found (404): check --repo and --endpoint (or HF_ENDPOINT).`,
    });
  });

  it('gives up with a network error after five retries when nothing answers', async () => {
    const { url } = await serve();
    await server!.close();
    server = undefined;
    const retries: number[] = [];
    const error = await download(url, {
      progress: { ...silentProgress, retry: (attempt) => retries.push(attempt) },
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'network', message: expect.stringContaining('gave up after 5 retries') });
    expect(retries).toEqual([1, 2, 3, 4, 5]);
  });
});

async function readdirParts(dir: string): Promise<string[]> {
  return (await folderFiles(dir)).filter((file) => file.endsWith('.part'));
}
