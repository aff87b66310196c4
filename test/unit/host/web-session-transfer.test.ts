// Browser mode's /exports and /imports: token-checked, attachments that are not cached, uploads checked and bounded.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../src/host/bind-websocket.js';
import type { DeskhandHost } from '../../../src/host/create-agent-host.js';
import { testFrame, writeSession } from '../../support/recorded-session.js';
import { createTestHost } from '../../support/test-host.js';

const ID = '20261121-100000-feed';
let work: string;
let sessionsDir: string;
let host: DeskhandHost;
let web: WebHost;
let origin: string;
let token: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'deskhand-web-transfer-'));
  sessionsDir = join(work, 'sessions');
  host = await createTestHost(work);
  await writeSession(sessionsDir, { id: ID, task: 'share me', steps: [{ frame: await testFrame(320, 200) }] });
  web = await startWebHost({ host, rendererDir: join(work, 'renderer') });
  origin = `http://127.0.0.1:${web.port}`;
  token = new URL(web.url).searchParams.get('token')!;
});
afterAll(async () => {
  await web.close();
  await host.dispose();
  await rm(work, { recursive: true, force: true });
});

const withToken = (path: string) => `${origin}${path}?token=${token}`;
const upload = (body: Uint8Array<ArrayBuffer> | string, path = '/imports') =>
  fetch(withToken(path), { method: 'POST', body, headers: { 'content-type': 'application/zip' } });

describe('GET /exports/<id>.<html|zip>', () => {
  it('serves the report as an uncached attachment of the right type, without the sessions folder', async () => {
    const response = await fetch(withToken(`/exports/${ID}.html`));
    const html = await response.text();
    expect([
      response.status,
      response.headers.get('content-type'),
      response.headers.get('content-disposition'),
      response.headers.get('cache-control'),
    ]).toEqual([200, 'text/html; charset=utf-8', `attachment; filename="deskhand-session-${ID}.html"`, 'no-store']);
    expect(html).toContain('share me');
    expect(html).not.toContain(sessionsDir);
  });

  it('serves the zip, and leaves no temp file behind once sent', async () => {
    const before = (await readdir(tmpdir())).filter((name) => name.startsWith('deskhand-export-')).length;
    const response = await fetch(withToken(`/exports/${ID}.zip`));
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([response.status, response.headers.get('content-type'), [...bytes.slice(0, 2)]]).toEqual([
      200,
      'application/zip',
      [0x50, 0x4b],
    ]);
    await expect
      .poll(async () => (await readdir(tmpdir())).filter((name) => name.startsWith('deskhand-export-')).length)
      .toBeLessThanOrEqual(before);
  });

  it('refuses without the token, and answers 404 for unknown ids, prefixes and traversal', async () => {
    expect((await fetch(`${origin}/exports/${ID}.html`)).status).toBe(403);
    const paths = [
      '/exports/nope.html',
      `/exports/${ID.slice(0, 8)}.zip`,
      '/exports/..%2Fsessions.zip',
      '/exports/%2e%2e.html',
    ];
    const statuses = await Promise.all(paths.map(async (path) => (await fetch(withToken(path))).status));
    expect(statuses).toEqual([404, 404, 404, 404]);
  });
});

describe('POST /imports', () => {
  it('imports an exported zip back, and refuses it as a duplicate while the session exists', async () => {
    const zip = new Uint8Array(await (await fetch(withToken(`/exports/${ID}.zip`))).arrayBuffer());
    const duplicate = await upload(zip);
    expect([duplicate.status, await duplicate.json()]).toEqual([
      400,
      { error: { code: 'invalid-params', message: expect.stringContaining('already here') } },
    ]);
    await host.dispatch('sessions.delete', { sessionId: ID });
    const imported = await upload(zip);
    expect([imported.status, await imported.json()]).toEqual([200, { sessionId: ID, tornLastLine: false }]);
    expect(await readdir(sessionsDir)).toEqual([ID]);
  });

  it('answers a malformed archive with the importer message and writes nothing', async () => {
    const response = await upload('PK\u0003\u0004 this is not really a zip');
    expect([response.status, await response.json()]).toEqual([
      400,
      { error: { code: 'invalid-params', message: expect.stringMatching(/^This archive cannot be imported: /) } },
    ]);
    expect(await readdir(sessionsDir)).toEqual([ID]);
  });

  it('refuses uploads without the token, from a foreign origin, and GET on /imports', async () => {
    expect((await fetch(`${origin}/imports`, { method: 'POST', body: 'x' })).status).toBe(403);
    const foreign = await fetch(withToken('/imports'), {
      method: 'POST',
      body: 'x',
      headers: { origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect((await fetch(withToken('/imports'))).status).toBe(404);
  });
});

describe('POST /imports streams the upload to disk', () => {
  it('writes the body into a temp file as it arrives (not memory), and removes it after the import', async () => {
    const uploads = async () => (await readdir(tmpdir())).filter((name) => name.startsWith('deskhand-upload-'));
    const before = await uploads();
    let sent = 0;
    const seenSizes: number[] = [];
    const chunk = new Uint8Array(256 * 1024).fill(7);
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (sent === 8) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
        // Between chunks the server has written what it got to its temp file.
        await new Promise((resolve) => setTimeout(resolve, 60));
        for (const name of (await uploads()).filter((folder) => !before.includes(folder))) {
          const size = await stat(join(tmpdir(), name, 'upload.zip')).then(
            (file) => file.size,
            () => 0,
          );
          seenSizes.push(size);
        }
      },
    });
    const response = await fetch(withToken('/imports'), {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'application/zip' },
    } as RequestInit);
    expect(response.status).toBe(400);
    expect(Math.max(...seenSizes)).toBeGreaterThanOrEqual(6 * 256 * 1024);
    expect(await uploads()).toEqual(before);
  });
});
