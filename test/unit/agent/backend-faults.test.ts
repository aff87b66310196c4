// A misbehaving model server mid-run: 500s are retried; a stall, a dropped stream, garbage or a server slower than
// the timeout end the run with a clear outcome, and every step so far (the interrupted one too) stays on disk.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAgent } from '../../../src/agent/run-loop.js';
import { createOpenAIBackend } from '../../../src/backends/openai.js';
import type { RunEvent } from '../../../src/run-protocol/run-events.js';
import { readSession } from '../../../src/sessions/reader.js';
import { newSessionInfo } from '../../../src/sessions/new-session.js';
import { SessionRecorder } from '../../../src/sessions/recorder.js';
import { FAKE_DISPLAY, FakeOperator } from '../../support/fake-agent-parts.js';
import {
  startScriptedServer,
  type ScriptedServer,
  type ScriptedServerOptions,
} from '../../support/scripted-openai-server.js';

const STALL_MS = 600;
const HOVER = {
  reasoning: 'The list is on the left; I will point at its first row to look at it more closely.',
  answer: "<answer>Point at the row.\n<|begin_of_box|>hover(start_box='[300,300]')<|end_of_box|>\nMemory:\n[]</answer>",
};
const CLICK = {
  reasoning: 'Now the details pane is open, so I will click its button to go on with the task.',
  answer: "<answer>Click it.\n<|begin_of_box|>left_click(start_box='[600,600]')<|end_of_box|>\nMemory:\n[]</answer>",
};
const DONE = { answer: '<answer>Done.\n<|begin_of_box|>DONE()<|end_of_box|></answer>' };

let sessionsDir: string;
let server: ScriptedServer | undefined;

beforeEach(async () => {
  sessionsDir = await mkdtemp(join(tmpdir(), 'deskhand-faults-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(sessionsDir, { recursive: true, force: true });
});

async function runAgainst(options: Partial<ScriptedServerOptions>) {
  server = await startScriptedServer({ style: 'reasoning_content', answers: [HOVER, CLICK, DONE], ...options });
  const backend = createOpenAIBackend({
    baseUrl: server.baseUrl,
    model: 'm',
    retryBaseMs: 5,
    stallTimeoutMs: STALL_MS,
  });
  const operator = new FakeOperator();
  const recorder = await SessionRecorder.create(
    sessionsDir,
    newSessionInfo({ task: 'faults', backend, baseUrl: server.baseUrl, display: FAKE_DISPLAY, maxSteps: 5 }),
  );
  const events: RunEvent[] = [];
  const started = performance.now();
  const result = await runAgent({
    task: 'faults',
    backend,
    operator,
    display: FAKE_DISPLAY,
    recorder,
    maxSteps: 5,
    signal: new AbortController().signal,
    onEvent: (event) => events.push(event),
  });
  const elapsedMs = performance.now() - started;
  return { result, events, operator, elapsedMs, session: await readSession(sessionsDir, recorder.id) };
}

describe('backend faults during a run', () => {
  it('retries 500s and finishes as if nothing happened', async () => {
    const { result, session } = await runAgainst({ failFirst: [{ status: 500 }, { status: 503 }] });
    expect(result).toMatchObject({ outcome: { kind: 'done' }, exitCode: 0, steps: 3 });
    expect(server!.requests).toHaveLength(5);
    expect(session.steps.map((step) => step.acted)).toEqual([true, true, false]);
  });

  it.each([
    ['drop-midway', /closed the connection mid-answer/, true],
    ['stall-midway', /sent nothing for 1 s/, true],
    ['stall', /sent nothing for 1 s/, false],
    ['garbage', /not JSON|wrong shape|ended|mid-answer/, false],
  ] as const)(
    'a server that %s on step 2 ends the run as an error, keeping every step',
    async (fault, why, partial) => {
      const { result, events, operator, elapsedMs, session } = await runAgainst({ faults: { 1: fault } });
      expect(result).toMatchObject({ outcome: { kind: 'error', message: expect.stringMatching(why) }, exitCode: 1 });
      expect(result.outcome.message).toContain(server!.baseUrl);
      expect(elapsedMs).toBeLessThan(STALL_MS * 4);
      expect(operator.executed.map(({ action }) => action.name)).toEqual(['hover']);
      expect(events.at(-1)).toMatchObject({ type: 'run-end', outcome: { kind: 'error' } });
      expect(session.warnings).toEqual([]);
      expect(session.info.outcome).toEqual(result.outcome);
      expect(session.steps.map((step) => [step.step, step.acted])).toEqual([
        [1, true],
        [2, false],
      ]);
      const interrupted = session.steps[1]!;
      expect(interrupted.error).toMatch(why);
      if (partial) expect(CLICK.reasoning.startsWith(interrupted.thinking) && interrupted.thinking !== '').toBe(true);
    },
  );
});
