// Where sessions live by default: the OS's app-data folder (XDG on Linux). Node only.
import { join } from 'node:path';
import { redactUrl as redactServerUrl } from '../url-secrets.js';
import { appDataDir } from '../app-dirs.js';

/** The default sessions folder for this OS and environment. */
export function defaultSessionsDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return env.DESKHAND_SESSIONS_DIR || join(appDataDir(env, platform), 'sessions');
}

/** A sortable, unique session id: UTC time plus 4 random hex digits, e.g. 20261121-110512-3fa9. */
export function newSessionId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const suffix = Math.floor(Math.random() * 0x10000)
    .toString(16)
    .padStart(4, '0');
  return `${stamp}-${suffix}`;
}

/** A base URL safe to store: no user:password, no query or fragment (either may carry a key). */
export function redactUrl(url: string | null): string | null {
  return url === null ? null : redactServerUrl(url);
}
