// Browser mode's door: only the token holder, only our origin, only loopback; bad messages change nothing.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startWebHost, type WebHost } from '../../../src/host/bind-websocket.js';
import type { DeskhandHost } from '../../../src/host/create-agent-host.js';
import { createTestHost } from '../../support/test-host.js';

let work: string;
let host: DeskhandHost;
let web: WebHost;
let origin: string;
let token: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'deskhand-web-'));
  await mkdir(join(work, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(work, 'renderer', 'index.html'), '<!doctype html><title>Deskhand</title>');
  await writeFile(join(work, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(work, 'secret.txt'), 'outside the UI folder');
  host = await createTestHost(work);
  web = await startWebHost({ host, rendererDir: join(work, 'renderer') });
  origin = `http://127.0.0.1:${web.port}`;
  token = new URL(web.url).searchParams.get('token')!;
});
afterAll(async () => {
  await web.close();
  await host.dispose();
  await rm(work, { recursive: true, force: true });
});

function openSocket(path: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${web.port}${path}`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
  });
}

function nextMessage(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('deskhand serve web host', () => {
  it('listens on 127.0.0.1 and prints a URL with a long random token', () => {
    expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('refuses every request without the token, and serves the UI with it, setting a strict cookie and CSP', async () => {
    expect((await fetch(`${origin}/`)).status).toBe(403);
    expect((await fetch(`${origin}/assets/app.js`)).status).toBe(403);
    expect((await fetch(`${origin}/?token=wrong${token.slice(5)}`)).status).toBe(403);
    const page = await fetch(web.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBe(`deskhand_token=${token}; HttpOnly; SameSite=Strict; Path=/`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const asset = await fetch(`${origin}/assets/app.js`, { headers: { cookie: `deskhand_token=${token}` } });
    expect([asset.status, asset.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('refuses a foreign Host header (DNS rebinding) and paths outside the UI folder', async () => {
    const rebound = await new Promise<number>((resolve, reject) => {
      const request = httpRequest({
        host: '127.0.0.1',
        port: web.port,
        path: `/?token=${token}`,
        headers: { host: `evil.example:${web.port}` },
      });
      request.once('response', (response) => (response.resume(), resolve(response.statusCode!)));
      request.once('error', reject);
      request.end();
    });
    expect(rebound).toBe(403);
    expect((await fetch(`${origin}/..%2Fsecret.txt?token=${token}`)).status).toBe(404);
    expect((await fetch(`${origin}/frames/x/frames/0001.jpg?token=${token}`)).status).toBe(404);
  });

  it('answers a malformed %-escape in the path with 400, not a server error', async () => {
    for (const path of ['/%E0%A4%A', '/frames/%ZZ/frames/0001.jpg', '/assets/%']) {
      const reply = await fetch(`${origin}${path}?token=${token}`);
      expect([path, reply.status]).toEqual([path, 400]);
    }
  });

  it('refuses WebSocket connections without the token or from another origin', async () => {
    await expect(openSocket('/api')).rejects.toThrow(/403/);
    await expect(openSocket(`/api?token=${token}`, { origin: 'http://evil.example' })).rejects.toThrow(/403/);
    const socket = await openSocket(`/api?token=${token}`, { origin });
    socket.close();
  });

  it('answers calls, rejects malformed messages with an error reply, and keeps serving', async () => {
    const socket = await openSocket(`/api?token=${token}`, { origin });
    socket.send('not json');
    expect(await nextMessage(socket)).toEqual({
      id: null,
      error: { code: 'invalid-params', message: 'Messages must be JSON {id, method, params}.' },
    });
    socket.send(JSON.stringify({ id: 1, method: 'settings.set', params: { theme: 'neon' } }));
    expect(await nextMessage(socket)).toMatchObject({ id: 1, error: { code: 'invalid-params' } });
    socket.send(JSON.stringify({ id: 2, method: 'settings.get', params: {} }));
    expect(await nextMessage(socket)).toMatchObject({ id: 2, result: { theme: 'system', setupDone: false } });
    socket.close();
  });

  it('closes a connection that sends an oversized message', async () => {
    const socket = await openSocket(`/api?token=${token}`, { origin });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ id: 3, method: 'settings.get', params: { pad: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(await closed).toBe(1009);
  });
});
