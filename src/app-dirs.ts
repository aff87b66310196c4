// Deskhand's folders per OS: app data (sessions, models) and configuration (settings). Node only.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** XDG says a relative XDG_*_HOME is invalid and must be ignored. */
function xdgHome(value: string | undefined, fallback: string): string {
  return value?.startsWith('/') ? value : fallback;
}

/** ~/Library/Application Support/Deskhand, %APPDATA%\Deskhand, or the Linux folder `linuxBase`/deskhand. */
function deskhandDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, linuxBase: (home: string) => string): string {
  const home = env.HOME ?? homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Deskhand');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Deskhand');
  return join(linuxBase(home), 'deskhand');
}

/** Where data lives: $XDG_DATA_HOME/deskhand on Linux. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return deskhandDir(env, platform, (home) => xdgHome(env.XDG_DATA_HOME, join(home, '.local', 'share')));
}

/** Where configuration lives: $XDG_CONFIG_HOME/deskhand on Linux, the app-data folder elsewhere. */
export function appConfigDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return deskhandDir(env, platform, (home) => xdgHome(env.XDG_CONFIG_HOME, join(home, '.config')));
}
