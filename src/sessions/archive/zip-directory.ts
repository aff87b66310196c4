// Reads a ZIP file's central directory without inflating anything, so every entry can be judged first. Node only.
import { ArchiveError } from './archive-error.js';

/** One entry as the central directory declares it; sizes are claims until the data is inflated and checked. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else is refused later. */
  method: number;
  compressedSize: number;
  /** The uncompressed size the archive claims. */
  declaredSize: number;
  crc32: number;
  encrypted: boolean;
  /** Unix file type bits when the archive was made on Unix (0o120000 for a symlink), else null. */
  unixType: number | null;
  /** Where the entry's compressed bytes start and end in the archive. */
  dataStart: number;
  dataEnd: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const UNIX_HOST = 3;

/** Every entry of the archive in `bytes`, with its data range checked against the file. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 8, true) !== count)
    throw new ArchiveError('The archive spans several disks; only single-file archives can be imported.');
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    throw new ArchiveError('The archive uses ZIP64, which Deskhand does not import; export the session again.');
  if (offset + size > end) throw new ArchiveError('The archive is truncated or damaged (bad central directory).');
  const entries: ZipEntry[] = [];
  let position = offset;
  for (let index = 0; index < count; index += 1) {
    const entry = readDirectoryEntry(bytes, view, position);
    entries.push(entry.entry);
    position = entry.next;
  }
  return entries;
}

/** The most bytes at the end of a ZIP that can hold its end-of-directory record (the record and a maximal comment). */
export const ZIP_TAIL_BYTES = 22 + 0xffff;

/** Throws the importer's "not a ZIP" error unless `tail` (a file's last bytes) holds an end-of-directory record. */
export function checkZipTail(tail: Uint8Array): void {
  findEndOfDirectory(new DataView(tail.buffer, tail.byteOffset, tail.byteLength));
}

function findEndOfDirectory(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - END_RECORD_SIZE - 0xffff);
  for (let position = view.byteLength - END_RECORD_SIZE; position >= lowest; position -= 1) {
    if (view.getUint32(position, true) === END_OF_DIRECTORY) return position;
  }
  throw new ArchiveError('The file is not a ZIP archive (no end-of-directory record); pass a file made by export.');
}

function readDirectoryEntry(bytes: Uint8Array, view: DataView, position: number): { entry: ZipEntry; next: number } {
  const damaged = () => new ArchiveError('The archive is truncated or damaged (bad directory entry).');
  if (position + 46 > view.byteLength || view.getUint32(position, true) !== DIRECTORY_ENTRY) throw damaged();
  const madeBy = view.getUint16(position + 4, true) >> 8;
  const flags = view.getUint16(position + 8, true);
  const nameLength = view.getUint16(position + 28, true);
  const next = position + 46 + nameLength + view.getUint16(position + 30, true) + view.getUint16(position + 32, true);
  if (next > view.byteLength) throw damaged();
  const name = decodeName(bytes.subarray(position + 46, position + 46 + nameLength));
  const localOffset = view.getUint32(position + 42, true);
  const compressedSize = view.getUint32(position + 20, true);
  const dataStart = localDataStart(bytes, view, localOffset, name);
  if (dataStart + compressedSize > view.byteLength) throw damaged();
  return {
    entry: {
      name,
      method: view.getUint16(position + 10, true),
      compressedSize,
      declaredSize: view.getUint32(position + 24, true),
      crc32: view.getUint32(position + 16, true),
      encrypted: (flags & 1) === 1,
      unixType: madeBy === UNIX_HOST ? (view.getUint32(position + 38, true) >>> 16) & 0o170000 : null,
      dataStart,
      dataEnd: dataStart + compressedSize,
    },
    next,
  };
}

/** The local header repeats the name; a mismatch means two tools would see different files, so it is refused. */
function localDataStart(bytes: Uint8Array, view: DataView, offset: number, name: string): number {
  if (offset + 30 > view.byteLength || view.getUint32(offset, true) !== LOCAL_HEADER)
    throw new ArchiveError(`The archive is damaged: entry "${name}" has no local header.`);
  const nameLength = view.getUint16(offset + 26, true);
  const start = offset + 30 + nameLength + view.getUint16(offset + 28, true);
  if (start > view.byteLength || decodeName(bytes.subarray(offset + 30, offset + 30 + nameLength)) !== name)
    throw new ArchiveError(`The archive is damaged: entry "${name}" has two different names.`);
  return start;
}

/** Names are kept byte for byte (latin1), so nothing non-ASCII can hide behind a decoding. */
function decodeName(raw: Uint8Array): string {
  return Buffer.from(raw).toString('latin1');
}
