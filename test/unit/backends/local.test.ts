// The local ChatBackend on the tiny model: through the built worker (dist/) and in-process; deltas, abort, errors.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendError, type ChatRequest } from '../../../src/backends/chat-backend.js';
import type { LocalBackend, LocalBackendOptions } from '../../../src/backends/local.js';
import { createLocalBackend as createFromSources } from '../../../src/backends/local.js';
import { loadTokenizer, promptTokenIds } from '../../../src/engine/prompt-tokens.js';
import { tinyModelSpec } from '../../../src/engine/tiny-model/configs.js';
import { tinyModelDir } from '../../support/tiny-model.js';
import { collectDeltas, rejectionOf } from './collect-deltas.js';

const root = resolve(import.meta.dirname, '../../..');
const builtLocal = join(root, 'dist/src/backends/local.js');
/** `<think>` first and a 4-token budget: the tiny model's random tokens become reasoning, then a forced answer. */
const THINKING = { assistantPrefix: '<think>', thinkingBudget: 4 };

let dir: string;
let request: ChatRequest;

/**
 * Runs the TypeScript step of `npm run build` (what puts dist/src in place, where the CLI runs the worker from)
 * when any source is newer than its built file, so a test run right after `npm run build` never rewrites dist/
 * under other tests. tsc's exit status is not trusted alone: files others are editing may fail type checks while
 * ours still emit, so the check is that dist/ is fresh afterwards.
 */
async function buildDistIfStale(): Promise<void> {
  if ((await staleSources()).length === 0) return;
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const failure = await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root }).then(
    () => null,
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );
  const stale = await staleSources();
  if (stale.length > 0) throw new Error(`tsc left ${stale.join(', ')} unbuilt: ${failure}`);
}

/** Sources under src/ whose dist/src/….js is missing or older. */
async function staleSources(): Promise<string[]> {
  const sources = (await readdir(join(root, 'src'), { recursive: true })).filter(
    (file) => file.endsWith('.ts') && !file.endsWith('.d.ts'),
  );
  const stale = await Promise.all(
    sources.map(async (file) => {
      const built = await stat(join(root, 'dist/src', file.replace(/\.ts$/, '.js'))).catch(() => null);
      return !built || built.mtimeMs < (await stat(join(root, 'src', file))).mtimeMs ? [file] : [];
    }),
  );
  return stale.flat();
}

beforeAll(async () => {
  dir = await tinyModelDir();
  const png = await sharp({ create: { width: 84, height: 56, channels: 3, background: '#204060' } })
    .png()
    .toBuffer();
  request = {
    images: [{ mime: 'image/png', data: png, width: 84, height: 56 }],
    prompt: 'Open the menu',
    maxTokens: 12,
    temperature: 0.001,
  };
}, 60_000);

