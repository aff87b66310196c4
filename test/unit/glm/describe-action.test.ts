import { describe, expect, it } from 'vitest';
import { emptyAction, type Action } from '../../../src/glm/actions.js';
import { describeAction } from '../../../src/glm/describe-action.js';

const action = (fields: Partial<Action> & Pick<Action, 'name'>): Action => ({ ...emptyAction(fields.name), ...fields });

describe('describeAction', () => {
  it.each<[Action, string]>([
    [action({ name: 'left_click', point: [960, 540], elementInfo: 'OK' }), 'left_click on "OK" at 960,540'],
    [action({ name: 'left_drag', point: [100, 200], endPoint: [1500, 900] }), 'left_drag at 100,200 to 1500,900'],
    [action({ name: 'key', keys: ['ctrl', 'shift', 'escape'] }), 'key ctrl+shift+escape'],
    [action({ name: 'type', text: 'say "hi"\n' }), 'type "say \\"hi\\"\\n"'],
    [action({ name: 'scroll', point: [10, 20], direction: 'up', steps: 3 }), 'scroll up ×3 at 10,20'],
    [action({ name: 'scroll', point: [10, 20] }), 'scroll down ×5 at 10,20'],
    [action({ name: 'done' }), 'done'],
  ])('%#: %s', (input, expected) => {
    expect(describeAction(input)).toBe(expected);
  });
});
