import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PauseGate } from '../../../src/agent/pause-gate.js';
import { runAgent, type RunOptions } from '../../../src/agent/run-loop.js';
import { BackendError, type ChatBackend } from '../../../src/backends/chat-backend.js';
import type { RunEvent } from '../../../src/run-protocol/run-events.js';
import { readSession } from '../../../src/sessions/reader.js';
import { SessionRecorder } from '../../../src/sessions/recorder.js';
import { SESSION_FORMAT_VERSION } from '../../../src/sessions/schema.js';
import { FAKE_DISPLAY, FakeBackend, FakeOperator, type ScriptedAnswer } from '../../support/fake-agent-parts.js';

const click = (x: number, y: number): ScriptedAnswer => ({
  reasoning: `I should click at ${x},${y}.`,
  answer: `<answer>Click it.\n<|begin_of_box|>left_click(start_box='[${x},${y}]')<|end_of_box|>\nMemory:\n["clicked"]</answer>`,
});
const DONE: ScriptedAnswer = {
  reasoning: 'All set.',
  answer: '<answer>Finished.\n<|begin_of_box|>DONE()<|end_of_box|></answer>',
};

let sessionsDir: string;
beforeEach(async () => {
  sessionsDir = await mkdtemp(join(tmpdir(), 'deskhand-loop-'));
});
afterEach(async () => {
  await rm(sessionsDir, { recursive: true, force: true });
});

async function run(
  backend: ChatBackend,
  operator: FakeOperator,
  options: Partial<Pick<RunOptions, 'maxSteps' | 'signal' | 'gate' | 'confirm' | 'initialHistory'>> & {
    prepare?: (recorder: SessionRecorder) => void;
    onEvent?: (event: RunEvent) => void;
  } = {},
) {
  const recorder = await SessionRecorder.create(sessionsDir, {
    formatVersion: SESSION_FORMAT_VERSION,
    id: 'test-session',
    task: 'click the button',
    backend: { kind: backend.kind, model: backend.model, baseUrl: null },
    display: { id: FAKE_DISPLAY.id, bounds: FAKE_DISPLAY.bounds, scaleFactor: 1 },
    maxSteps: options.maxSteps ?? 10,
    startedAt: new Date().toISOString(),
    endedAt: null,
    outcome: null,
    steps: 0,
    deskhandVersion: 'test',
  });
  options.prepare?.(recorder);
  const events: RunEvent[] = [];
  const result = await runAgent({
    task: 'click the button',
    backend,
    operator,
    display: FAKE_DISPLAY,
    recorder,
    maxSteps: options.maxSteps ?? 10,
    signal: options.signal ?? new AbortController().signal,
    gate: options.gate,
    confirm: options.confirm,
    initialHistory: options.initialHistory,
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
  });
  return { result, events, session: await readSession(sessionsDir, 'test-session') };
}

