import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeFrame } from '../../../src/desktop/encode.js';
import type { Display, Frame, Operator } from '../../../src/desktop/types.js';
import { emptyAction, type Action } from '../../../src/glm/actions.js';
import type { RunEvent } from '../../../src/run-protocol/run-events.js';
import type { ReplayPlan, ReplayStep } from '../../../src/rerun/plan-steps.js';
import { rerunSession } from '../../../src/rerun/rerun-loop.js';
import type { VerifyMode } from '../../../src/rerun/thresholds.js';
import { readSession } from '../../../src/sessions/reader.js';
import { SessionRecorder } from '../../../src/sessions/recorder.js';
import { SESSION_FORMAT_VERSION } from '../../../src/sessions/schema.js';

const DISPLAY: Display = { id: 'fake', bounds: { x: 0, y: 0, width: 320, height: 180 }, scaleFactor: 1, primary: true };

/** A screen with a dark square at `squareX`; the square is the target of the recorded click. */
function screen(squareX: number): Frame {
  const { width, height } = DISPLAY.bounds;
  const pixels = Buffer.alloc(width * height * 4, 230);
  for (let y = 60; y < 120; y++) pixels.fill(20, (y * width + squareX) * 4, (y * width + squareX + 60) * 4);
  return {
    displayId: 'fake',
    pixels,
    channelOrder: 'bgra',
    width,
    height,
    bounds: DISPLAY.bounds,
    scaleFactor: 1,
    capturedAt: 0,
  };
}

class ScreenOperator implements Operator {
  readonly executed: Action[] = [];
  released = 0;
  constructor(public squareX: number) {}
  async displays() {
    return [DISPLAY];
  }
  async capture(_id: string, signal?: AbortSignal) {
    signal?.throwIfAborted();
    return screen(this.squareX);
  }
  async execute(action: Action, _frame: Frame, signal: AbortSignal) {
    signal.throwIfAborted();
    this.executed.push(action);
  }
  async settle() {
    return 0;
  }
  async release() {
    this.released++;
  }
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskhand-rerun-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A recorded session folder whose frame shows the square at x 100, and a plan that clicks it then types. */
async function recordedPlan(): Promise<ReplayPlan> {
  const source = join(dir, 'source');
  await mkdir(join(source, 'frames'), { recursive: true });
  await writeFile(join(source, 'frames/0001.jpg'), (await encodeFrame(screen(100), { format: 'jpeg' })).data);
  const planned = (sourceStep: number, action: Action): ReplayStep => ({
    sourceStep,
    action,
    explanation: `recorded ${sourceStep}`,
    memory: '[]',
    frame: 'frames/0001.jpg',
    frameSize: { width: 320, height: 180 },
  });
  return {
    steps: [
      planned(1, { ...emptyAction('left_click'), point: [130, 90] }),
      planned(2, { ...emptyAction('type'), text: 'hi' }),
    ],
    ending: { ...planned(3, emptyAction('done')), kind: 'done' },
  };
}

async function rerun(operator: ScreenOperator, verify: VerifyMode, signal = new AbortController().signal) {
  const recorder = await SessionRecorder.create(join(dir, 'sessions'), {
    formatVersion: SESSION_FORMAT_VERSION,
    id: 'rerun-session',
    task: 'rerun of source: click',
    backend: { kind: 'rerun', model: 'm', baseUrl: null },
    display: { id: 'fake', bounds: DISPLAY.bounds, scaleFactor: 1 },
    maxSteps: 3,
    startedAt: new Date().toISOString(),
    endedAt: null,
    outcome: null,
    steps: 0,
    deskhandVersion: 'test',
  });
  const events: RunEvent[] = [];
  const result = await rerunSession(await recordedPlan(), {
    sourceDir: join(dir, 'source'),
    operator,
    displayId: 'fake',
    recorder,
    verify,
    signal,
    emit: (event) => events.push(event),
    verifyTiming: { settleCapMs: 0, retryWindowMs: 100, retryIntervalMs: 40 },
  });
  return { result, events, session: await readSession(join(dir, 'sessions'), 'rerun-session') };
}

describe('rerunSession', () => {
  it('replays every action on an unchanged screen and ends with the recorded DONE (exit 0)', async () => {
    const operator = new ScreenOperator(100);
    const { result, events, session } = await rerun(operator, 'strict');
    expect(result).toMatchObject({ exitCode: 0, outcome: { kind: 'done' }, steps: 3, mismatch: null });
    expect(operator.executed.map((action) => action.name)).toEqual(['left_click', 'type']);
    expect(operator.released).toBe(1);
    expect(session.steps.map((step) => [step.action.name, step.acted, step.frame])).toEqual([
      ['left_click', true, 'frames/0001.png'],
      ['type', true, 'frames/0002.png'],
      ['done', false, 'frames/0003.png'],
    ]);
    expect(session.info.outcome?.kind).toBe('done');
    expect(events.at(-1)).toMatchObject({ type: 'run-end', steps: 3, sessionId: 'rerun-session' });
  });

  it('stops before the click with exit 6 when the target moved, naming the step, and records why', async () => {
    const operator = new ScreenOperator(120);
    const { result, session } = await rerun(operator, 'strict');
    expect(result).toMatchObject({ exitCode: 6, outcome: { kind: 'stuck' } });
    expect(result.mismatch).toMatch(/^Step 1 \(recorded step 1, left_click at 130,90\) was not carried out/);
    expect(operator.executed).toEqual([]);
    expect(session.steps).toHaveLength(1);
    expect(session.steps[0]).toMatchObject({ acted: false, error: result.mismatch });
  });

  it('acts on a changed screen with --verify off', async () => {
    const operator = new ScreenOperator(120);
    const { result } = await rerun(operator, 'off');
    expect(result.exitCode).toBe(0);
    expect(operator.executed).toHaveLength(2);
  });

  it('a stop ends the rerun with exit 4 and acts no more', async () => {
    const operator = new ScreenOperator(100);
    const controller = new AbortController();
    operator.execute = async (action) => {
      operator.executed.push(action);
      controller.abort(new DOMException('Stopped', 'AbortError'));
    };
    const { result, session } = await rerun(operator, 'strict', controller.signal);
    expect(result).toMatchObject({ exitCode: 4, outcome: { kind: 'stopped' } });
    expect(operator.executed).toHaveLength(1);
    expect(session.info.outcome?.kind).toBe('stopped');
  });
});
