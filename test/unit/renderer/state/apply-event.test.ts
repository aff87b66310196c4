import { describe, expect, it } from 'vitest';
import { emptyAction, type Action } from '../../../../src/glm/actions.js';
import type { HostEvent } from '../../../../src/host/protocol/host-api.js';
import type { RunEvent, StepTimings } from '../../../../src/run-protocol/run-events.js';
import { DEFAULT_SETTINGS } from '../../../../src/host/protocol/settings.js';
import { applyEvent } from '../../../../renderer/state/apply-event.js';
import { currentRun, emptyStep, INITIAL_STATE, type AppState } from '../../../../renderer/state/app-state.js';

const click: Action = { ...emptyAction('left_click'), box: [500, 500], point: [960, 540], elementInfo: 'OK button' };
const timings: StepTimings = {
  captureMs: 40,
  encodeMs: 10,
  firstTokenMs: 300,
  generationMs: 4000,
  parseMs: 1,
  actMs: 80,
  settleMs: 400,
  recordMs: 5,
};

function run(event: RunEvent, runId = 'r1'): HostEvent {
  return { type: 'run', runId, sessionId: 's1', event };
}

/** Applies events with the seq numbers after `state`'s lastSeq (0, 1, 2 … from the initial state). */
function applyAll(events: HostEvent[], state: AppState = INITIAL_STATE): AppState {
  return events.reduce((next, event) => applyEvent(next, event, next.lastSeq + 1), state);
}

function start(task: string, runId = 'r1'): HostEvent {
  return run(
    {
      type: 'run-start',
      sessionId: 's1',
      sessionDir: '/tmp/s1',
      task,
      backend: 'openai',
      model: 'glm',
      displayId: 'screen',
    },
    runId,
  );
}
const runStart = start('open the editor');

