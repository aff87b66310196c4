import { describe, it, expect } from 'vitest';
import type { ModelPoint, PixelPoint } from '../../../src/glm/actions.js';
import { boxCentre, mapModelPointToPixel } from '../../../src/glm/geometry.js';

describe('mapModelPointToPixel', () => {
  const cases: [string, ModelPoint, number, number, PixelPoint][] = [
    ['origin on 1920x1080', [0, 0], 1920, 1080, [0, 0]],
    ['centre on 1920x1080', [500, 500], 1920, 1080, [960, 540]],
    ['999 on 1920x1080', [999, 999], 1920, 1080, [1918, 1079]],
    ['origin on 1366x768', [0, 0], 1366, 768, [0, 0]],
    ['centre on 1366x768', [500, 500], 1366, 768, [683, 384]],
    ['999 on 1366x768', [999, 999], 1366, 768, [1365, 767]],
    ['origin on 3840x2160', [0, 0], 3840, 2160, [0, 0]],
    ['centre on 3840x2160', [500, 500], 3840, 2160, [1920, 1080]],
    ['999 on 3840x2160', [999, 999], 3840, 2160, [3836, 2158]],
    ['a float point', [376.4, 465.6], 1920, 1080, [723, 503]],
    ['1x1 frame', [999, 500], 1, 1, [0, 0]],
    ['1000 clamps to the last pixel', [1000, 1000], 1920, 1080, [1919, 1079]],
    ['negative clamps to 0', [-5, -0.2], 1920, 1080, [0, 0]],
    ['non-finite becomes 0', [Number.NaN, Number.POSITIVE_INFINITY], 1920, 1080, [0, 0]],
  ];
  for (const [label, point, width, height, expected] of cases) {
    it(label, () => {
      expect(mapModelPointToPixel(point, { width, height })).toEqual(expected);
    });
  }
});

describe('boxCentre', () => {
  it('gives the middle of a box', () => {
    expect(boxCentre(100, 200, 301, 400)).toEqual([200.5, 300]);
  });
});