describe('agent loop', () => {
  it('acts until DONE, feeding history, memory and half-size screenshots back to the model', async () => {
    const backend = new FakeBackend([click(500, 500), click(250, 750), DONE]);
    const operator = new FakeOperator();
    const { result, events, session } = await run(backend, operator);

    expect(result).toMatchObject({ outcome: { kind: 'done', message: 'Finished.' }, steps: 3, exitCode: 0 });
    expect(operator.executed.map(({ action }) => [action.name, action.point])).toEqual([
      ['left_click', [100, 50]],
      ['left_click', [50, 75]],
    ]);
    expect(backend.requests.map((request) => request.images.map((image) => image.width))).toEqual([
      [200],
      [200, 100],
      [200, 100, 100],
    ]);
    const third = backend.requests[2]!.prompt;
    expect(third).toContain("step 1: Click it.\nleft_click(start_box='[500,500]')");
    expect(third).toContain("step 2: Click it.\nleft_click(start_box='[250,750]')");
    expect(third).toContain('Memory:\n["clicked"]');
    expect(events.filter((event) => event.type === 'action-parsed').map((event) => event.inputPoint)).toEqual([
      { x: 200, y: 50 },
      { x: 150, y: 75 },
      null,
    ]);
    expect(
      events
        .filter((event) => event.type === 'reasoning-delta')
        .map((event) => event.text)
        .join(''),
    ).toBe('I should click at 500,500.I should click at 250,750.All set.');
    // Each streamed delta carries the step's running token count.
    const counts = events.flatMap((event) =>
      event.type === 'reasoning-delta' || event.type === 'text-delta' ? [[event.step, event.tokens]] : [],
    );
    expect(counts.length).toBeGreaterThan(0);
    for (const step of [1, 2, 3]) {
      const ofStep = counts.filter(([number]) => number === step).map(([, tokens]) => tokens);
      expect(ofStep).toEqual(ofStep.map((_, index) => index + 1));
    }
    expect(events.at(-1)).toEqual({ type: 'run-end', outcome: result.outcome, steps: 3, sessionId: 'test-session' });
    expect(session.steps.map((step) => [step.step, step.action.name, step.acted, step.frame])).toEqual([
      [1, 'left_click', true, 'frames/0001.png'],
      [2, 'left_click', true, 'frames/0002.png'],
      [3, 'done', false, 'frames/0003.png'],
    ]);
    expect(session.steps[0]!.thinking).toBe('I should click at 500,500.');
    expect(session.info.outcome).toEqual(result.outcome);
    expect(operator.released).toBe(1);
  });

  it('ends with FAIL and exit code 3 when the model gives up', async () => {
    const fail = { answer: '<answer>The app is not installed.\n<|begin_of_box|>FAIL()<|end_of_box|></answer>' };
    const { result } = await run(new FakeBackend([fail]), new FakeOperator());
    expect(result).toMatchObject({
      outcome: { kind: 'fail', message: 'The app is not installed.' },
      steps: 1,
      exitCode: 3,
    });
  });

  it('asks again after an unparseable answer, up to 3 retries, then ends as unparseable without acting', async () => {
    const operator = new FakeOperator();
    const { result, session } = await run(new FakeBackend([{ answer: 'I am not sure what to do.' }]), operator);
    expect(result.outcome.kind).toBe('unparseable');
    expect(result).toMatchObject({ steps: 4, exitCode: 6 });
    expect(operator.executed).toEqual([]);
    expect(session.steps.every((step) => step.action.name === 'none' && step.error !== null && !step.acted)).toBe(true);
  });

  it('recovers when a retry parses', async () => {
    const { result } = await run(new FakeBackend([{ answer: 'hmm' }, click(1, 1), DONE]), new FakeOperator());
    expect(result).toMatchObject({ outcome: { kind: 'done' }, steps: 3 });
  });

  it('ends as stuck after the same action three times on an unchanged screen', async () => {
    const operator = new FakeOperator(false);
    const { result } = await run(new FakeBackend([click(500, 500)]), operator);
    expect(result).toMatchObject({ outcome: { kind: 'stuck' }, steps: 3, exitCode: 6 });
    expect(operator.executed).toHaveLength(3);
  });

  it('ends when the step budget is used up', async () => {
    const { result } = await run(new FakeBackend([click(1, 1), click(2, 2), click(3, 3)]), new FakeOperator(), {
      maxSteps: 2,
    });
    expect(result).toMatchObject({ outcome: { kind: 'max-steps' }, steps: 2, exitCode: 5 });
  });

  it('a stop mid-generation ends the run at once, acts no more, and records the partial step', async () => {
    const controller = new AbortController();
    const operator = new FakeOperator();
    const backend = new FakeBackend([click(500, 500), click(600, 600)], 5);
    const running = run(backend, operator, { signal: controller.signal });
    while (backend.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 2));
    const stoppedAt = performance.now();
    controller.abort();
    const { result, session, events } = await running;
    expect(performance.now() - stoppedAt).toBeLessThan(100);
    expect(result).toMatchObject({ outcome: { kind: 'stopped' }, exitCode: 4 });
    expect(operator.executed).toHaveLength(1);
    expect(session.info.outcome?.kind).toBe('stopped');
    expect(session.steps.map((step) => [step.step, step.acted])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(events.at(-1)?.type).toBe('run-end');
  });

  it('waits at the pause gate and goes on when resumed', async () => {
    const gate = new PauseGate();
    gate.pause();
    // Resumed only once the loop says it waits, however long opening the session took on a busy machine.
    const resumeSoon = (event: RunEvent) => event.type === 'paused' && setTimeout(() => gate.resume(), 30);
    const { result, events } = await run(new FakeBackend([DONE]), new FakeOperator(), { gate, onEvent: resumeSoon });
    expect(result.outcome.kind).toBe('done');
    expect(events.slice(0, 3).map((event) => event.type)).toEqual(['paused', 'resumed', 'step-start']);
  });

  it('a configuration error from the backend ends the run with exit code 2 and its message', async () => {
    const backend: ChatBackend = {
      kind: 'openai',
      model: 'm',
      // eslint-disable-next-line require-yield
      async *stream() {
        throw new BackendError('unreachable', 'Cannot reach the model server at http://127.0.0.1:9/v1.');
      },
    };
    const { result, session } = await run(backend, new FakeOperator());
    expect(result).toMatchObject({
      outcome: { kind: 'error', message: 'Cannot reach the model server at http://127.0.0.1:9/v1.' },
      steps: 1,
      exitCode: 2,
    });
    expect(session.info.outcome?.kind).toBe('error');
  });

  it('a full disk ends the run with a message that says so, keeping what was recorded', async () => {
    const diskFull = () =>
      Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    const operator = new FakeOperator();
    const { result, session } = await run(new FakeBackend([click(1, 1), DONE]), operator, {
      prepare: (recorder) => {
        const appendStep = recorder.appendStep.bind(recorder);
        let calls = 0;
        recorder.appendStep = (record) => (++calls === 1 ? appendStep(record) : diskFull());
      },
    });
    expect(result).toMatchObject({
      outcome: {
        kind: 'error',
        message:
          'The disk is full, so the session could not be written: free some space; the steps recorded so far are kept.',
      },
      steps: 2,
      exitCode: 1,
    });
    expect(session.steps.map((step) => step.step)).toEqual([1]);
    expect(session.info.outcome?.kind).toBe('error');
  });

  it('asks before each action and stops, without acting, when the user declines', async () => {
    const operator = new FakeOperator();
    const asked: string[] = [];
    const confirm: RunOptions['confirm'] = async ({ action }) => {
      asked.push(action.name);
      return asked.length < 2;
    };
    const { result, session, events } = await run(new FakeBackend([click(1, 1), click(2, 2), DONE]), operator, {
      confirm,
    });
    expect(asked).toEqual(['left_click', 'left_click']);
    // The live view learns what the session records: carried out, then declined.
    expect(
      events.flatMap((event) => (event.type === 'step-recorded' ? [[event.step, event.acted, event.declined]] : [])),
    ).toEqual([
      [1, true, false],
      [2, false, true],
    ]);
    expect(operator.executed).toHaveLength(1);
    expect(result).toMatchObject({
      outcome: { kind: 'stopped', message: 'You declined the left_click action, so the run stopped.' },
      exitCode: 4,
    });
    expect(session.steps.map((step) => step.acted)).toEqual([true, false]);
  });

  it('a follow-up run continues the history and memory of the run before it', async () => {
    const first = await run(new FakeBackend([click(500, 500), DONE]), new FakeOperator());
    expect(first.result.history.entries).toHaveLength(1);
    await rm(sessionsDir, { recursive: true, force: true });
    const backend = new FakeBackend([DONE]);
    await run(backend, new FakeOperator(), { initialHistory: first.result.history });
    expect(backend.requests[0]!.prompt).toContain("step 1: Click it.\nleft_click(start_box='[500,500]')");
    expect(backend.requests[0]!.prompt).toContain('Memory:\n["clicked"]');
    expect(backend.requests[0]!.images).toHaveLength(2);
  });
});
