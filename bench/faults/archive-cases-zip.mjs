// Hostile archives at the ZIP level: names that escape, links, duplicates, headers that lie, methods, ZIP64, counts,
// truncation and bombs. Each is a valid session with one thing spoilt. Node only.
import { zipSync } from 'fflate';
import { PNG_1X1, sessionEntries } from './archive-session.mjs';
import { entry, zipBytes } from './zip-bytes.mjs';

const ID = '20260102-000000-case';
const OUTSIDE = /outside the session folder|not part of a session/;

/** A session plus `extra`, refused with a message matching `says`. */
const withEntry = (name, extra, says) => ({ name, bytes: zipBytes(sessionEntries(ID, { extra })), says });

function escapingNames() {
  const names = {
    '../x': '../slip-1.png',
    'a/../../x': 'frames/../../slip-2.png',
    'deep ../': '../../../../../../../../tmp/deskhand-slip-3',
    'absolute /etc': '/etc/deskhand-slip-4',
    'absolute /tmp': '/tmp/deskhand-slip-5',
    'C:\\x': 'C:\\slip-6',
    'C:/x': 'C:/slip-7',
    'backslash ..\\x': '..\\slip-8',
    'backslash frames\\..\\..\\x': 'frames\\..\\..\\slip-9',
    'NUL in a frame name': 'frames/0002.png\u0000../../slip-10',
    'NUL in session.json': 'session.json\u0000x',
    'a 60,000-byte name': `frames/${'a'.repeat(60_000)}.png`,
    'division slash ∕': '..\u2215slip-13',
    'fullwidth solidus ／': '..\uff0fslip-14',
    'one-dot leaders ․․/': '\u2024\u2024/slip-15',
    'a dot folder': './session.json',
    'a double slash': 'frames//0002.png',
    'an empty name': '',
    'a home folder': '~/slip-19',
    'a trailing space': 'frames/0002.png ',
    'terminal escapes in the name': 'frames/\u001b]0;pwned\u0007\u001b[2J.png',
  };
  return Object.entries(names).map(([what, name]) => withEntry(`zip-slip: ${what}`, [entry(name, 'x')], OUTSIDE));
}

function specialFiles() {
  const typed = (what, name, mode, data = 'x') => ({
    name: `special file: ${what}`,
    bytes: zipBytes(
      sessionEntries(ID).map((item) =>
        item.name === name ? { ...item, data: Buffer.from(data), unixMode: mode } : item,
      ),
    ),
    says: /link or special file/,
  });
  return [
    typed('symlink frame to /etc/passwd', 'frames/0001.png', 0o120777, '/etc/passwd'),
    typed('symlink session.json', 'session.json', 0o120777, '../../escape'),
    typed('character device', 'steps.jsonl', 0o020666),
    typed('folder as a frame', 'frames/0001.png', 0o040755),
    typed('FIFO', 'frames/0001.png', 0o010644),
    withEntry(
      'special file: extra symlink frame',
      [entry('frames/0002.png', '/etc/shadow', { unixMode: 0o120777 })],
      /link or special/,
    ),
  ];
}

function lyingHeaders() {
  const spoilFrame = (what, fields, says) => ({
    name: what,
    bytes: zipBytes(
      sessionEntries(ID).map((item) => (item.name === 'frames/0001.png' ? { ...item, ...fields } : item)),
    ),
    says,
  });
  const big = Buffer.alloc(200_000, 7);
  return [
    withEntry('duplicate: session.json twice', [entry('session.json', '{}')], /twice/),
    withEntry('duplicate: a frame twice', [entry('frames/0001.png', PNG_1X1)], /twice/),
    spoilFrame('local header names another file', { localName: '../../slip-l.png' }, /two different names/),
    spoilFrame('local header names a longer file', { localName: 'frames/0001.pngx' }, /two different names/),
    spoilFrame('local header offset past the end', { localOffset: 0x7fffffff }, /no local header/),
    spoilFrame('local header offset into data', { localOffset: 40 }, /no local header|two different names/),
    spoilFrame('local extra runs past the end', { localExtraLength: 0xffff }, /damaged/),
    spoilFrame('declared small, actual large (stored)', { declaredSize: 10 }, /bytes but the archive says/),
    spoilFrame('declared large, actual small (stored)', { declaredSize: 5000 }, /bytes but the archive says/),
    spoilFrame(
      'declared small, actual large (deflate)',
      { data: big, method: 8, declaredSize: 1000 },
      /more than the 1000 bytes/,
    ),
    spoilFrame(
      'declared large, actual small (deflate)',
      { data: big, method: 8, declaredSize: 300_000 },
      /bytes but the archive says/,
    ),
    spoilFrame('compressed size past the end', { compressedSize: 0xfffffff0 }, /damaged/),
    spoilFrame('CRC mismatch (stored)', { crc: 0x12345678 }, /checksum/),
    spoilFrame('CRC zero', { crc: 0 }, /checksum/),
    spoilFrame(
      'deflate stream that is garbage',
      { method: 8, packed: Buffer.from('not deflate at all, not at all') },
      /damaged|bytes but/,
    ),
    spoilFrame('method 12 (bzip2)', { method: 12 }, /compression method 12/),
    spoilFrame('method 14 (LZMA)', { method: 14 }, /compression method 14/),
    spoilFrame('method 99 (AES)', { method: 99 }, /compression method 99/),
    spoilFrame('method 9 (deflate64)', { method: 9 }, /compression method 9/),
    spoilFrame('encrypted flag', { flags: 1 }, /encrypted/),
    spoilFrame(
      'ZIP64 sizes (0xffffffff)',
      { declaredSize: 0xffffffff, compressedSize: 0xffffffff },
      /damaged|larger than/,
    ),
  ];
}

