import { describe, expect, it } from 'vitest';
import { emptyAction } from '../../../src/glm/actions.js';
import { actionKey, budgetUsed, isStuck, retriesExhausted } from '../../../src/agent/stop-conditions.js';

const click = actionKey({ ...emptyAction('left_click'), box: [500, 500], point: [960, 540] });
const otherClick = actionKey({ ...emptyAction('left_click'), box: [501, 500], point: [962, 540] });

describe('stop conditions', () => {
  it('is stuck after the same action three times on an unchanged screen', () => {
    const same = { actionKey: click, screenChanged: false };
    expect(isStuck([{ actionKey: click, screenChanged: true }, same, same])).toBe(true);
    expect(isStuck([same, same])).toBe(false);
  });

  it('is not stuck when the screen changed in between or the action differs', () => {
    expect(
      isStuck([
        { actionKey: click, screenChanged: true },
        { actionKey: click, screenChanged: true },
        { actionKey: click, screenChanged: false },
      ]),
    ).toBe(false);
    expect(
      isStuck([
        { actionKey: click, screenChanged: false },
        { actionKey: otherClick, screenChanged: false },
        { actionKey: click, screenChanged: false },
      ]),
    ).toBe(false);
  });

  it('keys actions by what they do, not by the pixel they map to', () => {
    expect(actionKey({ ...emptyAction('type'), text: 'a' })).not.toBe(actionKey({ ...emptyAction('type'), text: 'b' }));
    expect(actionKey({ ...emptyAction('key'), keys: ['ctrl', 'c'] })).toBe(
      actionKey({ ...emptyAction('key'), keys: ['ctrl', 'c'] }),
    );
  });

  it('allows three retries of an unparseable answer and ends on the fourth failure', () => {
    expect([1, 2, 3, 4].map((failures) => retriesExhausted(failures))).toEqual([false, false, false, true]);
  });

  it('uses up the step budget after maxSteps model calls', () => {
    expect([budgetUsed(0, 2), budgetUsed(1, 2), budgetUsed(2, 2)]).toEqual([false, false, true]);
  });
});
