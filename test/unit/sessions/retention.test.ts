import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionRecorder } from '../../../src/sessions/recorder.js';
import { LOCK_FILE, lockFileText } from '../../../src/sessions/recording-lock.js';
import { applyRetention, sessionsToRemove, type RetentionCandidate } from '../../../src/sessions/retention.js';
import { SESSION_FORMAT_VERSION } from '../../../src/sessions/schema.js';

const DEAD_PID = 2 ** 22 + 17;

const candidate = (id: string, bytes: number, live = false): RetentionCandidate => ({
  id,
  dir: `/s/${id}`,
  bytes,
  live,
});
const ids = (chosen: RetentionCandidate[]) => chosen.map((session) => session.id);

describe('which sessions retention removes', () => {
  const newestFirst = [
    candidate('e', 10),
    candidate('d', 10, true),
    candidate('c', 10),
    candidate('b', 10),
    candidate('a', 10),
  ];

  it('keeps the newest N, counting a live session but never removing one', () => {
    expect(ids(sessionsToRemove(newestFirst, { keepSessions: 2, keepBytes: null }))).toEqual(['c', 'b', 'a']);
    expect(ids(sessionsToRemove(newestFirst, { keepSessions: 1, keepBytes: null }))).toEqual(['c', 'b', 'a']);
    expect(ids(sessionsToRemove(newestFirst, { keepSessions: 9, keepBytes: null }))).toEqual([]);
  });

  it('removes the oldest until the rest fit in the byte limit', () => {
    expect(ids(sessionsToRemove(newestFirst, { keepSessions: null, keepBytes: 30 }))).toEqual(['b', 'a']);
    expect(ids(sessionsToRemove(newestFirst, { keepSessions: null, keepBytes: 0 }))).toEqual(['e', 'c', 'b', 'a']);
    expect(ids(sessionsToRemove(newestFirst, { keepSessions: 4, keepBytes: 35 }))).toEqual(['b', 'a']);
  });
});

describe('retention on disk', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'deskhand-retention-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function session(id: string, startedAt: string, state: 'finished' | 'live' | 'killed') {
    const recorder = await SessionRecorder.create(dir, {
      formatVersion: SESSION_FORMAT_VERSION,
      id,
      task: 't',
      backend: { kind: 'openai', model: 'm', baseUrl: null },
      display: { id: 'screen', bounds: { x: 0, y: 0, width: 1, height: 1 }, scaleFactor: 1 },
      maxSteps: 1,
      startedAt,
      endedAt: null,
      outcome: null,
      steps: 0,
      deskhandVersion: 't',
    });
    await recorder.writeFrame(1, Buffer.alloc(1000), 'jpg');
    if (state === 'finished') await recorder.finish({ kind: 'done', message: 'ok' });
    if (state === 'killed') await writeFile(join(recorder.dir, LOCK_FILE), lockFileText(DEAD_PID));
    return recorder;
  }

  it('removes old and killed sessions, never the new one nor one another process is still recording', async () => {
    await session('a-killed', '2026-01-01T00:00:00Z', 'killed');
    await session('b-live', '2026-01-02T00:00:00Z', 'live');
    await session('c-done', '2026-01-03T00:00:00Z', 'finished');
    const current = await session('d-new', '2026-01-04T00:00:00Z', 'live');
    const result = await applyRetention(dir, { keepSessions: 1, keepBytes: null }, current.id);
    expect(result).toEqual({ removed: ['c-done', 'a-killed'], problems: [] });
    expect((await readdir(dir)).sort()).toEqual(['b-live', 'd-new']);
  });

  it('applies a byte limit and leaves everything alone without a policy', async () => {
    await session('a', '2026-01-01T00:00:00Z', 'finished');
    await session('b', '2026-01-02T00:00:00Z', 'finished');
    const current = await session('c', '2026-01-03T00:00:00Z', 'live');
    expect(await applyRetention(dir, { keepSessions: null, keepBytes: null }, current.id)).toEqual({
      removed: [],
      problems: [],
    });
    const result = await applyRetention(dir, { keepSessions: null, keepBytes: 3300 }, current.id);
    expect(result.removed).toEqual(['a']);
  });

  it('removes the staging folder of a run killed while creating its session, but not a live one', async () => {
    await writeFile(join(dir, 'placeholder'), '');
    for (const [name, pid] of [
      ['.x-dead.partial', DEAD_PID],
      ['.x-live.partial', process.pid],
    ] as const) {
      await mkdir(join(dir, name));
      await writeFile(join(dir, name, LOCK_FILE), lockFileText(pid));
    }
    await applyRetention(dir, { keepSessions: 5, keepBytes: null }, null);
    expect((await readdir(dir)).sort()).toEqual(['.x-live.partial', 'placeholder']);
  });
});
