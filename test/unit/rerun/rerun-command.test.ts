import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rerunCommand } from '../../../src/cli/rerun-command.js';
import { emptyAction } from '../../../src/glm/actions.js';
import { scaleAction, sizesMap } from '../../../src/rerun/scale-action.js';
import { SESSION_FORMAT_VERSION } from '../../../src/sessions/schema.js';

let sessionsDir: string;
beforeEach(async () => {
  sessionsDir = await mkdtemp(join(tmpdir(), 'deskhand-rerun-cli-'));
});
afterEach(async () => {
  await rm(sessionsDir, { recursive: true, force: true });
});

const io = () => ({ stdout: new PassThrough(), stderr: new PassThrough(), env: {}, signals: new PassThrough() });

/** A session whose only step is an unparseable answer followed by DONE: nothing was carried out. */
async function writeSessionWithoutActions(id: string): Promise<void> {
  await writeOneStepSession(id, emptyAction('done'), false);
}

async function writeOneStepSession(id: string, action: ReturnType<typeof emptyAction>, acted: boolean): Promise<void> {
  const dir = join(sessionsDir, id);
  await mkdir(join(dir, 'frames'), { recursive: true });
  const info = {
    formatVersion: SESSION_FORMAT_VERSION,
    id,
    task: 'nothing',
    backend: { kind: 'openai', model: 'm', baseUrl: null },
    display: { id: 'screen', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 },
    maxSteps: 5,
    startedAt: '2026-11-21T10:00:00.000Z',
    endedAt: '2026-11-21T10:00:05.000Z',
    outcome: { kind: 'done', message: 'ok' },
    steps: 1,
    deskhandVersion: 'test',
  };
  await writeFile(join(dir, 'session.json'), JSON.stringify(info));
  const nullTimings = Object.fromEntries(
    ['captureMs', 'encodeMs', 'firstTokenMs', 'generationMs', 'parseMs', 'actMs', 'settleMs', 'recordMs'].map((k) => [
      k,
      null,
    ]),
  );
  const step = {
    step: 1,
    startedAt: info.startedAt,
    frame: 'frames/0001.jpg',
    frameSize: { width: 1920, height: 1080 },
    raw: '',
    thinking: '',
    explanation: 'Done.',
    memory: '[]',
    action,
    error: null,
    inputPoint: null,
    acted,
    timings: nullTimings,
    usage: { promptTokens: null, completionTokens: null },
  };
  await writeFile(join(dir, 'steps.jsonl'), JSON.stringify(step) + '\n');
}

describe('deskhand sessions rerun: usage errors before anything touches the desktop', () => {
  it('refuses an unknown --verify mode, an unknown session and a session with nothing to replay', async () => {
    await expect(rerunCommand(['x', '--verify', 'sloppy', '--sessions-dir', sessionsDir], io())).rejects.toThrow(
      '--verify must be one of strict, loose, off, got "sloppy".',
    );
    await expect(rerunCommand(['missing', '--sessions-dir', sessionsDir], io())).rejects.toMatchObject({
      name: 'UsageError',
      message: expect.stringContaining('No session "missing"'),
    });
    await writeSessionWithoutActions('20261121-100000-abcd');
    await expect(rerunCommand(['20261121-100000-abcd', '--sessions-dir', sessionsDir], io())).rejects.toMatchObject({
      name: 'UsageError',
      message: expect.stringContaining('nothing to rerun'),
    });
  });
});

describe('another display size', () => {
  it('maps only with the same aspect ratio, scaling pixel centres', () => {
    expect(sizesMap({ width: 1920, height: 1080 }, { width: 1280, height: 720 })).toBe(true);
    expect(sizesMap({ width: 1920, height: 1080 }, { width: 1280, height: 1024 })).toBe(false);
    const click = {
      ...emptyAction('left_drag'),
      point: [959, 539] as [number, number],
      endPoint: [1919, 0] as [number, number],
    };
    expect(scaleAction(click, { width: 1920, height: 1080 }, { width: 1280, height: 720 })).toMatchObject({
      point: [639, 359],
      endPoint: [1279, 0],
    });
  });
});

describe('deskhand sessions rerun: secrets', () => {
  it('asks for every secret a recorded type step uses before touching the desktop', async () => {
    await writeOneStepSession(
      '20261121-100000-beef',
      { ...emptyAction('type'), text: 'pw: {{secret:PASSWORD}}' },
      true,
    );
    await expect(rerunCommand(['20261121-100000-beef', '--sessions-dir', sessionsDir], io())).rejects.toMatchObject({
      name: 'UsageError',
      message: expect.stringContaining('--secret PASSWORD=ENV_VAR'),
    });
    const unset = ['20261121-100000-beef', '--sessions-dir', sessionsDir, '--secret', 'PASSWORD=RERUN_TEST_PW'];
    await expect(rerunCommand(unset, io())).rejects.toThrow('RERUN_TEST_PW is empty or not set');
  });
});
