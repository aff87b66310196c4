import { describe, expect, it } from 'vitest';
import { formatDisplays } from '../../../src/cli/displays-command.js';

describe('formatDisplays', () => {
  it('lists index, id, size, origin, scale and the primary, one display per line', () => {
    expect(
      formatDisplays([
        { id: 'eDP-1', bounds: { x: 0, y: 360, width: 1920, height: 1080 }, scaleFactor: 1.5, primary: true },
        { id: 'DP-1', bounds: { x: 1920, y: 0, width: 2560, height: 1440 }, scaleFactor: 1.5, primary: false },
      ]),
    ).toBe(
      [
        ' 0  eDP-1  1920×1080    at 0,360        scale 1.5  primary',
        ' 1  DP-1   2560×1440    at 1920,0       scale 1.5',
      ].join('\n'),
    );
  });
});
