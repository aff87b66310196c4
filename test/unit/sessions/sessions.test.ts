import { appendFile, mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyAction } from '../../../src/glm/actions.js';
import { defaultSessionsDir, newSessionId, redactUrl } from '../../../src/sessions/paths.js';
import { listSessions, readSession } from '../../../src/sessions/reader.js';
import { SessionRecorder } from '../../../src/sessions/recorder.js';
import { SESSION_FORMAT_VERSION, type SessionInfo, type StepRecord } from '../../../src/sessions/schema.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskhand-sessions-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sessionInfo(id: string, startedAt = '2026-11-21T10:00:00.000Z'): SessionInfo {
  return {
    formatVersion: SESSION_FORMAT_VERSION,
    id,
    task: 'fill the form',
    backend: { kind: 'openai', model: 'glm', baseUrl: redactUrl('http://user:secret@127.0.0.1:8000/v1?key=sk-1') },
    display: { id: 'screen', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 },
    maxSteps: 10,
    startedAt,
    endedAt: null,
    outcome: null,
    steps: 0,
    deskhandVersion: '0.1.0',
  };
}

function stepRecord(step: number, frame: string): StepRecord {
  return {
    step,
    startedAt: '2026-11-21T10:00:01.000Z',
    frame,
    frameSize: { width: 1920, height: 1080 },
    raw: "<answer>ok <|begin_of_box|>left_click(start_box='[500,500]')<|end_of_box|></answer>",
    thinking: 'look at the screen',
    explanation: 'ok',
    memory: '[]',
    action: { ...emptyAction('left_click'), box: [500, 500], point: [960, 540] },
    error: null,
    inputPoint: { x: 960, y: 540 },
    acted: true,
    timings: {
      captureMs: 5,
      encodeMs: 20,
      firstTokenMs: 100,
      generationMs: 900,
      parseMs: 0.2,
      actMs: 3,
      settleMs: 120,
      recordMs: null,
    },
    usage: { promptTokens: 3000, completionTokens: 200 },
  };
}

describe('session recorder and reader', () => {
  it('writes session.json, fsynced steps and frames that the reader returns whole', async () => {
    const recorder = await SessionRecorder.create(dir, sessionInfo('20261121-100000-aaaa'));
    const frame = await recorder.writeFrame(1, Buffer.from('jpeg bytes'), 'jpg');
    await recorder.appendStep(stepRecord(1, frame));
    await recorder.appendStep(stepRecord(2, await recorder.writeFrame(2, Buffer.from('more'), 'jpg')));
    await recorder.finish({ kind: 'done', message: 'all done' }, new Date('2026-11-21T10:01:00.000Z'));

    const detail = await readSession(dir, '20261121-100000-aaaa');
    expect(detail.info).toMatchObject({ steps: 2, outcome: { kind: 'done' }, endedAt: '2026-11-21T10:01:00.000Z' });
    expect(detail.steps.map((step) => step.step)).toEqual([1, 2]);
    expect(detail.steps[0]).toEqual(stepRecord(1, 'frames/0001.jpg'));
    expect(detail.warnings).toEqual([]);
    expect(await readFile(join(detail.dir, frame), 'utf8')).toBe('jpeg bytes');
    expect(await readdir(detail.dir)).toEqual(expect.arrayContaining(['session.json', 'steps.jsonl', 'frames']));
  });

  it('stores the server URL without credentials or query, so no key reaches the disk', async () => {
    const recorder = await SessionRecorder.create(dir, sessionInfo('20261121-100000-bbbb'));
    const text = await readFile(join(recorder.dir, 'session.json'), 'utf8');
    expect(text).toContain('http://127.0.0.1:8000/v1');
    expect(text).not.toMatch(/secret|sk-1|user/);
  });

  it('accepts a torn last line and reports a damaged middle line', async () => {
    const recorder = await SessionRecorder.create(dir, sessionInfo('20261121-100000-cccc'));
    await recorder.appendStep(stepRecord(1, await recorder.writeFrame(1, Buffer.from('one'), 'jpg')));
    await appendFile(join(recorder.dir, 'steps.jsonl'), '{"step": 2, "oops\n');
    await recorder.appendStep(stepRecord(3, await recorder.writeFrame(3, Buffer.from('three'), 'jpg')));
    await appendFile(join(recorder.dir, 'steps.jsonl'), '{"step": 4, "raw": "cut he');

    const detail = await readSession(dir, '20261121-100000');
    expect(detail.steps.map((step) => step.step)).toEqual([1, 3]);
    expect(detail.warnings).toEqual([
      'steps.jsonl line 2 is damaged and was skipped',
      'steps.jsonl line 4 is torn (the run was interrupted while writing it)',
      'steps.jsonl: step 2 is missing',
    ]);
  });

  it('lists sessions newest first, skips a corrupt session.json with a reason, and shows unfinished runs', async () => {
    await SessionRecorder.create(dir, sessionInfo('20261121-090000-0001', '2026-11-21T09:00:00.000Z'));
    const newer = await SessionRecorder.create(dir, sessionInfo('20261121-110000-0002', '2026-11-21T11:00:00.000Z'));
    await newer.finish({ kind: 'stopped', message: 'Stopped by the user.' });
    const broken = await SessionRecorder.create(dir, sessionInfo('20261121-100000-0003'));
    await writeFile(join(broken.dir, 'session.json'), '{"formatVersion": 1, "id": ');

    const { sessions, problems } = await listSessions(dir);
    expect(sessions.map((session) => [session.info.id, session.info.outcome?.kind ?? null])).toEqual([
      ['20261121-110000-0002', 'stopped'],
      ['20261121-090000-0001', null],
    ]);
    expect(problems).toEqual([{ dir: broken.dir, message: 'session.json is not valid JSON (the file is damaged)' }]);
  });

  it('a missing sessions folder is an empty list, an unknown id an error that says what to do', async () => {
    expect(await listSessions(join(dir, 'nowhere'))).toEqual({ sessions: [], problems: [] });
    await expect(readSession(dir, 'nope')).rejects.toThrow(/No session "nope".*deskhand sessions list/);
    await expect(readSession(dir, '../etc')).rejects.toThrow(/not a session id/);
  });
});

describe('session paths', () => {
  it('follows XDG on Linux, Application Support on macOS and APPDATA on Windows', () => {
    expect(defaultSessionsDir({ HOME: '/home/ada' }, 'linux')).toBe('/home/ada/.local/share/deskhand/sessions');
    expect(defaultSessionsDir({ HOME: '/home/ada', XDG_DATA_HOME: '/data' }, 'linux')).toBe('/data/deskhand/sessions');
    expect(defaultSessionsDir({ HOME: '/home/ada', XDG_DATA_HOME: 'relative' }, 'linux')).toBe(
      '/home/ada/.local/share/deskhand/sessions',
    );
    expect(defaultSessionsDir({ HOME: '/Users/ada' }, 'darwin')).toBe(
      '/Users/ada/Library/Application Support/Deskhand/sessions',
    );
    expect(defaultSessionsDir({ HOME: 'C:/Users/ada', APPDATA: 'C:/AppData' }, 'win32')).toMatch(
      /^C:\/AppData.Deskhand.sessions$/,
    );
    expect(defaultSessionsDir({ HOME: '/h', DESKHAND_SESSIONS_DIR: '/x' }, 'linux')).toBe('/x');
  });

  it('makes sortable unique ids', () => {
    const id = newSessionId(new Date('2026-11-21T10:05:12.345Z'));
    expect(id).toMatch(/^20261121-100512-[0-9a-f]{4}$/);
  });
});
