// Session archives: an export imports back byte for byte, and a hostile or broken archive writes nothing at all.
import { appendFile, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveError } from '../../../src/sessions/archive/archive-error.js';
import { DEFAULT_ARCHIVE_LIMITS } from '../../../src/sessions/archive/archive-entries.js';
import { exportSessionArchive } from '../../../src/sessions/archive/export-archive.js';
import { importSessionArchive } from '../../../src/sessions/archive/import-archive.js';
import { testFrame, writeSession } from '../../support/recorded-session.js';

let root: string;
let sourceDir: string;
let targetDir: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'deskhand-archive-'));
  sourceDir = join(root, 'source');
  targetDir = join(root, 'target');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file under `dir` with its bytes, by path relative to `dir`. */
async function filesUnder(dir: string): Promise<Record<string, Buffer>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))])));
}

async function exportedSession(id = '20261121-100000-aaaa'): Promise<{ dir: string; zip: string }> {
  const dir = await writeSession(sourceDir, {
    id,
    steps: [
      { frame: await testFrame(640, 360) },
      { frame: await testFrame(200, 100, 'png'), extension: 'png', thinking: 'ünïcode ✓ <b>' },
    ],
  });
  const zip = join(root, `${id}.zip`);
  await exportSessionArchive(dir, zip);
  return { dir, zip };
}

/** Imports `entries` zipped as given and expects an ArchiveError matching `message`, with nothing written. */
async function expectRejected(archive: Uint8Array, message: RegExp, limits = DEFAULT_ARCHIVE_LIMITS) {
  const path = join(root, 'bad.zip');
  await writeFile(path, archive);
  const error = await importSessionArchive(path, targetDir, limits).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ArchiveError);
  expect((error as Error).message).toMatch(message);
  expect(await readdir(targetDir).catch(() => [])).toEqual([]);
}

/** A valid session's files as a Zippable, to tamper with. */
async function validEntries(): Promise<Zippable> {
  const { zip } = await exportedSession();
  const { unzipSync } = await import('fflate');
  return unzipSync(await readFile(zip));
}

