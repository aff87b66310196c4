// How the recorder touches the disk: every write is durable before it returns. Behind an interface so that tests can
// make any write fail (a full disk, a read-only folder) without root mounts. Node only.
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface SessionFiles {
  /** Creates a folder and its parents. */
  makeDir(path: string): Promise<void>;
  /** Leaves `path` either absent, as it was, or holding all of `data` after a crash: temp file, fsync, rename. */
  writeAtomically(path: string, data: string | Uint8Array): Promise<void>;
  /** Appends `data` and fsyncs the file. */
  append(path: string, data: string): Promise<void>;
  /** Renames a file or folder and fsyncs the folder that now holds it. */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file; a missing one is fine. */
  remove(path: string): Promise<void>;
}

export const diskSessionFiles: SessionFiles = {
  async makeDir(path) {
    await mkdir(path, { recursive: true }).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      // A recursive mkdir reports ENOENT when the file system refused (EROFS, EACCES): ask once more without it.
      let missing = path;
      while (dirname(missing) !== missing && !(await exists(dirname(missing)))) missing = dirname(missing);
      await mkdir(missing);
      throw error;
    });
  },
  async writeAtomically(path, data) {
    const temporary = `${path}.tmp`;
    try {
      await writeAndSync(temporary, data, 'w');
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
    await syncDir(dirname(path));
  },
  async append(path, data) {
    await writeAndSync(path, data, 'a');
  },
  async rename(from, to) {
    await rename(from, to);
    await syncDir(dirname(to));
  },
  async remove(path) {
    await rm(path, { force: true });
  },
};

/** Whether anything exists at `path`. */
export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function writeAndSync(path: string, data: string | Uint8Array, flag: 'w' | 'a'): Promise<void> {
  const handle = await open(path, flag);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A rename or a new file is durable only once its folder's entry is: fsync the folder (not possible on Windows). */
export async function syncDir(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
