import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyStepTimings } from '../../../src/agent/timing.js';
import { emptyAction } from '../../../src/glm/actions.js';
import { listSessions, readSession } from '../../../src/sessions/reader.js';
import { SessionRecorder } from '../../../src/sessions/recorder.js';
import { isBeingRecorded, LOCK_FILE, lockFileText } from '../../../src/sessions/recording-lock.js';
import { diskSessionFiles, type SessionFiles } from '../../../src/sessions/session-files.js';
import { stepNumberWarnings } from '../../../src/sessions/session-checks.js';
import { SessionWriteError } from '../../../src/sessions/session-write-error.js';
import { SESSION_FORMAT_VERSION, type SessionInfo, type StepRecord } from '../../../src/sessions/schema.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskhand-durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const info = (id: string): SessionInfo => ({
  formatVersion: SESSION_FORMAT_VERSION,
  id,
  task: 'fill the form',
  backend: { kind: 'openai', model: 'glm', baseUrl: null },
  display: { id: 'screen', bounds: { x: 0, y: 0, width: 10, height: 10 }, scaleFactor: 1 },
  maxSteps: 10,
  startedAt: '2026-11-21T10:00:00.000Z',
  endedAt: null,
  outcome: null,
  steps: 0,
  deskhandVersion: '0.1.0',
});

const step = (number: number, frame = `frames/${String(number).padStart(4, '0')}.jpg`): StepRecord => ({
  step: number,
  startedAt: '2026-11-21T10:00:01.000Z',
  frame,
  frameSize: { width: 10, height: 10 },
  raw: 'raw',
  thinking: 'thinking',
  explanation: 'explanation',
  memory: '[]',
  action: emptyAction('wait'),
  error: null,
  inputPoint: null,
  acted: true,
  timings: emptyStepTimings(),
  usage: { promptTokens: null, completionTokens: null },
});

const errno = (code: string) => Object.assign(new Error(`${code}: refused`), { code });

/** The real disk, except that the writes `failWhen` picks throw `code`. */
function failingFiles(code: string, failWhen: (operation: string, path: string) => boolean): SessionFiles {
  const fail = (operation: string, path: string) => {
    if (failWhen(operation, path)) throw errno(code);
  };
  return {
    makeDir: async (path) => (fail('makeDir', path), diskSessionFiles.makeDir(path)),
    writeAtomically: async (path, data) => (fail('write', path), diskSessionFiles.writeAtomically(path, data)),
    append: async (path, data) => (fail('append', path), diskSessionFiles.append(path, data)),
    rename: async (from, to) => (fail('rename', to), diskSessionFiles.rename(from, to)),
    remove: (path) => diskSessionFiles.remove(path),
  };
}

