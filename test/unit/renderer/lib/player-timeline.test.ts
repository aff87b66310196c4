import { describe, expect, it } from 'vitest';
import { emptyAction, type Action } from '../../../../src/glm/actions.js';
import type { StepView } from '../../../../src/host/protocol/host-api.js';
import { clampStep, cursorAt } from '../../../../renderer/lib/player-timeline.js';

function step(n: number, action: Action): StepView {
  return {
    step: n,
    frame: `frames/${String(n).padStart(4, '0')}.jpg`,
    frameSize: { width: 2000, height: 1000 },
    thinking: '',
    explanation: '',
    action,
    error: null,
    acted: true,
    timings: {},
    usage: { promptTokens: null, completionTokens: null },
  };
}

const steps = [
  step(1, { ...emptyAction('left_click'), point: [500, 250] }),
  step(2, { ...emptyAction('type'), text: 'hi' }),
  step(3, { ...emptyAction('hover'), box: [750, 500] }),
];

describe('cursorAt', () => {
  it('points at the step target, in percent of the frame', () => {
    expect(cursorAt(steps, 0)).toEqual({ left: 25, top: 25 });
    expect(cursorAt(steps, 2)).toEqual({ left: 75, top: 50 });
  });

  it('stays where the last pointer action left it', () => {
    expect(cursorAt(steps, 1)).toEqual({ left: 25, top: 25 });
  });

  it('does not go to a target that was not carried out (declined or cut short)', () => {
    const declined = { ...step(2, { ...emptyAction('left_click'), point: [1500, 500] }), acted: false, declined: true };
    expect(cursorAt([steps[0]!, declined], 1)).toEqual({ left: 25, top: 25 });
  });

  it('is null before any pointer action', () => {
    expect(cursorAt([step(1, emptyAction('wait'))], 0)).toBeNull();
  });
});

describe('clampStep', () => {
  it('keeps the index within the steps', () => {
    expect([clampStep(-3, 10), clampStep(4.4, 10), clampStep(99, 10), clampStep(5, 0)]).toEqual([0, 4, 9, 0]);
  });
});
