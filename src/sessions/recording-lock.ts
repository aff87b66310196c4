// The marker a session folder holds while a process records into it, so retention never deletes a live session.
// Node has no portable file lock; a pid plus host name is checked instead (a kill -9 leaves a marker of a dead pid).
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const LOCK_FILE = 'recording.lock';

const LockContents = z.object({ pid: z.number().int().positive(), host: z.string() });

/** What the recording process writes into its session's lock file. */
export function lockFileText(pid = process.pid, host = hostname()): string {
  return JSON.stringify({ pid, host }) + '\n';
}

/** True while the lock's process is alive; a lock from another machine counts as held, since it cannot be checked. */
export async function isBeingRecorded(
  sessionDir: string,
  isAlive: (pid: number) => boolean = processIsAlive,
): Promise<boolean> {
  const text = await readFile(join(sessionDir, LOCK_FILE), 'utf8').catch(() => null);
  if (text === null) return false;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return false;
  }
  const lock = LockContents.safeParse(json);
  if (!lock.success) return false;
  return lock.data.host !== hostname() || isAlive(lock.data.pid);
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