function directoryDamage() {
  const valid = zipBytes(sessionEntries(ID));
  const withEnd = (what, end, says) => ({ name: what, bytes: zipBytes(sessionEntries(ID), end), says });
  const many = Array.from({ length: 20_001 }, (_, index) =>
    entry(`frames/${String(index + 2).padStart(6, '0')}.png`, ''),
  );
  const fakeEnd = zipBytes([entry('../slip-c.png', 'x')]);
  return [
    withEnd('ZIP64: entry count 0xffff', { count: 0xffff }, /ZIP64|damaged/),
    withEnd('ZIP64: directory offset 0xffffffff', { offset: 0xffffffff }, /ZIP64/),
    withEnd('end record claims 5,000 entries', { count: 5000 }, /damaged/),
    withEnd('end record on another disk', { disk: 1 }, /several disks/),
    withEnd('directory offset into the frame', { offset: 10 }, /damaged/),
    {
      name: 'more entries than the limit (20,004)',
      bytes: zipBytes([...sessionEntries(ID), ...many]),
      says: /entries; a session has at most/,
    },
    { name: 'truncated to half', bytes: valid.subarray(0, valid.length >> 1), says: /not a ZIP/ },
    { name: 'truncated inside the end record', bytes: valid.subarray(0, valid.length - 5), says: /not a ZIP/ },
    { name: 'front cut off', bytes: valid.subarray(40), says: /damaged|no local header/ },
    { name: 'not a zip: text', bytes: Buffer.from('hello, this is a text file\n'.repeat(100)), says: /not a ZIP/ },
    { name: 'not a zip: a PNG', bytes: PNG_1X1, says: /not a ZIP/ },
    { name: 'not a zip: empty file', bytes: Buffer.alloc(0), says: /not a ZIP/ },
    { name: 'an empty zip', bytes: zipBytes([]), says: /no session\.json/ },
    { name: 'a zip inside the zip', bytes: zipSync({ 'inner.zip': valid }), says: OUTSIDE },
    { name: 'a zip as steps.jsonl', bytes: zipBytes(sessionEntries(ID, { steps: valid })), says: /not UTF-8/ },
    {
      name: 'comment hides a fake end record',
      bytes: zipBytes(sessionEntries(ID), { comment: fakeEnd }),
      says: /damaged|outside/,
    },
  ];
}

/** `bytes` bytes that deflate about `ratio`×: a seeded noise prefix (deflate cannot shrink it), then zeros. */
function compressible(bytes, ratio) {
  const data = new Uint8Array(bytes);
  let seed = 12345;
  for (let index = 0; index < bytes / ratio; index += 1) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    data[index] = seed >>> 24;
  }
  return data;
}

/** Expansion bombs on either side of the limits (100× per entry and 20× in total, past the first MiB). */
function bombs() {
  const base = Object.fromEntries(sessionEntries(ID).map((item) => [item.name, item.data]));
  const bomb = (what, data, says) => ({
    name: `bomb: ${what}`,
    bytes: zipSync({ ...base, 'frames/0002.png': [data, { level: 9 }] }),
    says,
  });
  const lie = (what, declaredSize, data, says) =>
    withEntry(`bomb: ${what}`, [entry('frames/0002.png', data, { method: 8, declaredSize })], says);
  const overTotal = Array.from({ length: 9 }, (_, index) =>
    entry(`frames/00${index + 20}.png`, Buffer.alloc(1_300_000), { declaredSize: 127_000_000 }),
  );
  return [
    bomb('60 MB of zeros (about 1,000×)', new Uint8Array(60_000_000), /expands \d+× when unpacked, more than the 100×/),
    bomb('2 MB at 150× (entry limit 100×)', compressible(2_000_000, 150), /more than the 100×/),
    bomb('2 MB at 50× (under the entry limit, over the 20× total)', compressible(2_000_000, 50), /more than the 20×/),
    bomb('8 MB at 30× (total just over 20×)', compressible(8_000_000, 30), /more than the 20×/),
    lie('declares 1 MB, inflates to 50 MB', 1_000_000, new Uint8Array(50_000_000), /more than the 1000000 bytes/),
    lie('declares 200 MB (over the 128 MiB entry limit)', 200_000_000, new Uint8Array(1000), /larger than 128 MiB/),
    withEntry('bomb: nine entries declaring 127 MB each (1.1 GB)', overTotal, /more than 1024 MiB/),
  ];
}

/** A frame at about 15× over 2 MB: under both limits, so the session is imported intact. */
export function underTheLimits(id) {
  const base = Object.fromEntries(sessionEntries(id).map((item) => [item.name, item.data]));
  return zipSync({ ...base, 'frames/0002.png': [compressible(2_000_000, 15), { level: 9 }] });
}

export function zipLevelCases() {
  return [...escapingNames(), ...specialFiles(), ...lyingHeaders(), ...directoryDamage(), ...bombs()];
}
