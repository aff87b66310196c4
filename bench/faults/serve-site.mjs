// What the serve attacks aim at: a sessions folder with a plain session and sessions with links planted in them, and a
// canary file outside every folder serve may show; plus the check that no byte of the canary came back. Node only.
import { mkdir, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { benchFrame, writeSession } from './session-writer.mjs';

export const PLAIN_SESSION = 'bench-plain-session';
/** In the plain session's task: a refused request must not carry it. */
export const SESSION_MARKER = 'PLAIN-SESSION-TASK-7f3a';
const CANARY_MARKER = 'CANARY-OUTSIDE-THE-SESSIONS-9d41c2';

/**
 * Writes the sessions and the canary under `work`: `linked-file` has a frame that is a link to the canary,
 * `linked-folder` a frames folder that is a link to a folder holding it.
 */
export async function prepareSite(work) {
  const sessionsDir = join(work, 'sessions');
  const outside = join(work, 'outside');
  await mkdir(join(outside, 'frames'), { recursive: true });
  const canary = join(outside, 'secret.png');
  // A real PNG (so a report would embed it) with the marker after its end (so a raw read shows it).
  const canaryBytes = Buffer.concat([await benchFrame(7), Buffer.from(CANARY_MARKER)]);
  await writeFile(canary, canaryBytes);
  await writeFile(join(outside, 'frames', '0001.png'), canaryBytes);
  await writeSession(sessionsDir, { id: PLAIN_SESSION, task: `Plain ${SESSION_MARKER}`, steps: [{}, {}] });
  const linkedFile = await writeSession(sessionsDir, { id: 'linked-file', steps: [{}] });
  await rm(join(linkedFile, 'frames', '0001.png'));
  await symlink(canary, join(linkedFile, 'frames', '0001.png'));
  const linkedFolder = await writeSession(sessionsDir, { id: 'linked-folder', steps: [{}] });
  await rename(join(linkedFolder, 'frames'), join(work, 'frames-aside'));
  await symlink(join(outside, 'frames'), join(linkedFolder, 'frames'));
  return { sessionsDir, canary, canaryBytes, sessionIds: async () => (await readdir(sessionsDir)).sort() };
}

/** What of the canary an answer's body carries (raw, base64 as a report embeds it, or inside a ZIP), or null. */
export function canaryIn(body, site) {
  if (body.includes(CANARY_MARKER)) return 'the canary file';
  if (body.includes(site.canaryBytes.toString('base64').slice(0, 400))) return 'the canary file, base64';
  if (body.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') return null;
  try {
    const entries = Object.values(unzipSync(new Uint8Array(body)));
    return entries.some((data) => Buffer.from(data).includes(CANARY_MARKER)) ? 'the canary file, in the ZIP' : null;
  } catch {
    return null;
  }
}

/**
 * Null when `response` is a refusal that carries nothing: status 403 and serve's refusal text or page, no token, no
 * session, no canary.
 */
export function refusedEmpty(response, site, serve) {
  if (response.status !== 403) return `answered ${response.status}`;
  const text = response.body.toString('utf8');
  if (text.includes(serve.token)) return 'the refusal carries the token';
  if (text.includes(SESSION_MARKER)) return 'the refusal carries a session';
  if (!/^Refused \(|<title>Deskhand: link refused<\/title>|^$/.test(text))
    return `an unexpected body: ${text.slice(0, 80)}`;
  return canaryIn(response.body, site);
}