/** Rewrites the uncompressed size of `name` in both the central directory and its local header. */
function claimSize(archive: Uint8Array, name: string, size: number): Uint8Array {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  for (let at = 0; at + 46 < archive.length; at += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (Buffer.from(archive.subarray(at + 46, at + 46 + nameLength)).toString() !== name) continue;
    view.setUint32(at + 24, size, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
    return archive;
  }
  throw new Error(`no entry ${name}`);
}

describe('session archive round trip', () => {
  it('imports an export byte for byte into another sessions folder and adds nothing else there', async () => {
    const { dir, zip } = await exportedSession();
    await appendFile(join(dir, 'steps.jsonl'), '{"step": 3, "torn');
    await exportSessionArchive(dir, zip);
    const imported = await importSessionArchive(zip, targetDir);
    expect(imported).toMatchObject({ id: '20261121-100000-aaaa', stepCount: 2, tornLastLine: true });
    const original = await filesUnder(dir);
    expect(Object.keys(original)).toEqual(['frames/0001.jpg', 'frames/0002.png', 'session.json', 'steps.jsonl']);
    expect(await filesUnder(imported.dir)).toEqual(original);
    expect(await readdir(targetDir)).toEqual(['20261121-100000-aaaa']);
  });

  it('packs no frame that a link leads out of the session folder to, neither a linked file nor a linked folder', async () => {
    const outside = join(root, 'outside');
    await mkdir(outside);
    await writeFile(join(outside, '0001.jpg'), 'outside the session');
    const { dir, zip } = await exportedSession();
    await rm(join(dir, 'frames', '0002.png'));
    await symlink(join(outside, '0001.jpg'), join(dir, 'frames', '0002.png'));
    await exportSessionArchive(dir, zip);
    const { unzipSync } = await import('fflate');
    expect(Object.keys(unzipSync(await readFile(zip))).sort()).toEqual([
      'frames/0001.jpg',
      'session.json',
      'steps.jsonl',
    ]);
    await rename(join(dir, 'frames'), join(root, 'frames-aside'));
    await symlink(outside, join(dir, 'frames'));
    await exportSessionArchive(dir, zip);
    expect(Object.keys(unzipSync(await readFile(zip))).sort()).toEqual(['session.json', 'steps.jsonl']);
  });

  it('never overwrites a session with the same id, and says what to do', async () => {
    const { zip } = await exportedSession();
    const first = await importSessionArchive(zip, targetDir);
    await writeFile(join(first.dir, 'steps.jsonl'), 'changed locally\n');
    const error = await importSessionArchive(zip, targetDir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ArchiveError);
    expect((error as Error).message).toMatch(/already exists.*not overwritten.*--sessions-dir/);
    expect(await readFile(join(first.dir, 'steps.jsonl'), 'utf8')).toBe('changed locally\n');
    expect(await readdir(targetDir)).toEqual(['20261121-100000-aaaa']);
  });
});

describe('session archive validation', () => {
  it.each([
    ['../evil.json', /outside the session folder/],
    ['/etc/cron.d/evil', /outside the session folder/],
    ['frames/../../evil', /outside the session folder/],
    ['frames\\0003.jpg', /outside the session folder/],
    ['C:/evil.jpg', /outside the session folder/],
    ['notes.txt', /not part of a session/],
    ['frames/0003.exe', /not part of a session/],
  ])('refuses the entry name %s', async (name, message) => {
    const entries = await validEntries();
    await expectRejected(zipSync({ ...entries, [name]: new Uint8Array([1, 2, 3]) }), message);
  });

  it('refuses a symlink entry', async () => {
    const entries = await validEntries();
    const link: Zippable[string] = [new TextEncoder().encode('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }];
    await expectRejected(zipSync({ ...entries, 'frames/0003.jpg': link }), /link or special file/);
  });

  it('refuses entries and totals larger than the limits by their declared size', async () => {
    const entries = await validEntries();
    const limits = { ...DEFAULT_ARCHIVE_LIMITS, maxEntryBytes: 10_000 };
    await expectRejected(zipSync({ ...entries, 'frames/0009.jpg': new Uint8Array(20_000) }), /larger than/, limits);
    const total = { ...DEFAULT_ARCHIVE_LIMITS, maxTotalBytes: 50_000 };
    await expectRejected(zipSync({ ...entries, 'frames/0009.jpg': new Uint8Array(60_000) }), /unpacks to more/, total);
  });

  it('refuses an archive that expands far more than a session does, per entry and in total', async () => {
    const entries = await validEntries();
    // 30 MB of zeros in a few dozen KB: inside every size cap, but a 1,000× expansion.
    const bomb = zipSync({ ...entries, 'frames/0009.jpg': [new Uint8Array(30_000_000), { level: 9 }] });
    await expectRejected(bomb, /"frames\/0009\.jpg" expands \d+× when unpacked, more than the 100×/);
    // Each entry within its own limit, the whole archive not.
    const many = Object.fromEntries(
      Array.from({ length: 8 }, (_, index) => [
        `frames/00${10 + index}.jpg`,
        [new Uint8Array(2_000_000).fill(index), { level: 9 }] as [Uint8Array, { level: 9 }],
      ]),
    );
    const limits = { ...DEFAULT_ARCHIVE_LIMITS, maxEntryRatio: 10_000 };
    await expectRejected(
      zipSync({ ...entries, ...many }),
      /The archive expands \d+× when unpacked, more than the 20×/,
      limits,
    );
  });

  it('stops a ZIP bomb that lies about its size after the first chunk', async () => {
    const entries = await validEntries();
    const bomb = zipSync({ ...entries, 'frames/0009.jpg': [new Uint8Array(30_000_000), { level: 9 }] });
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    await expectRejected(claimSize(bomb, 'frames/0009.jpg', 1000), /inflates to more than the 1000 bytes/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a damaged entry (checksum) and a file that is not a ZIP', async () => {
    const entries = await validEntries();
    const stored = zipSync({ ...entries, 'frames/0009.png': [new Uint8Array(100).fill(7), { level: 0 }] });
    const at = Buffer.from(stored).indexOf(Buffer.alloc(100, 7));
    stored[at + 50] = 8;
    await expectRejected(stored, /checksum/);
    await expectRejected(new TextEncoder().encode('just text, not a zip'), /not a ZIP archive/);
  });

  it('refuses a session.json or a step that does not match the schema, and a step whose frame is missing', async () => {
    const entries = await validEntries();
    const text = (value: string) => new TextEncoder().encode(value);
    const info = JSON.parse(new TextDecoder().decode(entries['session.json'] as Uint8Array));
    await expectRejected(zipSync({ ...entries, 'session.json': text('{"id": 1}') }), /session\.json.*format/);
    await expectRejected(zipSync({ ...entries, 'session.json': text('{nope') }), /not valid JSON/);
    await expectRejected(
      zipSync({ ...entries, 'session.json': text(JSON.stringify({ ...info, id: '../../escape' })) }),
      /cannot be used as a folder name/,
    );
    await expectRejected(
      zipSync({ ...entries, 'session.json': text(JSON.stringify({ ...info, task: 'x'.repeat(100_000) })) }),
      /The session's task is 100,000 characters; a session holds at most 10,000; refusing the archive\./,
    );
    for (const id of ['CON', 'nul', 'COM1', 'lpt9.session', 'Aux']) {
      await expectRejected(
        zipSync({ ...entries, 'session.json': text(JSON.stringify({ ...info, id })) }),
        /cannot be used as a folder name/,
      );
    }
    const steps = new TextDecoder().decode(entries['steps.jsonl'] as Uint8Array).split('\n');
    await expectRejected(
      zipSync({ ...entries, 'steps.jsonl': text(['{"step": "one"}', ...steps].join('\n')) }),
      /steps\.jsonl line 1/,
    );
    const withoutFrame = { ...entries };
    delete withoutFrame['frames/0002.png'];
    await expectRejected(zipSync(withoutFrame), /Step 2 shows frames\/0002\.png, which is not in the archive/);
    const withoutInfo = { ...entries };
    delete withoutInfo['session.json'];
    await expectRejected(zipSync(withoutInfo), /no session\.json/);
  });

  it('refuses a duplicated entry name', async () => {
    const entries = await validEntries();
    const archive = zipSync({ ...entries, 'frames/0003.jpg': new Uint8Array(3), 'frames/0004.jpg': new Uint8Array(3) });
    const bytes = Buffer.from(archive);
    let at = bytes.indexOf('frames/0004.jpg');
    while (at !== -1) {
      bytes.write('frames/0003.jpg', at);
      at = bytes.indexOf('frames/0004.jpg', at + 1);
    }
    await expectRejected(bytes, /twice/);
  });
});
