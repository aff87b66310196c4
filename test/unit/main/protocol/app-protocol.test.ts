import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createAppRequestHandler,
  mimeType,
  resolveAppUrl,
  safeSegments,
  type AppRoots,
} from '../../../../main/protocol/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../../main/windows/secure-web-preferences.js';
import type { SessionExportFile } from '../../../../src/host/session-transfer.js';

const roots: AppRoots = { renderer: '/app/dist/renderer', overlay: '/app/out/widget' };

describe('resolveAppUrl', () => {
  it('maps our origin to the renderer, /overlay/ to the overlay pages and /frames/ to session frames', () => {
    expect(
      [
        'app://deskhand/',
        'app://deskhand/assets/index-3f2a.js',
        'app://DESKHAND/index.html',
        'app://deskhand/overlay/widget.html',
        'app://deskhand/frames/2026-11-21T10-00-00-abc/frames/0003.jpg',
        'app://deskhand/frames/a%20b/frames/0003.jpg',
      ].map((url) => resolveAppUrl(url, roots)),
    ).toEqual([
      { kind: 'file', path: '/app/dist/renderer/index.html' },
      { kind: 'file', path: '/app/dist/renderer/assets/index-3f2a.js' },
      { kind: 'file', path: '/app/dist/renderer/index.html' },
      { kind: 'file', path: '/app/out/widget/widget.html' },
      { kind: 'frame', sessionId: '2026-11-21T10-00-00-abc', frame: 'frames/0003.jpg' },
      { kind: 'frame', sessionId: 'a b', frame: 'frames/0003.jpg' },
    ]);
  });

  it('refuses other schemes and hosts, and every way of climbing out of a folder', () => {
    const refused = [
      'file:///etc/passwd',
      'https://deskhand/index.html',
      'app://evil/index.html',
      'app://deskhand/assets/..%2f..%2fetc%2fpasswd',
      'app://deskhand/assets/..%5c..%5cwindows',
      'app://deskhand/a%00.js',
      'app://deskhand//etc/passwd',
      'app://deskhand/bad%E0%A4%A',
      'app://deskhand/frames/only-session',
      'not a url',
    ].map((url) => resolveAppUrl(url, roots).kind);
    expect(refused).toEqual(Array(10).fill('refused'));
  });

  it('never resolves outside the root even when the URL parser has already removed dot segments', () => {
    // Chromium and Node collapse literal "/../" before we see the path; what is left must stay inside.
    expect(
      [
        'app://deskhand/../../etc/passwd',
        'app://deskhand/%2e%2e/%2e%2e/etc/passwd',
        'app://deskhand/overlay/%2e%2e/main/index.js',
      ].map((url) => resolveAppUrl(url, roots)),
    ).toEqual([
      { kind: 'file', path: '/app/dist/renderer/etc/passwd' },
      { kind: 'file', path: '/app/dist/renderer/etc/passwd' },
      { kind: 'file', path: '/app/dist/renderer/main/index.js' },
    ]);
  });
});

describe('safeSegments and mimeType', () => {
  it('decodes ordinary segments and rejects separators hidden in escapes', () => {
    expect(safeSegments('/assets/a%20b.css')).toEqual(['assets', 'a b.css']);
    expect(safeSegments('/a%2Fb')).toBeNull();
    expect(safeSegments('/.')).toBeNull();
  });

  it('serves scripts as JavaScript so module scripts load, and unknown files as bytes', () => {
    expect([mimeType('a/index.js'), mimeType('x.HTML'), mimeType('f.jpg'), mimeType('blob.bin')]).toEqual([
      'text/javascript; charset=utf-8',
      'text/html; charset=utf-8',
      'image/jpeg',
      'application/octet-stream',
    ]);
  });
});

