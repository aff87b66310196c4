// `deskhand model download` as a command: endpoint precedence, default folder, exit codes and the refusal of the shipped manifest.
import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { modelDownloadCommand } from '../../../src/cli/model-download-command.js';
import { UsageError } from '../../../src/cli/usage.js';
import { startModelFileServer, type ModelFileServer } from '../../support/model-file-server.js';
import { tinyModelDir } from '../../support/tiny-model.js';
import { folderFiles, folderManifest, TEST_REPO } from './folder-manifest.js';

let server: ModelFileServer;
let work: string;
let manifestFile: string;

beforeAll(async () => {
  server = await startModelFileServer({ dir: await tinyModelDir(), repo: TEST_REPO });
});
afterAll(() => server.close());
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'deskhand-download-cli-'));
  manifestFile = join(work, 'tiny.manifest.json');
  await writeFile(manifestFile, JSON.stringify(await folderManifest(await tinyModelDir())));
  server.log.length = 0;
});
afterEach(() => rm(work, { recursive: true, force: true }));

/** A closed port: anything sent there fails at once. */
const DEAD_ENDPOINT = 'http://127.0.0.1:9';

async function run(args: string[], env: NodeJS.ProcessEnv = {}, extra: { signal?: AbortSignal } = {}) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    ({ write: (chunk: string) => (append(chunk), true) }) as unknown as NodeJS.WritableStream;
  const code = await modelDownloadCommand(args, {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env,
    signals: new EventEmitter(),
    ...extra,
  });
  return { code, stdout, stderr };
}

describe('deskhand model download', () => {
  it('downloads from HF_ENDPOINT and prints the folder on stdout', async () => {
    const out = join(work, 'model');
    const result = await run(['--manifest', manifestFile, '--variant', 'fp32', '--out', out], {
      HF_ENDPOINT: server.url,
    });
    expect(result).toMatchObject({ code: 0, stdout: `${out}\n` });
    const count = (await folderFiles(await tinyModelDir())).length;
    expect(result.stderr).toContain(`Downloading ${TEST_REPO} fp32 (${count} files,`);
    expect(server.log.length).toBe(count);
  });

  it('prefers --endpoint over HF_ENDPOINT', async () => {
    const out = join(work, 'model');
    const args = ['--manifest', manifestFile, '--variant', 'fp32', '--out', out, '--endpoint', server.url];
    expect((await run(args, { HF_ENDPOINT: DEAD_ENDPOINT })).code).toBe(0);
  });

  it('defaults the folder to <XDG_DATA_HOME>/deskhand/models/<repo name>-<variant>', async () => {
    const result = await run(['--manifest', manifestFile, '--variant', 'fp32', '--endpoint', server.url], {
      XDG_DATA_HOME: work,
    });
    expect(result.stdout).toBe(`${join(work, 'deskhand', 'models', 'tiny-glm-fp32')}\n`);
  });

  it('refuses the shipped manifest until its export is published, before touching the disk', async () => {
    const refusal = await run([], { XDG_DATA_HOME: work }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UsageError);
    expect((refusal as Error).message).toMatch(/no published export yet.*python -m models\.export CHECKPOINT/);
    expect(await readdir(work)).toEqual(['tiny.manifest.json']);
  });

  it('exits 2 on a 404, naming the URL and the flags to check', async () => {
    const args = ['--manifest', manifestFile, '--variant', 'fp32', '--out', work, '--repo', 'someone/else'];
    const result = await run(args, { HF_ENDPOINT: server.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${server.url}/someone/else/resolve/main/`);
    expect(result.stderr).toContain('was not found (404): check --repo and --endpoint (or HF_ENDPOINT).');
  });

  it('exits 4 when stopped and says how to resume', async () => {
    const controller = new AbortController();
    controller.abort();
    const args = ['--manifest', manifestFile, '--variant', 'fp32', '--out', work, '--endpoint', server.url];
    const result = await run(args, {}, { signal: controller.signal });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('run the same command to resume');
  });

  it.each([
    [['--variant', 'int8'], '--variant must be one of q4f16, fp16, fp32, got "int8".'],
    [['--endpoint', 'ftp://mirror'], '--endpoint (or HF_ENDPOINT) must be an http(s) URL, got "ftp://mirror".'],
    [['--repo', 'nope'], '--repo must be a Hugging Face repo id such as "owner/name", got "nope".'],
    [['--manifest', '/no/such/manifest.json'], 'Cannot read the manifest /no/such/manifest.json'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('throws a usage error for %j', async (args, message) => {
    const withManifest = [
      ...(args.includes('--manifest') ? [] : ['--manifest', manifestFile]),
      '--variant',
      'fp32',
      ...args,
    ];
    await expect(run(withManifest)).rejects.toThrow(message);
    await expect(run(withManifest)).rejects.toBeInstanceOf(UsageError);
  });
});