describe('local backend through the worker built in dist/', () => {
  let backend: LocalBackend;

  beforeAll(async () => {
    await buildDistIfStale();
    const built = (await import(pathToFileURL(builtLocal).href)) as typeof import('../../../src/backends/local.js');
    backend = await built.createLocalBackend({ modelDir: dir, device: 'cpu', generation: THINKING });
  }, 120_000);

  afterAll(() => backend?.close());

  it('streams reasoning, then answer deltas, then a finish with usage', async () => {
    expect(backend).toMatchObject({ kind: 'local', device: 'cpu', fallbackReason: null });
    const { deltas, reasoning, text, finish } = await collectDeltas(
      backend.stream(request, new AbortController().signal),
    );
    const kinds = deltas.map((delta) => delta.type).filter((kind, index, all) => kind !== all[index - 1]);
    expect(kinds).toEqual(['reasoning-delta', 'text-delta', 'finish']);
    expect(reasoning.length).toBeGreaterThan(0);
    expect(text.startsWith('<answer>')).toBe(true);
    // The prompt count covers the 6 image tokens and the <think> prefix, which is prefilled.
    const tokenizer = await loadTokenizer(dir);
    const imageToken = tinyModelSpec().tokenIds['<|image|>'];
    expect(finish!.usage.promptTokens).toBe(
      promptTokenIds(tokenizer, imageToken, [6], request.prompt, '<think>').length,
    );
  });

  it("feeds the worker the image's captured pixels, never decoding its encoded bytes", async () => {
    const rgb = await sharp({ create: { width: 84, height: 56, channels: 3, background: '#204060' } })
      .raw()
      .toBuffer();
    const garbled = Buffer.from('not an image');
    const image = { mime: 'image/jpeg' as const, data: garbled, width: 84, height: 56 };
    const withPixels = {
      ...request,
      images: [{ ...image, pixels: async () => ({ data: rgb, width: 84, height: 56 }) }],
    };
    const { finish } = await collectDeltas(backend.stream(withPixels, new AbortController().signal));
    expect(finish?.usage.promptTokens).toBeGreaterThan(6);
    const error = await rejectionOf(
      collectDeltas(backend.stream({ ...request, images: [image] }, new AbortController().signal)),
    );
    expect(String(error)).toMatch(/Cannot decode an image/);
  });

  it('throws AbortError at once on abort, and the worker serves the next request', async () => {
    const controller = new AbortController();
    const long = { ...request, maxTokens: 100_000 };
    const iterator = backend.stream(long, controller.signal)[Symbol.asyncIterator]();
    await iterator.next();
    const pending = iterator.next().then(() => iterator.next());
    const abortedAt = performance.now();
    controller.abort();
    const error = await rejectionOf(pending);
    expect(performance.now() - abortedAt).toBeLessThan(50);
    expect(error).toMatchObject({ name: 'AbortError' });
    const next = await collectDeltas(backend.stream(request, new AbortController().signal));
    expect(next.finish?.usage.completionTokens).toBe(12);
  });

  it('turns a runtime failure into a server-error and keeps serving', async () => {
    const broken = { ...request, images: [{ ...request.images[0]!, data: Buffer.from('not a png') }] };
    const error = await rejectionOf(collectDeltas(backend.stream(broken, new AbortController().signal)));
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'BackendError', code: 'server-error' });
    expect((error as Error).message).toContain('Cannot decode an image');
    expect((await collectDeltas(backend.stream(request, new AbortController().signal))).finish).toBeDefined();
  });
});

describe('local backend in-process (TypeScript sources)', () => {
  const create = (options: Partial<LocalBackendOptions> = {}) =>
    createFromSources({ modelDir: dir, device: 'cpu', inProcess: true, generation: THINKING, ...options });

  it('streams the same answer as the worker would', async () => {
    const backend = await create();
    try {
      expect(backend.model).toBe(dir.split('/').at(-1));
      const { reasoning, text, finish } = await collectDeltas(backend.stream(request, new AbortController().signal));
      expect(reasoning.length).toBeGreaterThan(0);
      expect(text.startsWith('<answer>')).toBe(true);
      expect(finish?.usage.completionTokens).toBe(12);
    } finally {
      await backend.close();
    }
  });

  it("stops at the request's max tokens (the run's max tokens per step) with finish reason length", async () => {
    const backend = await create();
    try {
      const { finish } = await collectDeltas(
        backend.stream({ ...request, maxTokens: 3 }, new AbortController().signal),
      );
      expect(finish).toMatchObject({ finishReason: 'length', usage: { completionTokens: 3 } });
    } finally {
      await backend.close();
    }
  });

  it('rejects a broken folder with a config error listing the contract problems', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'deskhand-broken-model-'));
    try {
      await cp(dir, broken, { recursive: true });
      await rm(join(broken, 'onnx', 'decoder_model_merged.onnx'));
      await rm(join(broken, 'tokenizer.json'));
      const error = await rejectionOf(create({ modelDir: broken }));
      expect(error).toBeInstanceOf(BackendError);
      expect(error).toMatchObject({ code: 'config' });
      expect((error as Error).message).toContain(`${join(broken, 'onnx', 'decoder_model_merged.onnx')}: missing`);
      expect((error as Error).message).toContain(`${join(broken, 'tokenizer.json')}: missing`);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });

  it('says how to build when the worker entry is missing', async () => {
    const error = await rejectionOf(
      createFromSources({ modelDir: dir, device: 'cpu', workerUrl: new URL('file:///nope/engine-worker.js') }),
    );
    expect(error).toMatchObject({ code: 'config' });
    expect((error as Error).message).toContain('npm run build');
  });
});
