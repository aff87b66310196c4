import { describe, expect, it } from 'vitest';
import { emptyAction, type Action } from '../../../../src/glm/actions.js';
import { actionDetails, actionIcon, shorten } from '../../../../renderer/lib/action-summary.js';

const action = (name: Action['name'], fields: Partial<Action> = {}): Action => ({ ...emptyAction(name), ...fields });

describe('actionDetails', () => {
  const cases: [string, Action, string[]][] = [
    ['a click names its element', action('left_click', { elementInfo: 'OK button' }), ['OK button']],
    ['a key press shows the chord', action('key', { keys: ['ctrl', 'shift', 't'] }), ['ctrl+shift+t']],
    ['typed text is quoted', action('type', { text: 'hello' }), ['“hello”']],
    [
      'a scroll shows direction and steps',
      action('scroll', { direction: 'up', steps: 3, elementInfo: 'list' }),
      ['↑ 3', 'list'],
    ],
    ['a scroll without steps uses the default 5', action('scroll', { direction: 'down' }), ['↓ 5']],
    ['done has no details', action('done'), []],
  ];
  for (const [label, input, expected] of cases) {
    it(label, () => expect(actionDetails(input)).toEqual(expected));
  }

  it('shortens long typed text and shows newlines', () => {
    expect(actionDetails(action('type', { text: `line one\n${'x'.repeat(80)}` }))[0]).toBe(
      `“line one⏎${'x'.repeat(50)}…”`,
    );
  });
});

describe('actionIcon', () => {
  it('picks an icon per action kind, scroll by direction', () => {
    expect(
      [
        action('left_click'),
        action('left_double_click'),
        action('left_drag'),
        action('key'),
        action('type'),
        action('scroll', { direction: 'up' }),
        action('scroll', { direction: 'down' }),
        action('done'),
        action('fail'),
      ].map(actionIcon),
    ).toEqual(['click', 'double-click', 'drag', 'keyboard', 'type', 'scroll-up', 'scroll-down', 'done', 'fail']);
  });
});

describe('shorten', () => {
  it('keeps short text and cuts long text to the limit', () => {
    expect(shorten('abc', 3)).toBe('abc');
    expect(shorten('abcd', 3)).toBe('ab…');
  });
});
