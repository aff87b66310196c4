// Which path a session's own file is at, when links do not lead it out of the session folder. Node only.
import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';

/**
 * `dir`/`relative` (forward slashes), or null when it is missing or a link (the file itself or a folder on its way)
 * leads out of `dir`: a frame linked to a file elsewhere must never be served or embedded in a report.
 */
export async function sessionFileInside(dir: string, relative: string): Promise<string | null> {
  const path = join(dir, ...relative.split('/'));
  const [real, realDir] = await Promise.all([realpath(path), realpath(dir)]).catch(() => [null, null]);
  return real !== null && realDir !== null && real.startsWith(realDir + sep) ? path : null;
}
