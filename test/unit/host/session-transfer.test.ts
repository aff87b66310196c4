// Sessions handed over through the host: exportUrl checks, exports identical to the CLI's, uploads imported safely.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskhandHost } from '../../../src/host/create-agent-host.js';
import { exportFileName, parseExportPath } from '../../../src/host/protocol/session-transfer.js';
import { exportSessionReport } from '../../../src/sessions/report/export-report.js';
import { readSession } from '../../../src/sessions/reader.js';
import { testFrame, writeSession } from '../../support/recorded-session.js';
import { createTestHost } from '../../support/test-host.js';

const ID = '20261121-100000-abcd';
let work: string;
let sessionsDir: string;
let host: DeskhandHost;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'deskhand-transfer-'));
  sessionsDir = join(work, 'sessions');
  host = await createTestHost(work);
  await writeSession(sessionsDir, {
    id: ID,
    task: 'export me',
    steps: [{ frame: await testFrame(320, 200) }, { frame: await testFrame(320, 200), action: { name: 'done' } }],
  });
});
afterEach(async () => {
  await host.dispose();
  await rm(work, { recursive: true, force: true });
});

async function exportedBytes(sessionId: string, format: 'html' | 'zip'): Promise<Buffer> {
  const file = await host.exportFile(sessionId, format);
  if (!file) throw new Error(`no export for ${sessionId}`);
  const bytes = await readFile(file.path);
  await file.dispose();
  expect(await readdir(join(file.path, '..')).catch(() => 'removed')).toBe('removed');
  return bytes;
}

describe('sessions.exportUrl', () => {
  it('answers the URL the transports serve and a file name without any folder', async () => {
    expect(await host.dispatch('sessions.exportUrl', { sessionId: ID, format: 'zip' })).toEqual({
      result: { url: `/exports/${ID}.zip`, fileName: `deskhand-session-${ID}.zip` },
    });
  });

  it('rejects invalid params and answers not-found for unknown ids, prefixes and traversal', async () => {
    const replies = await Promise.all([
      host.dispatch('sessions.exportUrl', { sessionId: ID, format: 'pdf' }),
      host.dispatch('sessions.exportUrl', { sessionId: '', format: 'html' }),
      host.dispatch('sessions.exportUrl', { sessionId: ID }),
      host.dispatch('sessions.exportUrl', { sessionId: 'nope', format: 'html' }),
      host.dispatch('sessions.exportUrl', { sessionId: ID.slice(0, 10), format: 'html' }),
      host.dispatch('sessions.exportUrl', { sessionId: `../sessions/${ID}`, format: 'html' }),
    ]);
    expect(replies.map((reply) => ('error' in reply ? reply.error.code : 'ok'))).toEqual([
      'invalid-params',
      'invalid-params',
      'invalid-params',
      'not-found',
      'not-found',
      'not-found',
    ]);
    expect(JSON.stringify(replies)).not.toContain(work);
  });
});

/** `bytes` as an uploaded file, the way both upload paths hand an archive to the host. */
async function uploaded(bytes: Uint8Array): Promise<string> {
  const path = join(await mkdtemp(join(work, 'upload-')), 'upload.zip');
  await writeFile(path, bytes);
  return path;
}

describe('exportFile and importArchiveFile', () => {
  it('writes the same report `sessions export --html` writes, with no sessions folder path in it', async () => {
    const html = (await exportedBytes(ID, 'html')).toString('utf8');
    const cliPath = join(work, 'cli.html');
    await exportSessionReport(await readSession(sessionsDir, ID), cliPath);
    expect(html).toBe(await readFile(cliPath, 'utf8'));
    expect(html).toContain('Content-Security-Policy');
    expect(html).toContain('export me');
    expect(html).not.toContain(sessionsDir);
  });

  it('returns null for unknown sessions, prefixes and ids that climb out of the sessions folder', async () => {
    for (const id of ['nope', ID.slice(0, 8), '..', `../${ID}`, `${ID}/..`])
      expect(await host.exportFile(id, 'zip')).toBeNull();
  });

  it('imports its own zip back after the session was deleted, and refuses it while the session exists', async () => {
    const zip = await uploaded(await exportedBytes(ID, 'zip'));
    const duplicate = await host.importArchiveFile(zip);
    expect(duplicate).toEqual({ error: { code: 'invalid-params', message: expect.stringContaining('already here') } });
    expect(JSON.stringify(duplicate)).not.toContain(work);
    await host.dispatch('sessions.delete', { sessionId: ID });
    expect(await host.importArchiveFile(zip)).toEqual({ sessionId: ID, tornLastLine: false });
    const listed = await host.dispatch('sessions.list', {});
    expect('result' in listed && listed.result).toEqual([expect.objectContaining({ id: ID, task: 'export me' })]);
  });

  it('refuses a malformed or hostile archive with the importer message and changes nothing', async () => {
    const before = await readdir(sessionsDir);
    const replies = [
      await host.importArchiveFile(await uploaded(new TextEncoder().encode('not a zip at all'))),
      await host.importArchiveFile(await uploaded(new Uint8Array())),
    ];
    for (const reply of replies)
      expect(reply).toEqual({
        error: { code: 'invalid-params', message: expect.stringMatching(/^This archive cannot be imported: .+/) },
      });
    expect(await readdir(sessionsDir)).toEqual(before);
  });
});

describe('export paths', () => {
  it('parses only one decoded segment with a known extension, never a separator or a dot folder', () => {
    expect(
      [
        `/exports/${ID}.html`,
        '/exports/a%20b.zip',
        '/exports/..%2F..%2Fetc.html',
        '/exports/..html',
        '/exports/%2e%2e.zip',
        '/exports/a%5Cb.zip',
        '/exports/%E0%A4%A.zip',
        '/exports/a.pdf',
        '/exports/a/b.zip',
      ].map(parseExportPath),
    ).toEqual([
      { sessionId: ID, format: 'html' },
      { sessionId: 'a b', format: 'zip' },
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(exportFileName('a/../b c', 'zip')).toBe('deskhand-session-a_.._b_c.zip');
  });
});
