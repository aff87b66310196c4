// typedAction: the flat wire action → the union the operator switches on, with the same errors and defaults.
import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, emptyAction, type Action, type ActionName } from '../../../src/glm/actions.js';
import { IncompleteActionError, typedAction } from '../../../src/glm/typed-action.js';

const flat = (name: ActionName, fields: Partial<Action> = {}): Action => ({ ...emptyAction(name), ...fields });

describe('typedAction', () => {
  it.each([
    ['left_click', { point: [1, 2], box: [3, 4] }, { name: 'left_click', point: [1, 2] }],
    ['hover', { point: [5, 6] }, { name: 'hover', point: [5, 6] }],
    ['left_drag', { point: [1, 1], endPoint: [9, 9] }, { name: 'left_drag', point: [1, 1], endPoint: [9, 9] }],
    ['key', { keys: ['ctrl', 'c'] }, { name: 'key', keys: ['ctrl', 'c'] }],
    ['key', {}, { name: 'key', keys: [] }],
    ['type', { text: 'hi' }, { name: 'type', text: 'hi' }],
    ['type', {}, { name: 'type', text: '' }],
    [
      'scroll',
      { point: [1, 1], direction: 'up', steps: 2 },
      { name: 'scroll', point: [1, 1], direction: 'up', steps: 2 },
    ],
    ['scroll', { point: [1, 1] }, { name: 'scroll', point: [1, 1], direction: 'down', steps: 5 }],
    ['wait', {}, { name: 'wait' }],
    ['done', { text: 'ignored' }, { name: 'done' }],
    ['none', {}, { name: 'none' }],
  ] as const)('%s %j → %j', (name, fields, expected) => {
    expect(typedAction(flat(name, fields as Partial<Action>))).toEqual(expected);
  });

  it('keeps every action name', () => {
    const withFields: Partial<Action> = { point: [0, 0], endPoint: [1, 1] };
    expect(ACTION_NAMES.map((name) => typedAction(flat(name, withFields)).name)).toEqual([...ACTION_NAMES]);
  });

  it('refuses pointer actions without the points they need, naming the field', () => {
    expect(() => typedAction(flat('right_click'))).toThrow(IncompleteActionError);
    expect(() => typedAction(flat('scroll'))).toThrow('Action scroll needs a point');
    expect(() => typedAction(flat('left_drag', { point: [1, 1] }))).toThrow('Action left_drag needs an end point');
  });
});
