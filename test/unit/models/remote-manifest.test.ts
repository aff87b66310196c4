// A hosted export's manifest read from a URL: validated, size-capped, errors naming the URL without its query.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestError } from '../../../src/models/manifest.js';
import { exportFolderUrl, fetchManifest, MAX_MANIFEST_BYTES } from '../../../src/models/remote-manifest.js';

const MANIFEST = {
  formatVersion: 1,
  repo: 'owner/model',
  revision: 'main',
  variants: { fp32: [{ path: 'config.json', size: 2, sha256: 'a'.repeat(64) }] },
};

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/ok/manifest.json') return void response.end(JSON.stringify(MANIFEST));
    if (request.url === '/huge/manifest.json') return void response.end('x'.repeat(MAX_MANIFEST_BYTES + 1));
    if (request.url === '/bad/manifest.json') return void response.end('{"formatVersion": 2}');
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('fetchManifest', () => {
  it('reads and validates a manifest', async () => {
    expect(await fetchManifest(`${base}/ok/manifest.json`)).toMatchObject({ repo: 'owner/model', status: 'published' });
  });

  it('refuses a missing, oversized, invalid or non-http manifest with a ManifestError', async () => {
    const missing = fetchManifest(`${base}/gone/manifest.json?token=secret-value`);
    await expect(missing).rejects.toThrow(ManifestError);
    await expect(missing).rejects.toThrow(`Cannot fetch the manifest ${base}/gone/manifest.json: HTTP 404.`);
    await expect(fetchManifest(`${base}/huge/manifest.json`)).rejects.toThrow(/too big for a manifest/);
    await expect(fetchManifest(`${base}/bad/manifest.json`)).rejects.toThrow(/formatVersion/);
    await expect(fetchManifest('file:///etc/passwd')).rejects.toThrow(/http\(s\) URL/);
  });
});

describe('exportFolderUrl', () => {
  it('is the folder of the manifest, where the files are', () => {
    expect(exportFolderUrl('https://mirror.example/o/m/resolve/main/manifest.json?x=1')).toBe(
      'https://mirror.example/o/m/resolve/main/',
    );
  });
});
