// Keeps the sessions folder within the user's limits (the newest N sessions, at most so many bytes) when a run
// starts. Never removes the session being recorded nor any other that a live process is still writing. Node only.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { listSessions } from './reader.js';
import { isBeingRecorded, LOCK_FILE } from './recording-lock.js';
import { exists } from './session-files.js';

export interface RetentionPolicy {
  /** Keep at most this many sessions (the newest); null for no limit. */
  keepSessions: number | null;
  /** Keep at most this many bytes of sessions, removing the oldest first; null for no limit. */
  keepBytes: number | null;
}

const BYTES_PER_GB = 1024 ** 3;

/** The policy for limits given as a session count and gigabytes (CLI flags, the app's settings). */
export function retentionPolicy(keepSessions: number | null, keepGb: number | null): RetentionPolicy {
  return { keepSessions, keepBytes: keepGb === null ? null : keepGb * BYTES_PER_GB };
}

export interface RetentionCandidate {
  id: string;
  dir: string;
  bytes: number;
  /** Being recorded right now: counted against the limits, never removed. */
  live: boolean;
}

export interface RetentionResult {
  removed: string[];
  /** Sessions that should have gone but could not be removed, with why. */
  problems: string[];
}

/** Which of `sessions` (newest first) to remove so that the rest fit the policy. */
export function sessionsToRemove(sessions: RetentionCandidate[], policy: RetentionPolicy): RetentionCandidate[] {
  const chosen = new Set<RetentionCandidate>();
  if (policy.keepSessions !== null) {
    sessions.slice(policy.keepSessions).forEach((session) => session.live || chosen.add(session));
  }
  if (policy.keepBytes !== null) {
    let total = sessions.filter((session) => !chosen.has(session)).reduce((sum, session) => sum + session.bytes, 0);
    for (const session of [...sessions].reverse()) {
      if (total <= policy.keepBytes) break;
      if (session.live || chosen.has(session)) continue;
      chosen.add(session);
      total -= session.bytes;
    }
  }
  return sessions.filter((session) => chosen.has(session));
}

/** Applies `policy` to `sessionsDir`; `activeSessionId` (the run that is starting) is always kept. */
export async function applyRetention(
  sessionsDir: string,
  policy: RetentionPolicy,
  activeSessionId: string | null,
): Promise<RetentionResult> {
  const result: RetentionResult = { removed: [], problems: [] };
  if (policy.keepSessions === null && policy.keepBytes === null) return result;
  const { sessions } = await listSessions(sessionsDir);
  const candidates: RetentionCandidate[] = [];
  for (const { info, dir } of sessions) {
    const live = info.id === activeSessionId || (info.endedAt === null && (await isBeingRecorded(dir)));
    // Sizes matter only to a byte limit; without one, no session folder is walked.
    const bytes = policy.keepBytes === null ? 0 : await folderBytes(dir);
    candidates.push({ id: info.id, dir, bytes, live });
  }
  for (const session of sessionsToRemove(candidates, policy)) {
    await rm(session.dir, { recursive: true, force: true }).then(
      () => result.removed.push(session.id),
      (error: unknown) => result.problems.push(`${session.dir}: ${(error as Error).message}`),
    );
  }
  await removeAbandonedStaging(sessionsDir);
  return result;
}

/** Folders `.ID.partial` of runs killed while creating their session (their lock names a dead process). */
async function removeAbandonedStaging(sessionsDir: string): Promise<void> {
  const names = await readdir(sessionsDir).catch(() => [] as string[]);
  for (const name of names.filter((candidate) => /^\..+\.partial$/.test(candidate))) {
    const dir = join(sessionsDir, name);
    if ((await exists(join(dir, LOCK_FILE))) && !(await isBeingRecorded(dir)))
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function folderBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else
      total += await stat(path).then(
        (file) => file.size,
        () => 0,
      );
  }
  return total;
}
