// --sessions-dir (or DESKHAND_SESSIONS_DIR, or the default), checked before anything reads or writes there. Node only.
import { statSync, type Stats } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { defaultSessionsDir } from '../sessions/paths.js';
import { UsageError } from './usage.js';

/** Kernel file systems: a recursive mkdir there never ends, and nothing written there is kept. */
const PSEUDO_FILE_SYSTEMS = ['/proc', '/sys', '/dev'];

/**
 * The absolute sessions folder a command uses: the flag when given, else the default. Refused (exit 2, saying what to
 * do): an empty value (it would mean the current folder), the file-system root, /proc, /sys or /dev, a path that
 * exists but is not a folder, and a path under a file.
 */
export function sessionsDirFromFlag(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const source = flag === undefined ? 'DESKHAND_SESSIONS_DIR (or the default)' : '--sessions-dir';
  const value = flag ?? defaultSessionsDir(env);
  if (value.trim() === '') {
    throw new UsageError(`${source} is empty: give a folder, e.g. --sessions-dir ~/deskhand-sessions.`);
  }
  const dir = resolve(value);
  if (dir === resolve('/')) {
    throw new UsageError(`${source} is the root folder ${dir}: give a folder of its own, e.g. ~/deskhand-sessions.`);
  }
  const pseudo = PSEUDO_FILE_SYSTEMS.find((root) => dir === root || dir.startsWith(root + sep));
  if (pseudo !== undefined) {
    throw new UsageError(`${source} ${dir} is inside ${pseudo}, a kernel file system: give a folder on a disk.`);
  }
  const info = statOrNull(dir);
  if (info && 'fileAbove' in info) {
    const why = `lies under ${info.fileAbove}, a file, not a folder`;
    throw new UsageError(`${source} ${dir} ${why}: give a folder (it is created when missing).`);
  }
  if (info && !info.isDirectory()) {
    throw new UsageError(`${source} ${dir} is a file, not a folder: give a folder (it is created when missing).`);
  }
  return dir;
}

/**
 * The path's stat; null when it is missing; the file in the way when a part above it is a file. Node 20 throws
 * ENOTDIR for that, Node 22 returns nothing as for a missing path: look at the nearest part that exists.
 */
function statOrNull(path: string): Stats | { fileAbove: string } | null {
  const info = statIfPresent(path);
  if (info !== null) return info;
  const above = existingAbove(path);
  return above !== null && !above.info.isDirectory() ? { fileAbove: above.path } : null;
}

function statIfPresent(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

/** The nearest part above `path` that exists, and its stat. */
function existingAbove(path: string): { path: string; info: Stats } | null {
  for (let above = dirname(path); ; above = dirname(above)) {
    const info = statIfPresent(above);
    if (info !== null) return { path: above, info };
    if (dirname(above) === above) return null;
  }
}
