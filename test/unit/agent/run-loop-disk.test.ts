import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runAgent } from '../../../src/agent/run-loop.js';
import { readSession } from '../../../src/sessions/reader.js';
import { SessionRecorder } from '../../../src/sessions/recorder.js';
import { diskSessionFiles, type SessionFiles } from '../../../src/sessions/session-files.js';
import { SESSION_FORMAT_VERSION } from '../../../src/sessions/schema.js';
import { FAKE_DISPLAY, FakeBackend, FakeOperator } from '../../support/fake-agent-parts.js';

const click = { answer: "<answer>Click.\n<|begin_of_box|>left_click(start_box='[5,5]')<|end_of_box|></answer>" };
let sessionsDir: string;
beforeEach(async () => {
  sessionsDir = await mkdtemp(join(tmpdir(), 'deskhand-disk-'));
});
afterEach(async () => {
  await rm(sessionsDir, { recursive: true, force: true });
});

/** The real disk until `failFrom` writes in (counting frame writes and appends), then every write fails with `code`. */
function diskThatFills(failFrom: number, code: string): SessionFiles {
  let writes = 0;
  const refuse = () => Object.assign(new Error(`${code}: refused`), { code });
  return {
    ...diskSessionFiles,
    async writeAtomically(path, data) {
      if (path.includes('frames') && ++writes >= failFrom) throw refuse();
      if (!path.includes('frames') && writes >= failFrom) throw refuse();
      return diskSessionFiles.writeAtomically(path, data);
    },
    async append(path, data) {
      if (++writes >= failFrom) throw refuse();
      return diskSessionFiles.append(path, data);
    },
  };
}

async function runOn(files: SessionFiles) {
  const recorder = await SessionRecorder.create(
    sessionsDir,
    {
      formatVersion: SESSION_FORMAT_VERSION,
      id: 'disk',
      task: 'click',
      backend: { kind: 'fake', model: 'fake', baseUrl: null },
      display: { id: FAKE_DISPLAY.id, bounds: FAKE_DISPLAY.bounds, scaleFactor: 1 },
      maxSteps: 9,
      startedAt: new Date().toISOString(),
      endedAt: null,
      outcome: null,
      steps: 0,
      deskhandVersion: 'test',
    },
    { files },
  );
  const operator = new FakeOperator();
  const result = await runAgent({
    task: 'click',
    backend: new FakeBackend([click]),
    operator,
    display: FAKE_DISPLAY,
    recorder,
    maxSteps: 9,
    signal: new AbortController().signal,
    onEvent: () => undefined,
  });
  return { result, operator, session: await readSession(sessionsDir, 'disk') };
}

it('a disk that fills up mid-run ends it before the next action, keeping the steps recorded so far', async () => {
  // Writes: frame 1, step 1, frame 2, step 2, frame 3 (refused).
  const { result, operator, session } = await runOn(diskThatFills(5, 'ENOSPC'));
  expect(result.outcome).toEqual({
    kind: 'error',
    message: `The disk is full: writing the frame of step 3 failed (no space is left on the device); the 2 steps recorded so far are kept in ${session.dir}.`,
  });
  expect(result.exitCode).toBe(1);
  expect(operator.executed).toHaveLength(2);
  expect(session.steps.map((step) => step.step)).toEqual([1, 2]);
  expect(session.warnings).toEqual([]);
});

it('a folder that stops being writable ends the run the same way, naming the step it could not record', async () => {
  const { result, session } = await runOn(diskThatFills(4, 'EACCES'));
  expect(result.outcome.message).toBe(
    `The session could not be written: recording step 2 failed (permission denied); the 1 step recorded so far is kept in ${session.dir}.`,
  );
  expect(session.steps.map((step) => step.step)).toEqual([1]);
});
