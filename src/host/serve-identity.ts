// The token and port `deskhand serve` reuses across restarts, so an open tab reconnects to the same URL. Kept in
// serve.json beside settings.json, owner-only (0600): the token is a credential and is never logged. Node only.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export const ServeIdentity = z.object({
  /** 48 hex digits (24 random bytes). */
  token: z.string().regex(/^[0-9a-f]{48}$/),
  /** The port the last serve listened on; reused unless --port says otherwise. */
  port: z.number().int().min(1).max(65535),
});
export type ServeIdentity = z.infer<typeof ServeIdentity>;

/** serve.json in the folder of `settingsFile`. */
export function serveIdentityFile(settingsFile: string): string {
  return join(dirname(settingsFile), 'serve.json');
}

export function newServeToken(): string {
  return randomBytes(24).toString('hex');
}

/** The stored identity, or null when there is none or the file is unreadable (a new token is then made). */
export async function readServeIdentity(file: string): Promise<ServeIdentity | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = ServeIdentity.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Writes `identity` through an owner-only temp file renamed into place, so the file is never world-readable. */
export async function saveServeIdentity(file: string, identity: ServeIdentity): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(ServeIdentity.parse(identity), null, 2) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
