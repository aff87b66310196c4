import { describe, expect, it } from 'vitest';
import { emptyAction } from '../../../../src/glm/actions.js';
import { emptyRun, INITIAL_STATE, type AppState } from '../../../../renderer/state/app-state.js';
import { dismissConfirmation, runGone, runStarted } from '../../../../renderer/state/local-updates.js';

const withRuns: AppState = {
  ...INITIAL_STATE,
  runs: { a: { ...emptyRun('a', 's-a'), task: 'first', phase: 'ended' } },
  thread: ['a'],
};

describe('runStarted', () => {
  it('shows a fresh task alone, named by its instruction until run-start arrives', () => {
    const state = runStarted(withRuns, { runId: 'b', sessionId: 's-b', task: 'second' }, false);
    expect(state.thread).toEqual(['b']);
    expect(state.runs.b).toEqual({ ...emptyRun('b', 's-b'), task: 'second' });
    expect(state.runs.a).toBe(withRuns.runs.a);
  });

  it('appends a follow-up after the runs it continues', () => {
    const state = runStarted(withRuns, { runId: 'b', sessionId: 's-b', task: 'and then' }, true);
    expect(state.thread).toEqual(['a', 'b']);
  });

  it('keeps a run whose events arrived before the call answered', () => {
    const early: AppState = {
      ...withRuns,
      runs: { ...withRuns.runs, b: { ...emptyRun('b', 's-b'), task: 'from run-start', backend: 'openai' } },
      thread: ['a', 'b'],
    };
    const state = runStarted(early, { runId: 'b', sessionId: 's-b', task: 'typed' }, false);
    expect(state.runs.b).toBe(early.runs.b);
    expect(state.thread).toEqual(['b']);
  });
});

describe('dismissConfirmation', () => {
  const pending: AppState = {
    ...withRuns,
    runs: {
      a: {
        ...withRuns.runs.a!,
        confirmation: { confirmationId: 'c1', step: 2, action: emptyAction('left_click'), reason: 'r' },
      },
    },
  };

  it('clears the answered confirmation', () => {
    expect(dismissConfirmation(pending, 'a', 'c1').runs.a!.confirmation).toBeNull();
  });

  it('leaves a newer confirmation alone', () => {
    expect(dismissConfirmation(pending, 'a', 'c0')).toBe(pending);
    expect(dismissConfirmation(pending, 'nope', 'c1')).toBe(pending);
  });
});

describe('runGone', () => {
  it('ends a run the host no longer knows, without inventing an outcome', () => {
    const live: AppState = { ...withRuns, runs: { a: { ...withRuns.runs.a!, phase: 'paused' } } };
    const state = runGone(live, 'a');
    expect(state.runs.a).toEqual({ ...live.runs.a, phase: 'ended', confirmation: null, outcome: null });
    expect(runGone(state, 'a')).toBe(state);
    expect(runGone(state, 'missing')).toBe(state);
  });
});
