// The API key given with --api-key-env appears nowhere: not on stdout or stderr, not in the session's files, not in
// anything written under HOME or the XDG folders, not in an exported report — also when the server quotes it back.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStartOf, spawnDeskhand } from '../support/cli.js';
import { scriptedAnswer, startScriptedServer } from '../support/scripted-openai-server.js';
import { startXDesktop, type XDesktop } from '../support/x-desktop.js';

const API_KEY = 'sk-live-4c1d-NEVER-WRITTEN-9e27';
const answer = (explanation: string, call: string) =>
  scriptedAnswer(call, { explanation, reasoning: `Looking at the screen. ${explanation}` });

let desktop: XDesktop;
let home: string;

beforeAll(async () => {
  desktop = await startXDesktop({ width: 1280, height: 720 });
  home = await mkdtemp(join(tmpdir(), 'deskhand-secrets-'));
});
afterAll(async () => {
  await desktop?.stop();
  await rm(home, { recursive: true, force: true });
});

/** Every file under `dir`, with zip archives unpacked, as [path, text]. */
async function filesUnder(dir: string): Promise<Array<[string, string]>> {
  const found: Array<[string, string]> = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const path = join(dir, name);
    if (!(await stat(path)).isFile()) continue;
    const bytes = await readFile(path);
    if (path.endsWith('.zip')) {
      for (const [entry, data] of Object.entries(unzipSync(bytes))) {
        found.push([`${path}!${entry}`, Buffer.from(data).toString('latin1')]);
      }
    } else found.push([path, bytes.toString('latin1')]);
  }
  return found;
}

function cliEnvironment(extra: NodeJS.ProcessEnv) {
  return {
    ...desktop.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_STATE_HOME: join(home, 'state'),
    ...extra,
  };
}

describe('API keys stay secret', () => {
  it('a whole run, its session, its logs and its exported reports never contain the key', async () => {
    const server = await startScriptedServer({
      style: 'reasoning_content',
      requireApiKey: API_KEY,
      answers: [answer('Point at the middle.', "hover(start_box='[500,500]')"), answer('Done.', 'DONE()')],
    });
    const outputs: string[] = [];
    try {
      const base = ['--backend', 'openai', '--base-url', server.baseUrl, '--api-key-env', 'MY_KEY', '--model', 'm'];
      const env = cliEnvironment({ MY_KEY: API_KEY });
      const run = spawnDeskhand(['run', 'look around', ...base, '--json'], env);
      const { code } = await run.exited;
      expect(code, run.stderr()).toBe(0);
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
      outputs.push(run.stdout(), run.stderr());

      const rejected = spawnDeskhand(['run', 'look around', ...base], cliEnvironment({ MY_KEY: `${API_KEY}-old` }));
      expect((await rejected.exited).code).toBe(2);
      expect(rejected.stderr()).toMatch(/rejected the API key/);
      outputs.push(rejected.stdout(), rejected.stderr());

      const start = runStartOf(run);
      for (const format of ['--html', '--zip']) {
        const file = join(home, 'data', 'deskhand', `report${format === '--html' ? '.html' : '.zip'}`);
        const exported = spawnDeskhand(['sessions', 'export', start.sessionId, format, file], env);
        expect((await exported.exited).code, exported.stderr()).toBe(0);
        outputs.push(exported.stdout(), exported.stderr());
      }
    } finally {
      await server.close();
    }
    const files = await filesUnder(home);
    expect(files.map(([path]) => path).some((path) => path.endsWith('steps.jsonl'))).toBe(true);
    expect(
      files.some(([path]) => path.includes('.zip!')),
      'the zip export was unpacked and scanned',
    ).toBe(true);
    for (const [path, text] of files) expect(text.includes(API_KEY), path).toBe(false);
    for (const text of outputs) expect(text).not.toContain(API_KEY);
  });
});

describe('credentials in the base URL stay secret', () => {
  it('a run against a failing server, its session, logs and reports hold neither the URL password nor its query key', async () => {
    const PASSWORD = 'Pw-7f3a-URL-SECRET';
    const QUERY_KEY = 'qk-91c2-URL-SECRET';
    const server = await startScriptedServer({
      style: 'reasoning_content',
      answers: [],
      // The server quotes the query key back, as some proxies do.
      failFirst: Array.from({ length: 40 }, () => ({
        status: 500,
        body: JSON.stringify({ error: { message: `upstream refused api_key=${QUERY_KEY}` } }),
      })),
    });
    const outputs: string[] = [];
    try {
      const base = new URL(server.baseUrl);
      base.username = 'deskhand-user';
      base.password = PASSWORD;
      base.searchParams.set('api_key', QUERY_KEY);
      const flags = ['--backend', 'openai', '--base-url', base.toString(), '--model', 'm'];
      const env = cliEnvironment({});
      for (const json of [[], ['--json']]) {
        const run = spawnDeskhand(['run', 'look around', ...flags, ...json], env);
        const { code } = await run.exited;
        expect(code, run.stderr()).not.toBe(0);
        outputs.push(run.stdout(), run.stderr());
      }
      expect(outputs.join('\n')).toMatch(/HTTP 500/);
      // Basic auth carried the user:password; the query went to the server as given.
      expect(server.requests[0]!.headers.authorization).toBe(
        `Basic ${Buffer.from(`deskhand-user:${PASSWORD}`).toString('base64')}`,
      );
      const listed = spawnDeskhand(['sessions', 'list', '--json'], env);
      await listed.exited;
      const [session] = JSON.parse(listed.stdout()) as Array<{ id: string }>;
      for (const format of ['--html', '--zip']) {
        const file = join(home, 'data', 'deskhand', `url-report${format === '--html' ? '.html' : '.zip'}`);
        const exported = spawnDeskhand(['sessions', 'export', session!.id, format, file], env);
        expect((await exported.exited).code, exported.stderr()).toBe(0);
        outputs.push(exported.stdout(), exported.stderr());
      }
    } finally {
      await server.close();
    }
    const files = await filesUnder(home);
    for (const [path, text] of files) {
      expect(text.includes(PASSWORD), path).toBe(false);
      expect(text.includes(QUERY_KEY), path).toBe(false);
    }
    for (const text of outputs) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(QUERY_KEY);
    }
  });
});
