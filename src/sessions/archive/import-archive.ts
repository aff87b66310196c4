// Unpacks a session archive into the sessions folder, only after every entry and the session itself check out. Node only.
import { mkdir, mkdtemp, open, readFile, rm, stat, statfs } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { diskSessionFiles } from '../session-files.js';
import { ArchiveError, DuplicateSessionError } from './archive-error.js';
import { checkEntries, DEFAULT_ARCHIVE_LIMITS, inflateEntry, type ArchiveLimits } from './archive-entries.js';
import { SESSION_FILE } from './archive-layout.js';
import { validateSessionFiles } from './validate-session-files.js';
import { checkZipTail, readZipDirectory, ZIP_TAIL_BYTES } from './zip-directory.js';

export interface ImportedSession {
  id: string;
  dir: string;
  stepCount: number;
  tornLastLine: boolean;
}

/** Imports the archive at `archivePath` as a new session under `sessionsDir`; never replaces an existing one. */
export async function importSessionArchive(
  archivePath: string,
  sessionsDir: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Promise<ImportedSession> {
  return importSessionArchiveBytes(await readArchive(archivePath, limits), sessionsDir, limits);
}

/** Imports an archive already in memory (an upload to the app) exactly as `importSessionArchive` does a file. */
export async function importSessionArchiveBytes(
  archive: Uint8Array,
  sessionsDir: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Promise<ImportedSession> {
  if (archive.byteLength > maxArchiveBytes(limits))
    throw new ArchiveError('The file is larger than any session Deskhand imports; it is not a session archive.');
  const entries = checkEntries(readZipDirectory(archive), limits);
  await checkFreeSpace(
    sessionsDir,
    entries.reduce((sum, entry) => sum + entry.declaredSize, 0),
  );
  const files = new Map(entries.map((entry) => [entry.name, inflateEntry(archive, entry)]));
  const session = validateSessionFiles(files);
  const dir = join(sessionsDir, session.info.id);
  if (await stat(dir).catch(() => null)) throw duplicate(session.info.id, sessionsDir);
  await mkdir(sessionsDir, { recursive: true });
  // A dot-folder beside the sessions: the same file system, so the final rename is atomic; readers skip it.
  const temp = await mkdtemp(join(sessionsDir, '.import-'));
  try {
    await mkdir(join(temp, 'frames'));
    const ordered = [...files.keys()].sort((a, b) => Number(a === SESSION_FILE) - Number(b === SESSION_FILE));
    for (const name of ordered)
      await diskSessionFiles.writeAtomically(join(temp, ...name.split('/')), files.get(name)!);
    await diskSessionFiles.rename(temp, dir).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOTEMPTY' || error.code === 'EEXIST' ? duplicate(session.info.id, sessionsDir) : error;
    });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  return { id: session.info.id, dir, stepCount: session.stepCount, tornLastLine: session.tornLastLine };
}

async function readArchive(path: string, limits: ArchiveLimits): Promise<Uint8Array> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile())
    throw new ArchiveError(`No archive at ${path}; pass the .zip that \`sessions export --zip\` wrote.`);
  if (info.size > maxArchiveBytes(limits))
    throw new ArchiveError(`${path} is larger than any session Deskhand imports; it is not a session archive.`);
  // Only a file that ends like a ZIP is read whole: a large upload of anything else costs a 64 KiB read.
  const handle = await open(path, 'r');
  try {
    const tailLength = Math.min(info.size, ZIP_TAIL_BYTES);
    const tail = new Uint8Array(tailLength);
    await handle.read(tail, 0, tailLength, info.size - tailLength);
    checkZipTail(tail);
  } finally {
    await handle.close();
  }
  return readFile(path);
}

/** The largest archive that could unpack within `limits`: headers add well under 1 KiB per entry. */
export function maxArchiveBytes(limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): number {
  return limits.maxTotalBytes + limits.maxEntries * 1024;
}

/** Refuses an import the disk cannot hold (with room to spare), before anything is written. */
async function checkFreeSpace(sessionsDir: string, bytes: number): Promise<void> {
  let folder = sessionsDir;
  while (!(await stat(folder).catch(() => null)) && dirname(folder) !== folder) folder = dirname(folder);
  const stats = await statfs(folder).catch(() => null);
  if (stats === null) return;
  const free = stats.bavail * stats.bsize;
  const needed = bytes + FREE_SPACE_MARGIN_BYTES;
  if (free < needed) {
    throw new ArchiveError(
      `The session unpacks to ${Math.ceil(bytes / 1e6)} MB and ${sessionsDir} has ${Math.floor(free / 1e6)} MB free ` +
        `(${FREE_SPACE_MARGIN_BYTES / 1e6} MB are kept free); free some space and import again.`,
    );
  }
}

/** What an import leaves free on the disk, so recording the next run still works. */
const FREE_SPACE_MARGIN_BYTES = 100_000_000;

function duplicate(id: string, sessionsDir: string): DuplicateSessionError {
  return new DuplicateSessionError(
    id,
    `A session ${id} already exists in ${sessionsDir}; it was not overwritten. Delete that folder first, or import with --sessions-dir into another folder.`,
  );
}
