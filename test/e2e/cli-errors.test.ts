// How `deskhand run` reports a wrong server before anything starts, and a server error during a run, on a real X desktop.
import { createServer, type Server } from 'node:http';
import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnDeskhand, spawnServedRun } from '../support/cli.js';
import { useCliDesktop } from '../support/cli-desktop.js';
import { scriptedAnswer, startScriptedServer, type ScriptedServer } from '../support/scripted-openai-server.js';

const e2e = useCliDesktop({ tmpPrefix: 'deskhand-errors-' });
let server: ScriptedServer | undefined;
let staticServer: Server | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
  await new Promise((resolve) => (staticServer ? staticServer.close(resolve) : resolve(undefined)));
  staticServer = undefined;
});

/** A plain web server as `python3 -m http.server` answers: HTML pages, an HTML 404, and 501 for a POST. */
async function startStaticServer(): Promise<string> {
  staticServer = createServer((request, response) => {
    const status = request.method === 'POST' ? 501 : request.url === '/' ? 200 : 404;
    response.writeHead(status, { 'content-type': 'text/html' });
    response.end(`<html><body>${status === 200 ? 'Index of /' : `Error response ${status}`}</body></html>`);
  });
  await new Promise<void>((resolve) => staticServer!.listen(0, '127.0.0.1', resolve));
  const address = staticServer.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1`;
}

const sessionsLeft = async () => readdir(e2e.sessionsDir).catch(() => []);

describe('deskhand run: a wrong server is a configuration error before any session', () => {
  it('a plain web server exits 2 saying the URL is not an OpenAI-compatible server, and records nothing', async () => {
    const baseUrl = await startStaticServer();
    const run = spawnServedRun('anything', {
      baseUrl,
      sessionsDir: e2e.sessionsDir,
      env: e2e.desktop.env,
      args: ['--model', 'm'],
    });
    const { code } = await run.exited;
    expect(code, run.stderr()).toBe(2);
    expect(run.stderr()).toContain(`${baseUrl} is not an OpenAI-compatible model server`);
    expect(run.stderr()).toContain('--base-url');
    expect(await sessionsLeft()).toEqual([]);
  });

  it('an unknown model exits 2 naming the models the server has, and records nothing', async () => {
    server = await startScriptedServer({ style: 'inline', answers: [], modelIds: ['glm-a', 'glm-b'] });
    const run = spawnServedRun('anything', {
      baseUrl: server.baseUrl,
      sessionsDir: e2e.sessionsDir,
      env: e2e.desktop.env,
      args: ['--model', 'glm-x'],
    });
    const { code } = await run.exited;
    expect(code, run.stderr()).toBe(2);
    expect(run.stderr()).toContain('does not serve the model "glm-x"; it serves: glm-a, glm-b. Check --model.');
    expect(await sessionsLeft()).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('a rejected key exits 2 before any session, naming --api-key-env', async () => {
    server = await startScriptedServer({ style: 'inline', answers: [], requireApiKey: 'sk-right' });
    const run = spawnDeskhand(
      ['run', 'anything', '--backend', 'openai', '--base-url', server.baseUrl, '--sessions-dir', e2e.sessionsDir],
      { ...e2e.desktop.env, DESKHAND_API_KEY: 'sk-wrong-SECRET' },
    );
    const { code } = await run.exited;
    expect(code, run.stderr()).toBe(2);
    expect(run.stderr()).toContain('--api-key-env');
    expect(run.stderr()).not.toContain('sk-wrong-SECRET');
    expect(await sessionsLeft()).toEqual([]);
  });
});

describe('deskhand run: an error during the run', () => {
  it('is printed once, in text mode', async () => {
    const body = JSON.stringify({ error: { message: 'max_tokens is too large: 8192' } });
    server = await startScriptedServer({
      style: 'inline',
      answers: [scriptedAnswer('DONE()')],
      failFirst: [{ status: 400, body }],
    });
    const run = spawnDeskhand(
      ['run', 'anything', '--backend', 'openai', '--base-url', server.baseUrl, '--sessions-dir', e2e.sessionsDir],
      e2e.desktop.env,
    );
    const { code } = await run.exited;
    expect(code, run.stderr()).toBe(2);
    const output = run.stdout() + run.stderr();
    expect(output.split('max_tokens is too large: 8192').length - 1, output).toBe(1);
  });
});
