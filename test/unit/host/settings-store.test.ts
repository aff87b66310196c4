// settings.json under concurrent saves: serialized, atomic, durable; a failed save names no path.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../src/host/dispatcher.js';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/host/protocol/settings.js';
import { SettingsStore } from '../../../src/host/settings-store.js';

let work: string;
beforeEach(async () => void (work = await mkdtemp(join(tmpdir(), 'deskhand-settings-'))));
afterEach(() => rm(work, { recursive: true, force: true }));

const withSteps = (maxSteps: number): Settings => ({
  ...DEFAULT_SETTINGS,
  loop: { ...DEFAULT_SETTINGS.loop, maxSteps },
});

describe('SettingsStore', () => {
  it('keeps the last of 50 concurrent saves from two clients intact across a restart', async () => {
    const file = join(work, 'deskhand', 'settings.json');
    const store = await SettingsStore.open(file);
    // Two clients, each saving 25 times without waiting: the saves interleave as two sockets' would.
    const saves = Array.from({ length: 50 }, (_, index) =>
      store.set(withSteps(index % 2 === 0 ? 10 + index : 500 + index)),
    );
    const results = await Promise.allSettled(saves);
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const reopened = await SettingsStore.open(file);
    expect(reopened.problem).toBeNull();
    expect(reopened.get().loop.maxSteps).toBe(500 + 49);
    expect(await readdir(join(work, 'deskhand'))).toEqual(['settings.json']);
  });

  it('reads a settings file written before max tokens per step existed, with its default of 8192', async () => {
    const file = join(work, 'settings.json');
    const { maxTokens: _absent, ...oldLoop } = DEFAULT_SETTINGS.loop;
    await writeFile(file, JSON.stringify({ ...DEFAULT_SETTINGS, loop: { ...oldLoop, maxSteps: 12 } }));
    const store = await SettingsStore.open(file);
    expect(store.problem).toBeNull();
    expect(store.get().loop).toMatchObject({ maxSteps: 12, maxTokens: 8192 });
  });

  it('reports a failed save without the file path, and keeps the settings it had', async () => {
    const file = join(work, 'blocker', 'settings.json');
    const store = await SettingsStore.open(file);
    await writeFile(join(work, 'blocker'), 'a file where the settings folder should be');
    const reply = await dispatchCall(
      { 'settings.set': (settings: Settings) => store.set(settings) } as never,
      'settings.set',
      withSteps(7),
    );
    expect(reply).toEqual({
      error: { code: 'internal', message: 'The settings could not be saved (EEXIST); nothing changed.' },
    });
    expect(JSON.stringify(reply)).not.toContain(work);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });
});
