// A full disk, on small tmpfs mounts: a run that fills it, an import into a nearly full one, a settings save on a
// full one. Where mounting is refused (not root, no capability) each attack counts as skipped, not held. Node only.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { firstLine, refusalProblem, runDeskhand } from './cli.mjs';
import { sessionEntries } from './archive-session.mjs';
import { hoverRunArgs, startHoverServer } from './hover-server.mjs';
import { sessionProblem } from './kills.mjs';
import { tally } from './tally.mjs';
import { entry, zipBytes } from './zip-bytes.mjs';

const dist = (path) => import(new URL(`../../dist/src/${path}`, import.meta.url).href);
const execFileAsync = promisify(execFile);
const KIND = 'full disk';

/** Mounts a tmpfs of `size` at `dir`; an unmount function, or null where mounting is refused. */
async function mountTmpfs(dir, size) {
  await mkdir(dir, { recursive: true });
  const mounted = await execFileAsync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).then(
    () => true,
    () => false,
  );
  return mounted ? () => execFileAsync('umount', [dir]).catch(() => undefined) : null;
}

/** Runs `attack(dir)` on a fresh tmpfs of `size`, unmounted afterwards whatever happens; skipped when refused. */
async function onTmpfs(results, dir, size, attack) {
  const unmount = await mountTmpfs(dir, size);
  if (!unmount) {
    const entry = (results[KIND] ??= { tried: 0, held: 0, lost: 0, examples: [] });
    entry.skipped = (entry.skipped ?? 0) + 1;
    return;
  }
  try {
    await tally(results, KIND, () => attack(dir));
  } finally {
    await unmount();
  }
}

/** Writes a file of zeros until the disk at `dir` is full (ENOSPC), keeping `spare` bytes free when given. */
async function fillDisk(dir, spare = 0) {
  const stats = await statfs(dir);
  const bytes = Math.max(0, stats.bavail * stats.bsize - spare);
  await writeFile(join(dir, 'filler'), Buffer.alloc(bytes)).catch((error) => {
    if (error.code !== 'ENOSPC') throw error;
  });
}

export async function fullDisk(results, work) {
  const server = await startHoverServer({ chunks: 2, chunkDelayMs: 1 });
  try {
    for (const size of ['96k', '160k', '400k'])
      await onTmpfs(results, join(work, 'disk', `run-${size}`), size, (dir) => runUntilFull(server.baseUrl, dir));
  } finally {
    await server.close();
  }
  await onTmpfs(results, join(work, 'disk', 'import'), '108m', (dir) => importNearlyFull(work, dir, 12_000_000));
  await onTmpfs(results, join(work, 'disk', 'import-full'), '1m', (dir) => importNearlyFull(work, dir, 0));
  await onTmpfs(results, join(work, 'disk', 'settings'), '64k', settingsOnFullDisk);
}

/** A run on a tiny disk: exit 1 saying "The disk is full", the steps recorded so far readable, no partial files. */
async function runUntilFull(baseUrl, dir) {
  const run = await runDeskhand(hoverRunArgs(baseUrl, dir, 300), { timeoutMs: 60_000 });
  if (run.code !== 1 || !run.stderr.includes('The disk is full')) return `exit ${run.code}: ${firstLine(run.stderr)}`;
  const end = JSON.parse(run.stdout.trim().split('\n').at(-1));
  if (end.type !== 'run-end' || !/^The disk is full/.test(end.outcome.message))
    return `ended with ${firstLine(run.stdout.split('\n').at(-2) ?? '')}`;
  const partial = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.tmp'));
  if (partial.length > 0) return `left ${partial.join(', ')} behind`;
  const acknowledged = run.stdout.split('\n').filter((line) => line.includes('"type":"step-recorded"')).length;
  const listed = await runDeskhand(['sessions', 'list', '--json', '--sessions-dir', dir]);
  const summary = JSON.parse(listed.stdout || '[]').find((session) => session.id === end.sessionId);
  return summary ? sessionProblem(dir, summary, acknowledged) : `the session ${end.sessionId} is not listed`;
}

/**
 * An import that would leave under 100 MB free: on 108 MiB (113 MB) with `filled` bytes taken (0: all), a 3 MB
 * session. Exit 2 saying to free space, and nothing written.
 */
async function importNearlyFull(work, dir, filled) {
  if (filled > 0) await writeFile(join(dir, 'filler'), Buffer.alloc(filled));
  else await fillDisk(dir);
  const id = '20260104-000000-full';
  const archive = join(work, 'disk', `${id}-${filled}.zip`);
  await writeFile(archive, zipBytes(sessionEntries(id, { extra: [entry('frames/0002.png', randomBytes(3_000_000))] })));
  const before = await readdir(dir, { recursive: true });
  const outcome = await runDeskhand(['sessions', 'import', archive, '--sessions-dir', join(dir, 'sessions')]);
  const problem = refusalProblem(outcome, { maxLines: 1 });
  if (problem) return problem;
  if (!/free some space/.test(outcome.stderr))
    return `the message does not say what to do: ${firstLine(outcome.stderr)}`;
  const after = await readdir(dir, { recursive: true });
  return after.length === before.length ? null : `wrote ${after.filter((name) => !before.includes(name)).join(', ')}`;
}

/** A settings save on a full disk fails with a clear message, and the saved settings.json stays as it was. */
async function settingsOnFullDisk(dir) {
  const { SettingsStore } = await dist('host/settings-store.js');
  const { DEFAULT_SETTINGS } = await dist('host/protocol/settings.js');
  const file = join(dir, 'settings.json');
  const store = await SettingsStore.open(file);
  await store.set({ ...DEFAULT_SETTINGS, loop: { ...DEFAULT_SETTINGS.loop, maxSteps: 7 } });
  const saved = await readFile(file);
  await fillDisk(dir);
  const failure = await store.set({ ...DEFAULT_SETTINGS, loop: { ...DEFAULT_SETTINGS.loop, maxSteps: 8 } }).then(
    () => 'the save on a full disk reported success',
    (error) =>
      /could not be saved \(ENOSPC\); nothing changed/.test(error.message) ? null : `failed with: ${error.message}`,
  );
  if (failure) return failure;
  if (!(await readFile(file)).equals(saved)) return 'settings.json changed';
  const left = (await readdir(dir)).filter((name) => name !== 'settings.json' && name !== 'filler');
  if (left.length > 0) return `left ${left.join(', ')} behind`;
  const reopened = await SettingsStore.open(file);
  return reopened.problem ?? (reopened.get().loop.maxSteps === 7 ? null : 'the old settings were not kept');
}
