// executeAction: which input call each action makes, with points mapped from frame pixels to input space. Node only.
import { describe, expect, it } from 'vitest';
import { executeAction, type ActionInput } from '../../../src/desktop/nut-operator.js';
import { emptyAction, type Action, type ActionName } from '../../../src/glm/actions.js';

type Call = [string, ...unknown[]];

function recordingInput(calls: Call[]): ActionInput {
  const record =
    (name: string) =>
    async (...args: unknown[]) => {
      calls.push([name, ...args.filter((arg) => !(arg instanceof AbortSignal))]);
    };
  return {
    click: record('click'),
    hover: record('hover'),
    doubleClick: record('doubleClick'),
    drag: record('drag'),
    pressChord: record('pressChord'),
    type: record('type'),
    scroll: record('scroll'),
  };
}

/** A half-size capture of a 1920×1080 display that sits right of another one. */
const frame = { width: 960, height: 540, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };

async function run(name: ActionName, fields: Partial<Action> = {}, signal = new AbortController().signal) {
  const calls: Call[] = [];
  await executeAction(recordingInput(calls), { ...emptyAction(name), ...fields }, frame, signal);
  return calls;
}

describe('executeAction', () => {
  it.each([
    ['left_click', { point: [100, 50] }, [['click', { x: 2121, y: 101 }, 'left']]],
    ['right_click', { point: [0, 0] }, [['click', { x: 1921, y: 1 }, 'right']]],
    ['middle_click', { point: [959, 539] }, [['click', { x: 3839, y: 1079 }, 'middle']]],
    ['hover', { point: [480, 270] }, [['hover', { x: 2881, y: 541 }]]],
    ['left_double_click', { point: [10, 10] }, [['doubleClick', { x: 1941, y: 21 }]]],
    ['left_drag', { point: [0, 0], endPoint: [959, 539] }, [['drag', { x: 1921, y: 1 }, { x: 3839, y: 1079 }]]],
    ['key', { keys: ['ctrl', 'a'] }, [['pressChord', ['ctrl', 'a']]]],
    ['type', { text: 'héllo' }, [['type', 'héllo']]],
    ['scroll', { point: [100, 100], direction: 'up', steps: 3 }, [['scroll', { x: 2121, y: 201 }, 'up', 3]]],
    ['scroll', { point: [100, 100] }, [['scroll', { x: 2121, y: 201 }, 'down', 5]]],
    ['done', {}, []],
    ['fail', {}, []],
    ['none', {}, []],
  ] as const)('%s %j → %j', async (name, fields, expected) => {
    expect(await run(name, fields as Partial<Action>)).toEqual(expected);
  });

  it('rejects pointer actions without the points they need', async () => {
    await expect(run('left_click')).rejects.toThrow('Action left_click needs a point');
    await expect(run('left_drag', { point: [1, 1] })).rejects.toThrow('Action left_drag needs an end point');
  });

  it('makes no input call once the signal has aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    const calls: Call[] = [];
    const action = { ...emptyAction('left_click'), point: [1, 1] as [number, number] };
    await expect(executeAction(recordingInput(calls), action, frame, controller.signal)).rejects.toThrow('stopped');
    expect(calls).toEqual([]);
  });

  it('waits 5 s for `wait` but returns as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(new Error('stopped')), 20);
    await expect(run('wait', {}, controller.signal)).rejects.toThrow('stopped');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
