// Judges and inflates archive entries: only session files, no links, sizes capped both declared and actual. Node only.
import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';
import { ArchiveError } from './archive-error.js';
import { isSessionFileName } from './archive-layout.js';
import type { ZipEntry } from './zip-directory.js';

export interface ArchiveLimits {
  /** Largest uncompressed size of one entry, in bytes. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all entries together, in bytes. */
  maxTotalBytes: number;
  maxEntries: number;
  /**
   * Largest expansion (uncompressed / compressed) of one entry and of the whole archive, counted past the first MiB:
   * frames barely compress and a recorded run's JSON compresses about 10×, so a 1,000× archive is a bomb.
   */
  maxEntryRatio: number;
  maxTotalRatio: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntryBytes: 128 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntries: 20_000,
  maxEntryRatio: 100,
  maxTotalRatio: 20,
};

/** Below this many uncompressed bytes no ratio is judged: small files compress arbitrarily well and cost nothing. */
const RATIO_FREE_BYTES = 1024 * 1024;

function expandsTooFar(unpacked: number, packed: number, ratio: number): boolean {
  return unpacked > RATIO_FREE_BYTES && unpacked > ratio * Math.max(1, packed);
}

const REGULAR_FILE = 0o100000;
const INFLATE_CHUNK = 16 * 1024;

/** The entries worth inflating (directory entries dropped), after checking names, types and declared sizes. */
export function checkEntries(entries: ZipEntry[], limits: ArchiveLimits): ZipEntry[] {
  if (entries.length > limits.maxEntries)
    throw new ArchiveError(`The archive has ${entries.length} entries; a session has at most ${limits.maxEntries}.`);
  const files = entries.filter((entry) => !(entry.name === 'frames/' && entry.declaredSize === 0));
  const seen = new Set<string>();
  let total = 0;
  let packed = 0;
  for (const entry of files) {
    checkName(entry.name);
    if (seen.has(entry.name)) throw new ArchiveError(`The archive holds "${entry.name}" twice; it was tampered with.`);
    seen.add(entry.name);
    if (entry.unixType !== null && entry.unixType !== 0 && entry.unixType !== REGULAR_FILE)
      throw new ArchiveError(`"${entry.name}" is a link or special file; a session archive holds plain files only.`);
    if (entry.encrypted)
      throw new ArchiveError(`"${entry.name}" is encrypted; export the session again without a password.`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new ArchiveError(`"${entry.name}" uses compression method ${entry.method}; only stored and deflate work.`);
    if (entry.declaredSize > limits.maxEntryBytes) throw tooLarge(entry.name, limits.maxEntryBytes);
    if (expandsTooFar(entry.declaredSize, entry.compressedSize, limits.maxEntryRatio))
      throw new ArchiveError(
        `"${entry.name}" expands ${Math.round(entry.declaredSize / Math.max(1, entry.compressedSize))}× when unpacked, ` +
          `more than the ${limits.maxEntryRatio}× a session file does; refusing the archive.`,
      );
    total += entry.declaredSize;
    packed += entry.compressedSize;
    if (total > limits.maxTotalBytes) throw totalTooLarge(limits.maxTotalBytes);
  }
  if (expandsTooFar(total, packed, limits.maxTotalRatio))
    throw new ArchiveError(
      `The archive expands ${Math.round(total / Math.max(1, packed))}× when unpacked, more than the ` +
        `${limits.maxTotalRatio}× a session does; refusing it.`,
    );
  return files;
}

function checkName(name: string): void {
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\') || name.split('/').includes('..'))
    throw new ArchiveError(`The archive entry "${name}" points outside the session folder; refusing to import it.`);
  if (!isSessionFileName(name))
    throw new ArchiveError(
      `The archive entry "${name}" is not part of a session (expected session.json, steps.jsonl and frames/NNNN.jpg|png).`,
    );
}

/** The entry's bytes; stops inflating as soon as it passes its declared size, so a ZIP bomb costs nothing. */
export function inflateEntry(archive: Uint8Array, entry: ZipEntry): Uint8Array {
  const compressed = archive.subarray(entry.dataStart, entry.dataEnd);
  const data = entry.method === 0 ? compressed : inflateCapped(compressed, entry);
  if (data.length !== entry.declaredSize)
    throw new ArchiveError(`"${entry.name}" is ${data.length} bytes but the archive says ${entry.declaredSize}.`);
  if (crc32(data) !== entry.crc32) throw new ArchiveError(`"${entry.name}" is damaged (checksum mismatch).`);
  return data;
}

function inflateCapped(compressed: Uint8Array, entry: ZipEntry): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > entry.declaredSize)
      throw new ArchiveError(
        `"${entry.name}" inflates to more than the ${entry.declaredSize} bytes the archive declares (a ZIP bomb?); refusing it.`,
      );
    chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < compressed.length || offset === 0; offset += INFLATE_CHUNK) {
      inflater.push(compressed.subarray(offset, offset + INFLATE_CHUNK), offset + INFLATE_CHUNK >= compressed.length);
    }
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError(`"${entry.name}" is damaged (${error instanceof Error ? error.message : String(error)}).`);
  }
  return Buffer.concat(chunks);
}

function tooLarge(name: string, limit: number): ArchiveError {
  return new ArchiveError(`"${name}" is larger than ${formatBytes(limit)}, the most one session file may hold.`);
}

function totalTooLarge(limit: number): ArchiveError {
  return new ArchiveError(`The archive unpacks to more than ${formatBytes(limit)}, the most one session may hold.`);
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`;
}
