// Hand-built ZIP bytes for the hostile-archive attacks: every header field can lie, which fflate never lets it. Node.
import { crc32, deflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/**
 * One entry. `data` is the uncompressed content; deflated when `method` is 8 (stored otherwise, whatever `method`
 * says). Every other field overrides what an honest writer would put: `declaredSize`, `compressedSize`, `crc`,
 * `flags`, `unixMode`, `packed`, `localExtraLength` (file type and permission bits, made on Unix), `localName`, `localExtra`, `localOffset`.
 */
export function entry(name, data, fields = {}) {
  return { name, data: typeof data === 'string' ? Buffer.from(data) : Buffer.from(data), ...fields };
}

/** The archive bytes for `entries`; `end` overrides end-of-directory fields (count, offset, disk, comment). */
export function zipBytes(entries, end = {}) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const item of entries) {
    const method = item.method ?? 0;
    const packed = item.packed ?? (method === 8 ? deflateRawSync(item.data) : item.data);
    const name = nameBytes(item.name);
    const local = localHeader(item, method, packed, nameBytes(item.localName ?? item.name));
    centrals.push(centralHeader(item, method, packed, name, item.localOffset ?? offset));
    locals.push(local, packed);
    offset += local.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = nameBytes(end.comment ?? '');
  const record = Buffer.alloc(22);
  record.writeUInt32LE(END, 0);
  record.writeUInt16LE(end.disk ?? 0, 4);
  record.writeUInt16LE(end.count ?? entries.length, 8);
  record.writeUInt16LE(end.count ?? entries.length, 10);
  record.writeUInt32LE(end.size ?? directory.length, 12);
  record.writeUInt32LE(end.offset ?? offset, 16);
  record.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directory, record, comment]);
}

function localHeader(item, method, packed, name) {
  const extra = item.localExtra ?? Buffer.alloc(0);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(item.flags ?? 0, 6);
  header.writeUInt16LE(item.method ?? method, 8);
  header.writeUInt32LE(item.crc ?? crc32(item.data), 14);
  header.writeUInt32LE(item.compressedSize ?? packed.length, 18);
  header.writeUInt32LE(item.declaredSize ?? item.data.length, 22);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(item.localExtraLength ?? extra.length, 28);
  return Buffer.concat([header, name, extra]);
}

function centralHeader(item, method, packed, name, offset) {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL, 0);
  header.writeUInt16LE(item.unixMode === undefined ? 20 : (3 << 8) | 20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(item.flags ?? 0, 8);
  header.writeUInt16LE(item.method ?? method, 10);
  header.writeUInt32LE(item.crc ?? crc32(item.data), 16);
  header.writeUInt32LE(item.compressedSize ?? packed.length, 20);
  header.writeUInt32LE(item.declaredSize ?? item.data.length, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(((item.unixMode ?? 0) << 16) >>> 0, 38);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, name]);
}

/** Names are written byte for byte: a string as UTF-8, so look-alikes and NULs reach the reader unchanged. */
function nameBytes(name) {
  return Buffer.isBuffer(name) ? name : Buffer.from(name, 'utf8');
}
