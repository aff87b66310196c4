// Geometry tables for frame pixel → input coordinates and display bounds per input space. Node only.
import { describe, expect, it } from 'vitest';
import { displayBoundsInInputSpace, mapFramePixelToInput } from '../../../src/desktop/coordinates.js';
import type { InputSpace } from '../../../src/desktop/coordinates.js';
import type { Rect } from '../../../src/desktop/types.js';

interface Geometry {
  name: string;
  physical: Rect;
  scaleFactor: number;
  space: InputSpace;
  /** Capture size; defaults to the physical size. */
  frame?: { width: number; height: number };
}

const geometries: Geometry[] = [
  { name: 'single 1920×1080', physical: rect(0, 0, 1920, 1080), scaleFactor: 1, space: 'physical' },
  { name: 'right of two side by side', physical: rect(1920, 0, 2560, 1440), scaleFactor: 1, space: 'physical' },
  { name: 'left display, negative origin', physical: rect(-1920, 0, 1920, 1080), scaleFactor: 1, space: 'physical' },
  { name: 'stacked above, negative origin', physical: rect(0, -1080, 1920, 1080), scaleFactor: 1, space: 'physical' },
  { name: 'stacked below', physical: rect(0, 1080, 1920, 1080), scaleFactor: 1, space: 'physical' },
  ...[1, 1.25, 1.5, 2].flatMap((scaleFactor): Geometry[] => [
    { name: `×${scaleFactor} physical`, physical: scaled(scaleFactor), scaleFactor, space: 'physical' },
    { name: `×${scaleFactor} logical`, physical: scaled(scaleFactor), scaleFactor, space: 'logical' },
  ]),
  { name: '×2 logical, right display', physical: rect(3840, 0, 3840, 2160), scaleFactor: 2, space: 'logical' },
  {
    name: 'downscaled capture',
    physical: rect(0, 0, 1920, 1080),
    scaleFactor: 1,
    space: 'physical',
    frame: { width: 960, height: 540 },
  },
  {
    name: 'downscaled ×1.5 logical, negative origin',
    physical: rect(-2880, -1620, 2880, 1620),
    scaleFactor: 1.5,
    space: 'logical',
    frame: { width: 1316, height: 740 },
  },
];

function rect(x: number, y: number, width: number, height: number): Rect {
  return { x, y, width, height };
}

function scaled(scaleFactor: number): Rect {
  return rect(0, 0, 1920 * scaleFactor, 1080 * scaleFactor);
}

function frameOf(geometry: Geometry) {
  const bounds = displayBoundsInInputSpace(geometry.physical, geometry.scaleFactor, geometry.space);
  const size = geometry.frame ?? { width: geometry.physical.width, height: geometry.physical.height };
  return { ...size, bounds };
}

function inside(point: { x: number; y: number }, bounds: Rect): boolean {
  const { x, y } = point;
  return x >= bounds.x && x < bounds.x + bounds.width && y >= bounds.y && y < bounds.y + bounds.height;
}

describe('mapFramePixelToInput', () => {
  it.each(geometries)('keeps every corner and the centre inside the display: $name', (geometry) => {
    const frame = frameOf(geometry);
    const { width: w, height: h } = frame;
    const pixels: [number, number][] = [
      [0, 0],
      [w - 1, 0],
      [0, h - 1],
      [w - 1, h - 1],
      [w >> 1, h >> 1],
    ];
    for (const pixel of pixels) expect(inside(mapFramePixelToInput(pixel, frame), frame.bounds)).toBe(true);
  });

  it.each([
    ['single 1920×1080', [0, 0], { x: 0, y: 0 }],
    ['single 1920×1080', [1919, 1079], { x: 1919, y: 1079 }],
    ['single 1920×1080', [960, 540], { x: 960, y: 540 }],
    ['right of two side by side', [0, 0], { x: 1920, y: 0 }],
    ['right of two side by side', [2559, 1439], { x: 4479, y: 1439 }],
    ['left display, negative origin', [0, 0], { x: -1920, y: 0 }],
    ['left display, negative origin', [1919, 1079], { x: -1, y: 1079 }],
    ['stacked above, negative origin', [100, 200], { x: 100, y: -880 }],
    ['stacked below', [100, 200], { x: 100, y: 1280 }],
    ['×1.25 physical', [2399, 1349], { x: 2399, y: 1349 }],
    ['×1.25 logical', [2399, 1349], { x: 1919, y: 1079 }],
    ['×1.25 logical', [1000, 500], { x: 800, y: 400 }],
    ['×1.5 logical', [1439, 809], { x: 959, y: 539 }],
    ['×2 physical', [1001, 501], { x: 1001, y: 501 }],
    ['×2 logical', [1001, 501], { x: 500, y: 250 }],
    ['×2 logical', [3839, 2159], { x: 1919, y: 1079 }],
    ['×2 logical, right display', [0, 0], { x: 1920, y: 0 }],
    ['downscaled capture', [0, 0], { x: 1, y: 1 }],
    ['downscaled capture', [480, 270], { x: 961, y: 541 }],
    ['downscaled capture', [959, 539], { x: 1919, y: 1079 }],
    ['downscaled ×1.5 logical, negative origin', [0, 0], { x: -1920, y: -1080 }],
    ['downscaled ×1.5 logical, negative origin', [1315, 739], { x: -1, y: -1 }],
  ] as const)('%s: pixel %j → %j', (name, pixel, expected) => {
    const geometry = geometries.find((candidate) => candidate.name === name);
    if (!geometry) throw new Error(`no geometry ${name}`);
    expect(mapFramePixelToInput([pixel[0], pixel[1]], frameOf(geometry))).toEqual(expected);
  });

  it('clamps points outside the frame to the display edge', () => {
    const frame = { width: 1920, height: 1080, bounds: rect(1920, 0, 1920, 1080) };
    expect(mapFramePixelToInput([-5, 5000], frame)).toEqual({ x: 1920, y: 1079 });
  });

  it('rejects non-finite points and empty frames', () => {
    const bounds = rect(0, 0, 10, 10);
    expect(() => mapFramePixelToInput([Number.NaN, 0], { width: 10, height: 10, bounds })).toThrow(/not finite/);
    expect(() => mapFramePixelToInput([0, 0], { width: 0, height: 10, bounds })).toThrow(/empty/);
  });
});

describe('displayBoundsInInputSpace', () => {
  it.each([
    [rect(0, 0, 1920, 1080), 1, 'physical', rect(0, 0, 1920, 1080)],
    [rect(0, 0, 1920, 1080), 1, 'logical', rect(0, 0, 1920, 1080)],
    [rect(0, 0, 2400, 1350), 1.25, 'logical', rect(0, 0, 1920, 1080)],
    [rect(0, 0, 2400, 1350), 1.25, 'physical', rect(0, 0, 2400, 1350)],
    [rect(2880, 0, 2880, 1620), 1.5, 'logical', rect(1920, 0, 1920, 1080)],
    [rect(-3840, -2160, 3840, 2160), 2, 'logical', rect(-1920, -1080, 1920, 1080)],
    [rect(-3840, -2160, 3840, 2160), 2, 'physical', rect(-3840, -2160, 3840, 2160)],
  ] as const)('%j at ×%d in %s space → %j', (physical, scaleFactor, space, expected) => {
    expect(displayBoundsInInputSpace(physical, scaleFactor, space)).toEqual(expected);
  });

  it('rejects a scale factor that is not positive', () => {
    expect(() => displayBoundsInInputSpace(rect(0, 0, 1, 1), 0, 'logical')).toThrow(/positive/);
  });
});
