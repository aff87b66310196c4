// Privacy of the local backend: a whole `deskhand run --backend local` on the tiny model, traced with strace across
// every thread (the engine's worker too), opens no network socket: no AF_INET/AF_INET6 connect or send. Node only.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKHAND_BIN } from '../support/cli.js';
import { tinyModelDir } from '../support/tiny-model.js';
import { startXDesktop, type XDesktop } from '../support/x-desktop.js';

let desktop: XDesktop;
let work: string;

beforeAll(async () => {
  desktop = await startXDesktop({ width: 1280, height: 720 });
  work = await mkdtemp(join(tmpdir(), 'deskhand-privacy-'));
});
afterAll(async () => {
  await desktop?.stop();
  await rm(work, { recursive: true, force: true });
});

/** Runs `node …args` under `strace -f`; returns the exit code and the traced socket calls. */
async function traced(args: string[], name: string): Promise<{ code: number | null; calls: string[]; stderr: string }> {
  const trace = join(work, `${name}.strace`);
  const child = spawn(
    'strace',
    [
      '-f',
      '-qq',
      '-e',
      'trace=connect,sendto,sendmsg,sendmmsg',
      '-e',
      'signal=none',
      '-o',
      trace,
      process.execPath,
      ...args,
    ],
    { env: desktop.env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, calls: (await readFile(trace, 'utf8')).split('\n').filter(Boolean), stderr };
}

const network = (calls: string[]) => calls.filter((call) => /AF_INET6?\b/.test(call));

describe('the local backend never touches the network', () => {
  it('the tracer sees a connection when one is made, from any thread', async () => {
    const script =
      "new (require('node:worker_threads').Worker)(\"require('node:net').connect(9, '127.0.0.3').on('error', () => {})\", { eval: true })";
    const { calls } = await traced(['-e', script], 'control');
    expect(network(calls).join('\n')).toContain('127.0.0.3');
  });

  it('a whole local run opens no network connection', async () => {
    const modelDir = await tinyModelDir();
    const args = ['run', 'open the editor', '--backend', 'local', '--model-dir', modelDir, '--device', 'cpu'];
    const { code, calls, stderr } = await traced(
      [DESKHAND_BIN, ...args, '--max-tokens', '24', '--max-steps', '2', '--sessions-dir', join(work, 'sessions')],
      'local-run',
    );
    expect([5, 6], stderr).toContain(code);
    expect(
      calls.some((call) => call.includes('AF_UNIX')),
      'the X11 connection shows the trace is live',
    ).toBe(true);
    expect(network(calls)).toEqual([]);
  });
});
