import { describe, expect, it } from 'vitest';
import { emptyAction, type Action } from '../../../../src/glm/actions.js';
import {
  liveStepStatus,
  recordedStepStatus,
  statusTone,
  targetState,
  type LiveRun,
  type LiveStep,
  type RecordedStep,
} from '../../../../renderer/lib/step-status.js';

const click: Action = { ...emptyAction('left_click'), box: [500, 500], point: [960, 540] };
const done: Action = emptyAction('done');
const running: LiveRun = { phase: 'running', confirmationStep: null };

function live(step: Partial<LiveStep>, run: LiveRun = running) {
  return liveStepStatus({ step: 2, phase: 'acting', action: click, acted: null, declined: false, ...step }, run);
}

describe('liveStepStatus', () => {
  it('follows a step from looking to thinking to acting to acted', () => {
    expect([
      live({ phase: 'observing', action: null }),
      live({ phase: 'thinking', action: null }),
      live({ phase: 'acting' }),
      live({ phase: 'recorded', acted: true }),
    ]).toEqual(['looking', 'thinking', 'acting', 'acted']);
  });

  it('never says the model’s DONE: a step that ends the task is recorded, its action stays on the chip', () => {
    expect(live({ phase: 'recorded', action: done, acted: false })).toBe('recorded');
    expect(live({ phase: 'acting', action: emptyAction('fail') })).toBe('recorded');
  });

  it('says declined for an action the user declined, not acted', () => {
    expect(live({ phase: 'recorded', acted: false, declined: true })).toBe('declined');
  });

  it('says paused while the run waits at its pause gate before acting, and waiting while it asks the user', () => {
    expect(live({}, { phase: 'paused', confirmationStep: null })).toBe('paused');
    expect(live({}, { phase: 'taken-over', confirmationStep: null })).toBe('paused');
    expect(live({}, { phase: 'running', confirmationStep: 2 })).toBe('waiting');
    // A confirmation for another step is not this one's.
    expect(live({}, { phase: 'running', confirmationStep: 1 })).toBe('acting');
    // The model still writes while a pause waits for the gate.
    expect(live({ phase: 'thinking', action: null }, { phase: 'paused', confirmationStep: null })).toBe('thinking');
  });

  it('says failed for an answer without a usable action, and cut short for a step the run ended', () => {
    expect(live({ phase: 'recorded', action: emptyAction('none'), acted: false })).toBe('failed');
    expect(live({ phase: 'interrupted', action: null })).toBe('interrupted');
    expect(live({ phase: 'recorded', acted: false })).toBe('interrupted');
  });
});

function recorded(step: Partial<RecordedStep>) {
  return recordedStepStatus({ action: click, acted: true, error: null, timings: { generationMs: 900 }, ...step });
}

describe('recordedStepStatus', () => {
  it('tells acted, recorded (DONE/FAIL), declined, failed and cut short steps apart', () => {
    expect([
      recorded({}),
      recorded({ action: done, acted: false }),
      recorded({ acted: false, declined: true }),
      recorded({ action: emptyAction('none'), acted: false, error: 'no action' }),
      recorded({ action: emptyAction('none'), acted: false, timings: { generationMs: null } }),
      recorded({ acted: false }),
    ]).toEqual(['acted', 'recorded', 'declined', 'failed', 'interrupted', 'interrupted']);
  });

  it('says found or not found for a grounding step, whatever its empty action', () => {
    const none = { action: emptyAction('none'), acted: false };
    expect(recorded({ ...none, grounding: { box: [1, 2, 3, 4] } })).toBe('found');
    expect(recorded({ ...none, grounding: { box: null }, error: 'The model gave no box.' })).toBe('not-found');
  });
});

describe('statusTone and targetState', () => {
  it('gives each status a tone of its own meaning', () => {
    expect(statusTone('acted')).toBe('success');
    expect(statusTone('found')).toBe('success');
    expect(statusTone('declined')).toBe('warning');
    expect(statusTone('failed')).toBe('danger');
    expect(statusTone('waiting')).toBe('attention');
    expect(statusTone('thinking')).toBe('live');
  });

  it('draws a target as carried out only when it was', () => {
    expect(targetState('acted')).toBe('executed');
    expect(targetState('declined')).toBe('declined');
    expect(targetState('interrupted')).toBe('skipped');
    expect(targetState('waiting')).toBe('pending');
    expect(targetState('paused')).toBe('pending');
  });
});