describe('a session that survives a kill at any instant', () => {
  it('appears whole: the folder is renamed into place with session.json and a lock held by this process', async () => {
    const recorder = await SessionRecorder.create(dir, info('s1'));
    expect((await readdir(dir)).sort()).toEqual(['s1']);
    expect((await readdir(recorder.dir)).sort()).toEqual(['frames', LOCK_FILE, 'session.json']);
    expect(await isBeingRecorded(recorder.dir)).toBe(true);
    await recorder.finish({ kind: 'done', message: 'ok' });
    expect(await readdir(recorder.dir)).not.toContain(LOCK_FILE);
    expect(await isBeingRecorded(recorder.dir)).toBe(false);
  });

  it('a lock whose process is gone (kill -9) is not held', async () => {
    const recorder = await SessionRecorder.create(dir, info('s2'));
    await writeFile(join(recorder.dir, LOCK_FILE), lockFileText(2 ** 22 + 17));
    expect(await isBeingRecorded(recorder.dir)).toBe(false);
    expect(await isBeingRecorded(recorder.dir, () => true)).toBe(true);
  });

  it('leaves no session folder when session.json cannot be written, and says which folder refused', async () => {
    const files = failingFiles('EACCES', (operation, path) => operation === 'write' && path.endsWith('session.json'));
    const error = await SessionRecorder.create(dir, info('s3'), { files }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SessionWriteError);
    expect((error as Error).message).toBe(`Cannot record a session in ${dir}: permission denied.`);
    expect((await readSession(dir, 's3').catch(() => null)) === null).toBe(true);
  });

  it('reports a missing frame, a gap in step numbers and a leftover session.json.tmp without failing', async () => {
    const recorder = await SessionRecorder.create(dir, info('s4'));
    await recorder.appendStep(step(1, await recorder.writeFrame(1, Buffer.from('jpeg'), 'jpg')));
    await recorder.appendStep(step(3));
    await writeFile(join(recorder.dir, 'session.json.tmp'), '{"formatVers');
    const detail = await readSession(dir, 's4');
    expect(detail.steps.map((record) => record.step)).toEqual([1, 3]);
    expect(detail.warnings).toEqual([
      'steps.jsonl: step 2 is missing',
      'step 3: its frame frames/0003.jpg is missing',
      'session.json.tmp was left behind: the run ended while rewriting session.json',
    ]);
  });

  it('after a kill: the list counts the steps recorded, and a partial frame file is cleaned when the session is opened', async () => {
    const recorder = await SessionRecorder.create(dir, info('s9'));
    for (let number = 1; number <= 3; number++) {
      await recorder.appendStep(step(number, await recorder.writeFrame(number, Buffer.from('png'), 'png')));
    }
    // The kill: the lock names a dead process, a frame write never finished, session.json still says 0 steps.
    await writeFile(join(recorder.dir, LOCK_FILE), lockFileText(2 ** 22 + 17));
    await writeFile(join(recorder.dir, 'frames', '0004.png.tmp'), 'partial');
    const [listed] = (await listSessions(dir)).sessions;
    expect(listed!.info.steps).toBe(3);
    const detail = await readSession(dir, 's9');
    expect(detail.warnings).toEqual(['removed 1 partial frame file(s) a killed run left in frames/']);
    expect((await readdir(join(recorder.dir, 'frames'))).sort()).toEqual(['0001.png', '0002.png', '0003.png']);
  });

  it('cuts an over-long field when recording, saying how much went, so the session stays readable', async () => {
    const recorder = await SessionRecorder.create(dir, { ...info('s11'), task: 't'.repeat(12_000) });
    const long = {
      ...step(1, await recorder.writeFrame(1, Buffer.from('png'), 'png')),
      thinking: 'zq '.repeat(500_000),
    };
    await recorder.appendStep(long);
    const detail = await readSession(dir, 's11');
    expect(detail.info.task.length).toBe(10_000);
    expect(detail.steps[0]!.thinking.length).toBe(1_000_000);
    expect(detail.steps[0]!.thinking).toMatch(/ … \[cut by Deskhand: 500,\d{3} more characters\]$/);
  });

  it("leaves a live recording's partial frame alone", async () => {
    const recorder = await SessionRecorder.create(dir, info('s10'));
    await writeFile(join(recorder.dir, 'frames', '0001.png.tmp'), 'being written');
    expect((await readSession(dir, 's10')).warnings).toEqual([]);
    expect(await readdir(join(recorder.dir, 'frames'))).toEqual(['0001.png.tmp']);
  });

  it('starts a new line after an append that failed part-way, so the next step is not glued to torn bytes', async () => {
    let failNext = false;
    const files: SessionFiles = {
      ...diskSessionFiles,
      async append(path, data) {
        if (!failNext) return diskSessionFiles.append(path, data);
        failNext = false;
        await appendFile(path, data.slice(0, 9));
        throw errno('ENOSPC');
      },
    };
    const recorder = await SessionRecorder.create(dir, info('s5'), { files });
    await recorder.appendStep(step(1, await recorder.writeFrame(1, Buffer.from('a'), 'jpg')));
    failNext = true;
    await expect(recorder.appendStep(step(2))).rejects.toThrow(
      `The disk is full: recording step 2 failed (no space is left on the device); the 1 step recorded so far is kept in ${recorder.dir}.`,
    );
    await recorder.appendStep(step(3, await recorder.writeFrame(3, Buffer.from('c'), 'jpg')));
    const lines = (await readFile(join(recorder.dir, 'steps.jsonl'), 'utf8')).split('\n');
    expect(lines.map((line) => line.slice(0, 9))).toEqual(['{"step":1', '{"step":2', '{"step":3', '']);
    expect((await readSession(dir, 's5')).warnings).toEqual([
      'steps.jsonl line 2 is damaged and was skipped',
      'steps.jsonl: step 2 is missing',
    ]);
  });

  it('a frame that cannot be written is a SessionWriteError that counts the steps kept', async () => {
    const files = failingFiles('ENOSPC', (operation, path) => operation === 'write' && path.endsWith('0002.jpg'));
    const recorder = await SessionRecorder.create(dir, info('s6'), { files });
    await recorder.appendStep(step(1, await recorder.writeFrame(1, Buffer.from('a'), 'jpg')));
    await expect(recorder.writeFrame(2, Buffer.from('b'), 'jpg')).rejects.toThrow(
      `The disk is full: writing the frame of step 2 failed (no space is left on the device); the 1 step recorded so far is kept in ${recorder.dir}.`,
    );
  });

  it('names every kind of break in the step numbers', () => {
    expect(stepNumberWarnings([{ step: 1 }, { step: 2 }, { step: 3 }])).toEqual([]);
    expect(stepNumberWarnings([{ step: 2 }])).toEqual(['steps.jsonl: step 1 is missing']);
    expect(stepNumberWarnings([{ step: 1 }, { step: 5 }])).toEqual(['steps.jsonl: step 2–4 is missing']);
    expect(stepNumberWarnings([{ step: 1 }, { step: 1 }])).toEqual(['steps.jsonl: step 1 is out of order or repeated']);
  });
});