describe('createAppRequestHandler', () => {
  let base: string;
  let handler: (request: Request) => Promise<Response>;
  const frameFiles = new Map<string, string>();

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'deskhand-protocol-'));
    await mkdir(join(base, 'renderer', 'assets'), { recursive: true });
    await mkdir(join(base, 'overlay'), { recursive: true });
    await writeFile(join(base, 'renderer', 'index.html'), '<h1>Deskhand</h1>');
    await writeFile(join(base, 'renderer', 'assets', 'app.js'), 'export {}');
    await writeFile(join(base, 'overlay', 'widget.html'), '<p>widget</p>');
    await writeFile(join(base, 'secret.txt'), 'secret');
    await writeFile(join(base, '0001.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
    frameFiles.set('s1|frames/0001.jpg', join(base, '0001.jpg'));
    handler = createAppRequestHandler({
      roots: { renderer: join(base, 'renderer'), overlay: join(base, 'overlay') },
      frameFile: async (sessionId, frame) => frameFiles.get(`${sessionId}|${frame}`) ?? null,
      exportFile: async () => null,
      importArchiveFile: async () => ({ sessionId: 'unused', tornLastLine: false }),
      maxImportBytes: 0,
    });
  });

  async function fetchApp(url: string, method = 'GET') {
    const response = await handler(new Request(url, { method }));
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      csp: response.headers.get('content-security-policy'),
      body: await response.text(),
    };
  }

  it('serves renderer files, overlay pages and known frames with a MIME type and the CSP', async () => {
    expect(await fetchApp('app://deskhand/')).toEqual({
      status: 200,
      type: 'text/html; charset=utf-8',
      csp: CONTENT_SECURITY_POLICY,
      body: '<h1>Deskhand</h1>',
    });
    expect((await fetchApp('app://deskhand/assets/app.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await fetchApp('app://deskhand/overlay/widget.html')).body).toBe('<p>widget</p>');
    const frame = await handler(new Request('app://deskhand/frames/s1/frames/0001.jpg'));
    expect([frame.status, frame.headers.get('content-type'), [...new Uint8Array(await frame.arrayBuffer())]]).toEqual([
      200,
      'image/jpeg',
      [0xff, 0xd8, 0xff],
    ]);
  });

  it('answers 404 for missing files, unknown frames and traversal, and 405 for writes', async () => {
    const statuses = await Promise.all(
      [
        'app://deskhand/missing.js',
        'app://deskhand/%2e%2e/secret.txt',
        'app://deskhand/frames/s2/frames/0001.jpg',
        'app://deskhand/frames/s1/frames/0002.jpg',
      ].map(async (url) => (await fetchApp(url)).status),
    );
    expect(statuses).toEqual([404, 404, 404, 404]);
    expect((await fetchApp('app://deskhand/index.html', 'POST')).status).toBe(405);
  });
});

describe('session exports and imports over app://', () => {
  let base: string;
  const exportCalls: string[] = [];
  const imported: number[][] = [];
  const uploadFiles: string[] = [];

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'deskhand-protocol-transfer-'));
  });

  async function exportFile(sessionId: string, format: 'html' | 'zip'): Promise<SessionExportFile | null> {
    exportCalls.push(`${sessionId}.${format}`);
    if (sessionId !== 's1') return null;
    const folder = await mkdtemp(join(base, 'export-'));
    const path = join(folder, `deskhand-session-s1.${format}`);
    await writeFile(path, '<!doctype html><p>report</p>');
    const dispose = () => rm(folder, { recursive: true, force: true });
    return {
      path,
      fileName: `deskhand-session-s1.${format}`,
      contentType: 'text/html; charset=utf-8',
      bytes: 28,
      dispose,
    };
  }

  const handler = createAppRequestHandler({
    roots,
    frameFile: async () => null,
    exportFile,
    importArchiveFile: async (path) => {
      const archive = await readFile(path);
      imported.push([...archive]);
      uploadFiles.push(path);
      return archive[0] === 1
        ? { sessionId: 's2', tornLastLine: false }
        : { error: { code: 'invalid-params', message: 'This archive cannot be imported: bad' } };
    },
    maxImportBytes: 8,
  });
  const post = (url: string, body: Uint8Array<ArrayBuffer>) => handler(new Request(url, { method: 'POST', body }));

  it('serves an export as an uncached attachment and removes its temp file once read', async () => {
    const response = await handler(new Request('app://deskhand/exports/s1.html'));
    expect([
      response.status,
      response.headers.get('content-type'),
      response.headers.get('content-disposition'),
      response.headers.get('cache-control'),
      await response.text(),
    ]).toEqual([
      200,
      'text/html; charset=utf-8',
      'attachment; filename="deskhand-session-s1.html"',
      'no-store',
      '<!doctype html><p>report</p>',
    ]);
    await expect.poll(async () => (await readdir(base)).length).toBe(0);
  });

  it('answers 404 for unknown sessions and never asks the host about ids that climb or hide a separator', async () => {
    exportCalls.length = 0;
    const statuses = await Promise.all(
      [
        'app://deskhand/exports/s9.zip',
        'app://deskhand/exports/..%2F..%2Fsecret.html',
        'app://deskhand/exports/%2e%2e.zip',
        'app://deskhand/exports/a%5Cb.zip',
        'app://deskhand/exports/s1.exe',
        'app://other/exports/s1.html',
      ].map(async (url) => (await handler(new Request(url))).status),
    );
    expect(statuses).toEqual([404, 404, 404, 404, 404, 404]);
    expect(exportCalls).toEqual(['s9.zip']);
    expect((await handler(new Request('app://deskhand/exports/s1.html', { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
  });

  it('imports a POSTed archive, answers the importer message for a bad one, and refuses GET and oversize bodies', async () => {
    imported.length = 0;
    const good = await post('app://deskhand/imports', new Uint8Array([1, 2, 3]));
    const bad = await post('app://deskhand/imports', new Uint8Array([9]));
    const large = await post('app://deskhand/imports', new Uint8Array(9));
    expect([good.status, await good.json(), bad.status, await bad.json(), large.status]).toEqual([
      200,
      { sessionId: 's2', tornLastLine: false },
      400,
      { error: { code: 'invalid-params', message: 'This archive cannot be imported: bad' } },
      413,
    ]);
    expect(imported).toEqual([[1, 2, 3], [9]]);
    expect((await handler(new Request('app://deskhand/imports'))).status).toBe(405);
  });

  it('streams an upload into a temp file for the importer (not memory) and removes it before the reply', async () => {
    uploadFiles.length = 0;
    const chunks = [new Uint8Array([1, 2]), new Uint8Array([3])];
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => (chunks.length ? controller.enqueue(chunks.shift()!) : controller.close()),
    });
    const request = new Request('app://deskhand/imports', { method: 'POST', body, duplex: 'half' } as RequestInit);
    const reply = await handler(request);
    expect([reply.status, await reply.json()]).toEqual([200, { sessionId: 's2', tornLastLine: false }]);
    expect(uploadFiles).toHaveLength(1);
    expect(uploadFiles[0]).toMatch(/deskhand-upload-[^/]+\/upload\.zip$/);
    await expect(stat(dirname(uploadFiles[0]!))).rejects.toThrow(/ENOENT/);

    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(4)),
      cancel: () => void (cancelled = true),
    });
    const over = await handler(
      new Request('app://deskhand/imports', { method: 'POST', body: endless, duplex: 'half' } as RequestInit),
    );
    expect([over.status, cancelled, uploadFiles]).toEqual([413, true, [uploadFiles[0]]]);
  });
});
