// Everything a task's setup and check may use: a fresh HOME, the app environment, launching, windows, pages. Node only.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sleep } from '../abortable.js';
import type { PageServer } from './page-server.js';
import { XWindows } from './windows.js';

/** The suite's fixed screen size: transcripts' points are correct for it. */
export const SUITE_SCREEN = { width: 1280, height: 800 } as const;

export interface TaskContext {
  /** A fresh folder that is the apps' HOME; the task's files live here. */
  readonly home: string;
  /** The environment apps run in: this desktop's DISPLAY, HOME and XDG folders, keyfile settings, C.UTF-8. */
  readonly env: NodeJS.ProcessEnv;
  readonly windows: XWindows;
  readonly pages: PageServer;
  /** Starts an app in its own process group, which the harness ends at teardown. */
  launch(command: string, args: readonly string[], options?: { cwd?: string }): ChildProcess;
}

/** A TaskContext plus the harness's side of it. */
export interface OwnedTaskContext extends TaskContext {
  /** Ends every launched process group (SIGTERM, then SIGKILL after a grace period). */
  endLaunched(): Promise<void>;
}

/** GTK settings for a steady screen: no blinking caret and no animations, so screenshots settle fast. */
const GTK_SETTINGS = '[Settings]\ngtk-cursor-blink=false\ngtk-enable-animations=false\n';

/** Prepares `home` and returns the context for one task attempt on `display`. */
export async function createTaskContext(home: string, display: string, pages: PageServer): Promise<OwnedTaskContext> {
  const folders = { config: join(home, '.config'), data: join(home, '.local/share'), runtime: join(home, '.run') };
  await mkdir(join(folders.config, 'gtk-3.0'), { recursive: true });
  await mkdir(folders.data, { recursive: true });
  await mkdir(folders.runtime, { recursive: true });
  await chmod(folders.runtime, 0o700);
  await writeFile(join(folders.config, 'gtk-3.0', 'settings.ini'), GTK_SETTINGS);
  const env = appEnvironment(process.env, { display, home, ...folders });
  const launched: ChildProcess[] = [];
  return {
    home,
    env,
    windows: new XWindows(env),
    pages,
    launch(command, args, options = {}) {
      const child = spawn(command, [...args], { cwd: options.cwd ?? home, env, detached: true, stdio: 'ignore' });
      child.on('error', () => undefined);
      launched.push(child);
      return child;
    },
    endLaunched: () => Promise.all(launched.map(endProcessGroup)).then(() => undefined),
  };
}

/**
 * The apps' environment. The user's session bus is left out so that an app cannot hand our file to an instance
 * already running on the user's desktop; GSettings go to a keyfile in HOME, which checks can read.
 */
export function appEnvironment(
  base: NodeJS.ProcessEnv,
  place: { display: string; home: string; config: string; data: string; runtime: string },
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'WAYLAND_DISPLAY', 'XDG_CURRENT_DESKTOP', 'GTK_MODULES']) {
    delete env[name];
  }
  return {
    ...env,
    DISPLAY: place.display,
    HOME: place.home,
    XDG_CONFIG_HOME: place.config,
    XDG_DATA_HOME: place.data,
    XDG_CACHE_HOME: join(place.home, '.cache'),
    XDG_RUNTIME_DIR: place.runtime,
    GSETTINGS_BACKEND: 'keyfile',
    NO_AT_BRIDGE: '1',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
  };
}

async function endProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(-child.pid!, signal);
      return true;
    } catch {
      return false;
    }
  };
  if (!signalGroup('SIGTERM')) return;
  for (let waited = 0; waited < 2000; waited += 50) {
    if (!signalGroup(0)) return;
    await sleep(50);
  }
  signalGroup('SIGKILL');
}
