// The stored serve token and port: owner-only on disk, and a damaged or foreign file is never trusted.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  newServeToken,
  readServeIdentity,
  saveServeIdentity,
  serveIdentityFile,
} from '../../../src/host/serve-identity.js';

let work: string;
let file: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'deskhand-serve-identity-'));
  file = serveIdentityFile(join(work, 'deskhand', 'settings.json'));
});
afterEach(() => rm(work, { recursive: true, force: true }));

describe('serve identity', () => {
  it('lives beside settings.json, readable by its owner only, and reads back as written', async () => {
    expect(file).toBe(join(work, 'deskhand', 'serve.json'));
    const identity = { token: newServeToken(), port: 43210 };
    await saveServeIdentity(file, identity);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readServeIdentity(file)).toEqual(identity);
  });

  it('reads nothing from a missing, damaged or malformed file, so a new token is made', async () => {
    expect(await readServeIdentity(file)).toBeNull();
    await saveServeIdentity(file, { token: newServeToken(), port: 1 });
    await writeFile(file, '{"token": "short", "port": 80}');
    expect(await readServeIdentity(file)).toBeNull();
    await writeFile(file, '{ not json');
    expect(await readServeIdentity(file)).toBeNull();
    expect(await readFile(file, 'utf8')).toBe('{ not json');
  });
});
