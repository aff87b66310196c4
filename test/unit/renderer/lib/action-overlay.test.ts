import { describe, expect, it } from 'vitest';
import { emptyAction, type Action } from '../../../../src/glm/actions.js';
import { boxRect, modelToFrame, overlayShapes } from '../../../../renderer/lib/action-overlay.js';

const action = (name: Action['name'], fields: Partial<Action> = {}): Action => ({ ...emptyAction(name), ...fields });

describe('overlayShapes', () => {
  it('puts the target at the action point, in frame pixels', () => {
    expect(overlayShapes(action('left_click', { box: [500, 500], point: [960, 540] }), 1920, 1080)).toEqual({
      target: { x: 960, y: 540 },
      dragTo: null,
      scroll: null,
    });
  });

  it('falls back to the 0–999 box scaled to the frame when there is no pixel point', () => {
    expect(overlayShapes(action('hover', { box: [250, 500] }), 1000, 800).target).toEqual({ x: 250, y: 400 });
  });

  it('draws a drag from point to endPoint', () => {
    const drag = action('left_drag', { point: [10, 20], endPoint: [300, 400] });
    expect(overlayShapes(drag, 1920, 1080).dragTo).toEqual({ x: 300, y: 400 });
  });

  it('draws a scroll with its direction and steps (default down, 5)', () => {
    expect(overlayShapes(action('scroll', { point: [5, 5], direction: 'up', steps: 3 }), 10, 10).scroll).toEqual({
      direction: 'up',
      steps: 3,
    });
    expect(overlayShapes(action('scroll', { point: [5, 5] }), 10, 10).scroll).toEqual({ direction: 'down', steps: 5 });
  });

  it('draws nothing for actions without a position', () => {
    expect(overlayShapes(action('key', { keys: ['enter'] }), 10, 10)).toEqual({
      target: null,
      dragTo: null,
      scroll: null,
    });
  });
});

describe('modelToFrame and boxRect', () => {
  it('scales thousandths to pixels', () => {
    expect(modelToFrame([999, 0], 2000, 1000)).toEqual({ x: 1998, y: 0 });
  });

  it('turns a 0–999 box into a rectangle, whatever the corner order', () => {
    expect(boxRect([600, 700, 500, 650])).toEqual({ x: 500, y: 650, width: 100, height: 50 });
  });
});
