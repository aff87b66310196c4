import { describe, expect, it } from 'vitest';
import { confirmationReason, confirmWhenRisky } from '../../../src/agent/confirmation-policy.js';
import type { ConfirmRequest } from '../../../src/agent/run-step.js';
import { emptyAction, type Action } from '../../../src/glm/actions.js';
import type { ConfirmationPolicy } from '../../../src/host/protocol/settings.js';

const FRAME = { width: 1920, height: 1080 };
const click = (elementInfo: string | null, point: [number, number] = [10, 10]): Action => ({
  ...emptyAction('left_click'),
  box: [5, 9],
  point,
  elementInfo,
});
const drag = (from: [number, number], to: [number, number]): Action => ({
  ...emptyAction('left_drag'),
  box: [1, 1],
  endBox: [2, 2],
  point: from,
  endPoint: to,
});
const key = (...keys: string[]): Action => ({ ...emptyAction('key'), keys });
const type = (text: string): Action => ({ ...emptyAction('type'), text });

/** [what, action, explanation, asks under "risky"] */
const RISKY_TABLE: Array<[string, Action, string, RegExp | null]> = [
  ['alt+f4', key('alt', 'f4'), '', /alt\+f4 can close/],
  ['ctrl+w', key('ctrl', 'w'), '', /close, quit or delete/],
  ['ctrl+q', key('ctrl', 'q'), '', /ctrl\+q/],
  ['cmd+q (meta)', key('meta', 'q'), '', /meta\+q/],
  ['ctrl+shift+w in any order', key('shift', 'ctrl', 'w'), '', /close/],
  ['delete', key('delete'), '', /delete can/],
  ['shift+delete', key('shift', 'delete'), '', /shift\+delete/],
  ['ctrl+shift+delete', key('ctrl', 'shift', 'delete'), '', /ctrl\+shift\+delete/],
  ['ctrl+f4', key('ctrl', 'f4'), '', /ctrl\+f4/],
  ['cmd+backspace', key('meta', 'backspace'), '', /meta\+backspace/],
  ['ctrl+c', key('ctrl', 'c'), 'Copy the text.', null],
  ['ctrl+a', key('ctrl', 'a'), '', null],
  ['enter', key('enter'), '', null],
  ['a click on Delete', click('Delete file'), 'Click it.', /^The model means to "delete" \(Delete file\)\.$/],
  ['a click whose explanation says remove', click(null), 'I will remove the row.', /"remove"/],
  ['send', click('Send'), '', /"send"/],
  ['pay', click('Pay now'), '', /"pay"/],
  ['purchase', click(null), 'Complete the purchase.', /"purchase"/],
  ['buy', click(null), 'I will click Buy now to finish.', /"buy"/],
  ['submit an order', click('button'), 'Submit the order.', /"submit the order"/],
  ['place order', click('Place order'), '', /place order/],
  ['sign out', click('Sign out'), '', /sign out/],
  ['log out', click('Logout'), '', /logout/],
  ['format', click('Format disk'), '', /"format"/],
  ['a harmless search click', click('Search'), 'Click the search box.', null],
  ['a word that only contains a risky one', click('Formatting toolbar'), 'Open the payments overview', null],
  ['typing the word delete is content, not intent', type('please delete me'), 'Type the note.', null],
  ['a click outside the display', click('OK', [1920, 10]), '', /\[1920, 10\] lies outside the chosen display/],
  ['a negative point', click('OK', [-1, 10]), '', /outside the chosen display/],
  ['a drag that ends outside the display', drag([10, 10], [10, 1080]), '', /\[10, 1080\] lies outside/],
  ['a drag inside the display', drag([10, 10], [1919, 1079]), 'Move the block.', null],
];

describe('confirmation policy', () => {
  it.each(RISKY_TABLE)('under "risky": %s', (_what, action, explanation, expected) => {
    const reason = confirmationReason('risky', action, explanation, FRAME);
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });

  it('never asks under "never", asks for every action under "always" except waiting and finishing', () => {
    for (const [, action, explanation] of RISKY_TABLE) {
      expect(confirmationReason('never', action, explanation, FRAME)).toBeNull();
      expect(confirmationReason('always', action, explanation, FRAME)).toBe('You asked to confirm every action.');
    }
    for (const name of ['done', 'fail', 'wait', 'none'] as const) {
      expect(confirmationReason('always', emptyAction(name), 'Delete everything.', FRAME)).toBeNull();
    }
  });

  it('asks through the hook only when the policy, read afresh for every action, finds the action risky', async () => {
    let policy: ConfirmationPolicy = 'risky';
    const asked: string[] = [];
    const confirm = confirmWhenRisky(
      () => policy,
      async (_request, reason) => (asked.push(reason), false),
    );
    const request = (action: Action): ConfirmRequest => ({ step: 1, action, explanation: '', frame: FRAME });
    const signal = new AbortController().signal;
    expect(await confirm(request(click('Search')), signal)).toBe(true);
    expect(await confirm(request(click('Delete')), signal)).toBe(false);
    policy = 'never';
    expect(await confirm(request(click('Delete')), signal)).toBe(true);
    policy = 'always';
    expect(await confirm(request(click('Search')), signal)).toBe(false);
    expect(asked).toEqual(['The model means to "delete" (Delete).', 'You asked to confirm every action.']);
  });
});
