// Stopping or pausing a run never leaves a key or mouse button held: the real loop and nut-js operator on Xvfb,
// checked with `xinput query-state` on the XTEST devices. Node only.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PauseGate } from '../../src/agent/pause-gate.js';
import { runAgent } from '../../src/agent/run-loop.js';
import { createNutOperator } from '../../src/desktop/nut-operator.js';
import type { Display, Operator } from '../../src/desktop/types.js';
import type { RunEvent } from '../../src/run-protocol/run-events.js';
import { newSessionInfo } from '../../src/sessions/new-session.js';
import { SessionRecorder } from '../../src/sessions/recorder.js';
import { FakeBackend } from '../support/fake-agent-parts.js';
import { heldInputs } from '../support/x-input-state.js';
import { scriptedAnswer, type ScriptedAnswer } from '../support/scripted-openai-server.js';
import { startXDesktop, type XDesktop } from '../support/x-desktop.js';

const answer = (call: string) => scriptedAnswer(call, { reasoning: 'The window is open.' });
const LONG_DRAG = answer("left_drag(start_box='[100,150]', end_box='[900,850]')");

let desktop: XDesktop;
let operator: Operator;
let display: Display;
let work: string;
let terminal: ChildProcess | undefined;

beforeAll(async () => {
  desktop = await startXDesktop({ width: 1280, height: 720 });
  process.env.DISPLAY = desktop.display;
  operator = await createNutOperator({ capture: 'nut' });
  [display] = (await operator.displays()) as [Display];
  work = await mkdtemp(join(tmpdir(), 'deskhand-stop-release-'));
});
afterAll(async () => {
  terminal?.kill();
  await operator?.release();
  await desktop?.stop();
  await rm(work, { recursive: true, force: true });
});

/** Starts a run of `answers`; `onEvent` sees every event with the run's controller and gate. */
async function startRun(
  answers: ScriptedAnswer[],
  onEvent: (event: RunEvent, run: { controller: AbortController; gate: PauseGate }) => void,
) {
  const backend = new FakeBackend(answers);
  const recorder = await SessionRecorder.create(
    join(work, 'sessions'),
    newSessionInfo({ task: 'hold and stop', backend, baseUrl: null, display, maxSteps: 3 }),
  );
  const controls = { controller: new AbortController(), gate: new PauseGate() };
  const result = runAgent({
    task: 'hold and stop',
    backend,
    operator,
    display,
    recorder,
    maxSteps: 3,
    signal: controls.controller.signal,
    gate: controls.gate,
    settleCapMs: 0,
    onEvent: (event) => onEvent(event, controls),
  });
  return { result, controls };
}

const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('held input is released', () => {
  it('a stop in the middle of a drag lets go of the button', async () => {
    let heldAtStop: string[] = [];
    const { result } = await startRun([LONG_DRAG], (event, { controller }) => {
      if (event.type !== 'action-parsed') return;
      void after(50).then(async () => {
        heldAtStop = await heldInputs(desktop.env);
        controller.abort(new DOMException('Stopped', 'AbortError'));
      });
    });
    expect((await result).outcome.kind).toBe('stopped');
    expect(heldAtStop).toContain('button[1]');
    expect(await heldInputs(desktop.env)).toEqual([]);
  });

  it('a pause during a drag leaves nothing held once the run waits', async () => {
    let heldWhilePaused: string[] | null = null;
    let heldAtPause: string[] = [];
    const { result, controls } = await startRun([LONG_DRAG, LONG_DRAG], (event, { gate }) => {
      if (event.type === 'action-parsed' && event.step === 1) {
        void after(40).then(async () => {
          gate.pause();
          heldAtPause = await heldInputs(desktop.env);
        });
      }
      if (event.type === 'paused') void heldInputs(desktop.env).then((held) => (heldWhilePaused = held));
    });
    // The action in flight finishes (a drag takes about 110 ms); the run then waits at its gate with nothing held.
    while (heldWhilePaused === null) await after(20);
    expect(heldAtPause).toContain('button[1]');
    expect(heldWhilePaused).toEqual([]);
    await after(300);
    expect(await heldInputs(desktop.env)).toEqual([]);
    controls.controller.abort(new DOMException('Stopped', 'AbortError'));
    await result;
    expect(await heldInputs(desktop.env)).toEqual([]);
  });

  it('a stop while typing key by key into a terminal leaves no key down', async () => {
    terminal = spawn('xterm', ['-geometry', '120x40+0+0', '-e', 'sh', '-c', 'cat > /dev/null'], { env: desktop.env });
    await after(1500);
    const text = 'stop me while I am typing '.repeat(40);
    const clickTerminal = answer("left_click(start_box='[300,300]')");
    let typing = false;
    const { result } = await startRun([clickTerminal, answer(`type(content='${text}')`)], (event, { controller }) => {
      if (event.type !== 'action-parsed' || event.action.name !== 'type') return;
      // The paste is tried first and given up after 1.5 s; then the keys go one by one.
      void after(2300).then(() => {
        typing = true;
        controller.abort(new DOMException('Stopped', 'AbortError'));
      });
    });
    expect((await result).outcome.kind).toBe('stopped');
    expect(typing).toBe(true);
    await after(200);
    expect(await heldInputs(desktop.env)).toEqual([]);
  });
});
