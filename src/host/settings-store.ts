// Settings on disk as one JSON file, written atomically; a damaged file is kept aside, never overwritten. Node only.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DEFAULT_SETTINGS, Settings } from './protocol/settings.js';
import { appConfigDir } from '../app-dirs.js';
import { syncDir } from '../sessions/session-files.js';
import { HostError } from './dispatcher.js';

/** The default settings file: $XDG_CONFIG_HOME/deskhand/settings.json on Linux. */
export function defaultSettingsFile(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return join(appConfigDir(env, platform), 'settings.json');
}

export class SettingsStore {
  private constructor(
    private readonly file: string,
    private current: Settings,
    /** Why the stored file could not be used, if it could not (shown once to the user). */
    readonly problem: string | null,
  ) {}

  static async open(file: string): Promise<SettingsStore> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new SettingsStore(file, DEFAULT_SETTINGS, null);
      throw error;
    }
    const parsed = safeJson(text);
    const settings =
      parsed === undefined ? undefined : Settings.safeParse({ ...DEFAULT_SETTINGS, ...(parsed as object) });
    if (settings?.success) return new SettingsStore(file, settings.data, null);
    const aside = `${file}.damaged-${Date.now()}`;
    await rename(file, aside);
    return new SettingsStore(
      file,
      DEFAULT_SETTINGS,
      `The settings file was damaged; it was kept as ${aside} and defaults are in use.`,
    );
  }

  get(): Settings {
    return this.current;
  }

  /**
   * Saves `settings`. Saves run one after another (two clients saving at once used to share one temp file and leave a
   * damaged settings.json), each through a temp file of its own that is fsynced, renamed over the file, and made
   * durable by an fsync of the folder. A failure is reported without the file's path (clients must not learn it).
   */
  set(settings: Settings): Promise<Settings> {
    const valid = Settings.parse(settings);
    const saved = this.saving.then(() => this.write(valid));
    this.saving = saved.catch(() => undefined);
    return saved;
  }

  private saving: Promise<unknown> = Promise.resolve();

  private async write(valid: Settings): Promise<Settings> {
    const folder = dirname(this.file);
    const temporary = `${this.file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(folder, { recursive: true });
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(valid, null, 2) + '\n');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.file);
      await syncDir(folder);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      const code = (error as NodeJS.ErrnoException).code;
      throw new HostError('internal', `The settings could not be saved (${code ?? 'write failed'}); nothing changed.`);
    }
    this.current = valid;
    return valid;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