describe('applyEvent', () => {
  it('projects a whole step: observed frame, streamed thinking and answer, action, timings', () => {
    const state = applyAll([
      runStart,
      run({ type: 'step-start', step: 1 }),
      run({ type: 'step-observed', step: 1, frame: 'frames/0001.jpg', width: 1920, height: 1080 }),
      run({ type: 'reasoning-delta', step: 1, text: 'I see ' }),
      run({ type: 'reasoning-delta', step: 1, text: 'a dialog.' }),
      run({ type: 'text-delta', step: 1, text: 'Click OK' }),
      run({ type: 'action-parsed', step: 1, action: click, explanation: 'Click OK', error: null, inputPoint: null }),
      run({ type: 'action-done', step: 1, actMs: 80, settleMs: 400 }),
      run({ type: 'step-recorded', step: 1, timings, usage: { promptTokens: 900, completionTokens: 120 } }),
    ]);
    expect(state.runs.r1).toEqual({
      runId: 'r1',
      sessionId: 's1',
      task: 'open the editor',
      backend: 'openai',
      model: 'glm',
      phase: 'running',
      outcome: null,
      confirmation: null,
      steps: [
        {
          step: 1,
          phase: 'recorded',
          frame: { sessionId: 's1', frame: 'frames/0001.jpg', width: 1920, height: 1080 },
          reasoning: 'I see a dialog.',
          answer: 'Click OK',
          action: click,
          explanation: 'Click OK',
          error: null,
          actMs: 80,
          settleMs: 400,
          timings,
          completionTokens: 120,
          tokens: 3,
          startedAt: null,
          requestAt: null,
          firstTokenAt: null,
          generatedAt: null,
          acted: true,
          declined: false,
        },
      ],
    });
    expect(state.thread).toEqual(['r1']);
    expect(state.lastSeq).toBe(8);
  });

  it('moves a step from observing to thinking to acting to recorded', () => {
    const phases: string[] = [];
    let state = applyAll([runStart, run({ type: 'step-start', step: 1 })]);
    phases.push(state.runs.r1!.steps[0]!.phase);
    for (const event of [
      run({ type: 'reasoning-delta', step: 1, text: 'x' }),
      run({ type: 'action-parsed', step: 1, action: click, explanation: '', error: null, inputPoint: null }),
      run({ type: 'step-recorded', step: 1, timings, usage: { promptTokens: 900, completionTokens: 120 } }),
    ]) {
      state = applyAll([event], state);
      phases.push(state.runs.r1!.steps[0]!.phase);
    }
    expect(phases).toEqual(['observing', 'thinking', 'acting', 'recorded']);
  });

  it('marks a step cut short when it is recorded without an action or the run ends while it is in flight', () => {
    const stoppedMidThought = applyAll([
      runStart,
      run({ type: 'step-start', step: 1 }),
      run({ type: 'reasoning-delta', step: 1, text: 'hmm' }),
      run({ type: 'step-recorded', step: 1, timings, usage: { promptTokens: 900, completionTokens: 120 } }),
    ]);
    expect(stoppedMidThought.runs.r1!.steps[0]!.phase).toBe('interrupted');
    const endedMidStep = applyAll([
      runStart,
      run({ type: 'step-start', step: 1 }),
      run({ type: 'action-parsed', step: 1, action: click, explanation: '', error: null, inputPoint: null }),
      run({ type: 'step-recorded', step: 1, timings, usage: { promptTokens: 900, completionTokens: 120 } }),
      run({ type: 'step-start', step: 2 }),
      run({
        type: 'run-end',
        outcome: { kind: 'stopped', message: 'Stopped by the user.' },
        steps: 2,
        sessionId: 's1',
      }),
    ]);
    expect(endedMidStep.runs.r1!.steps.map((step) => step.phase)).toEqual(['recorded', 'interrupted']);
  });

  it('ignores an event whose seq is not newer, returning the same state', () => {
    const state = applyEvent(INITIAL_STATE, runStart, 5);
    const again = applyEvent(state, run({ type: 'step-start', step: 1 }), 5);
    const older = applyEvent(state, run({ type: 'step-start', step: 1 }), 3);
    expect(again).toBe(state);
    expect(older).toBe(state);
  });

  it('creates a run and its steps when their start events were missed', () => {
    const state = applyAll([run({ type: 'reasoning-delta', step: 3, text: 'late' }, 'r9')]);
    expect(state.thread).toEqual(['r9']);
    expect(state.runs.r9!.sessionId).toBe('s1');
    expect(state.runs.r9!.steps).toEqual([{ ...emptyStep(3), phase: 'thinking', reasoning: 'late', tokens: 1 }]);
  });

  it('stamps a step with the arrival times of its start, first token and parsed action, and counts its tokens', () => {
    const events: [HostEvent, number][] = [
      [runStart, 100],
      [run({ type: 'step-start', step: 1 }), 1000],
      [run({ type: 'reasoning-delta', step: 1, text: 'I see', tokens: 2, elapsedMs: 150 }), 1400],
      [run({ type: 'reasoning-delta', step: 1, text: ' it', tokens: 5, elapsedMs: 640 }), 1900],
      [run({ type: 'text-delta', step: 1, text: 'Click', tokens: 6, elapsedMs: 760 }), 2000],
      [run({ type: 'action-parsed', step: 1, action: click, explanation: '', error: null, inputPoint: null }), 2500],
      [run({ type: 'action-done', step: 1, actMs: 80, settleMs: 400 }), 3000],
    ];
    const state = events.reduce((next, [event, at], seq) => applyEvent(next, event, seq, at), INITIAL_STATE);
    expect(state.runs.r1!.steps[0]).toMatchObject({
      startedAt: 1000,
      // The first delta came 150 ms after the request, by the host's clock.
      requestAt: 1250,
      firstTokenAt: 1400,
      generatedAt: 2500,
      tokens: 6,
      acted: null,
    });
  });

  it('counts a delta as one token when the host sends no count', () => {
    const state = applyAll([
      runStart,
      run({ type: 'step-start', step: 1 }),
      run({ type: 'reasoning-delta', step: 1, text: 'a' }),
      run({ type: 'text-delta', step: 1, text: 'b' }),
    ]);
    expect(state.runs.r1!.steps[0]!.tokens).toBe(2);
  });

  it('records whether the action was carried out or declined', () => {
    const parsed = run({
      type: 'action-parsed',
      step: 1,
      action: click,
      explanation: '',
      error: null,
      inputPoint: null,
    });
    const usage = { promptTokens: null, completionTokens: null };
    const declined = applyAll([
      runStart,
      run({ type: 'step-start', step: 1 }),
      parsed,
      run({ type: 'step-recorded', step: 1, timings, usage, acted: false, declined: true }),
    ]);
    expect(declined.runs.r1!.steps[0]).toMatchObject({ phase: 'recorded', acted: false, declined: true });
    // A host that does not say: carried out when action-done came.
    const unsaid = applyAll([
      runStart,
      run({ type: 'step-start', step: 1 }),
      parsed,
      run({ type: 'step-recorded', step: 1, timings: { ...timings, actMs: null }, usage }),
    ]);
    expect(unsaid.runs.r1!.steps[0]).toMatchObject({ acted: false, declined: false });
  });

  it('keeps steps in step order', () => {
    const state = applyAll([
      runStart,
      run({ type: 'step-start', step: 2 }),
      run({ type: 'reasoning-delta', step: 1, text: 'a' }),
    ]);
    expect(state.runs.r1!.steps.map((step) => step.step)).toEqual([1, 2]);
  });

  it('follows the run state: paused, resumed, taken over, ended with an outcome', () => {
    const states: string[] = [];
    let state = applyAll([runStart]);
    for (const event of [
      run({ type: 'paused' }),
      run({ type: 'resumed' }),
      { type: 'run-state', runId: 'r1', state: 'taken-over' } as const,
      { type: 'run-state', runId: 'r1', state: 'running' } as const,
      run({ type: 'run-end', outcome: { kind: 'done', message: 'saved' }, steps: 2, sessionId: 's1' }),
      run({ type: 'resumed' }),
      { type: 'run-state', runId: 'r1', state: 'running' } as const,
    ]) {
      state = applyAll([event], state);
      states.push(state.runs.r1!.phase);
    }
    expect(states).toEqual(['paused', 'running', 'taken-over', 'running', 'ended', 'ended', 'ended']);
    expect(state.runs.r1!.outcome).toEqual({ kind: 'done', message: 'saved' });
  });

  it('holds a confirmation until its step acts, or the run ends', () => {
    const needed: HostEvent = {
      type: 'confirmation-needed',
      runId: 'r1',
      confirmationId: 'c1',
      step: 1,
      action: click,
      reason: 'It submits a form.',
    };
    const asked = applyAll([runStart, run({ type: 'step-start', step: 1 }), needed]);
    expect(asked.runs.r1!.confirmation).toEqual({
      confirmationId: 'c1',
      step: 1,
      action: click,
      reason: 'It submits a form.',
    });
    const acted = applyAll([run({ type: 'action-done', step: 1, actMs: 1, settleMs: 1 })], asked);
    expect(acted.runs.r1!.confirmation).toBeNull();
    const ended = applyAll(
      [run({ type: 'run-end', outcome: { kind: 'stopped', message: '' }, steps: 1, sessionId: 's1' })],
      asked,
    );
    expect(ended.runs.r1!.confirmation).toBeNull();
  });

  it('takes settings from settings-changed and keeps the latest host error', () => {
    const settings = { ...DEFAULT_SETTINGS, theme: 'dark' as const };
    const state = applyAll([
      { type: 'settings-changed', settings },
      { type: 'error', message: 'The disk is full.' },
    ]);
    expect(state.settings).toEqual(settings);
    expect(state.hostError).toBe('The disk is full.');
  });

  it('adds a new run to the thread after the earlier ones', () => {
    const state = applyAll([runStart, start('next', 'r2')]);
    expect(state.thread).toEqual(['r1', 'r2']);
    expect(currentRun(state)?.runId).toBe('r2');
  });

  it('does not add a run to the thread from run-state or confirmation events alone', () => {
    const state = applyAll([{ type: 'run-state', runId: 'old', state: 'ended' }]);
    expect(state.thread).toEqual([]);
    expect(state.runs.old!.phase).toBe('ended');
  });
});
