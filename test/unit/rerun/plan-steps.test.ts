import { describe, expect, it } from 'vitest';
import { emptyStepTimings } from '../../../src/agent/timing.js';
import { emptyAction, type ActionName } from '../../../src/glm/actions.js';
import { planReplay } from '../../../src/rerun/plan-steps.js';
import type { StepRecord } from '../../../src/sessions/schema.js';

function step(number: number, name: ActionName, acted: boolean, error: string | null = null): StepRecord {
  return {
    step: number,
    startedAt: '2026-11-21T10:00:00.000Z',
    frame: `frames/${String(number).padStart(4, '0')}.jpg`,
    frameSize: { width: 1920, height: 1080 },
    raw: '',
    thinking: '',
    explanation: `explanation ${number}`,
    memory: '[]',
    action: emptyAction(name),
    error,
    inputPoint: null,
    acted,
    timings: emptyStepTimings(),
    usage: { promptTokens: null, completionTokens: null },
  };
}

describe('planReplay', () => {
  it('keeps acted steps and waits in order, skips retries and refused actions, and ends at the recorded DONE', () => {
    const plan = planReplay([
      step(1, 'none', false, 'no action in the answer'),
      step(2, 'left_click', true),
      step(3, 'left_click', false),
      step(4, 'wait', true),
      step(5, 'type', true),
      step(6, 'done', false),
      step(7, 'left_click', true),
    ]);
    expect(plan.steps.map((planned) => [planned.sourceStep, planned.action.name])).toEqual([
      [2, 'left_click'],
      [4, 'wait'],
      [5, 'type'],
    ]);
    expect(plan.steps[0]).toMatchObject({ frame: 'frames/0002.jpg', explanation: 'explanation 2' });
    expect(plan.ending).toMatchObject({ kind: 'done', sourceStep: 6 });
  });

  it('ends at FAIL, and has no ending when the run was stopped', () => {
    expect(planReplay([step(1, 'key', true), step(2, 'fail', false)]).ending?.kind).toBe('fail');
    const stopped = planReplay([step(1, 'key', true), step(2, 'left_click', false)]);
    expect(stopped).toMatchObject({ steps: [{ sourceStep: 1 }], ending: null });
  });

  it('has no steps when nothing was carried out', () => {
    expect(planReplay([step(1, 'none', false), step(2, 'done', false)]).steps).toEqual([]);
  });
});
