// xrandr parsing, scale factor rules and display lookup on sample outputs. Node only.
import { describe, expect, it } from 'vitest';
import {
  findDisplay,
  parseScaleFactor,
  parseXrandrMonitors,
  parseXrandrOutputs,
  toDisplays,
} from '../../../src/desktop/displays.js';

const XVFB = `Screen 0: minimum 1 x 1, current 1920 x 1080, maximum 1920 x 1080
screen connected 1920x1080+0+0 0mm x 0mm
   1920x1080      0.00*
`;

const DUAL_WITH_DISCONNECTED = `Screen 0: minimum 8 x 8, current 4480 x 1440, maximum 32767 x 32767
eDP-1 connected primary 1920x1080+0+360 (normal left inverted right x axis y axis) 344mm x 194mm
   1920x1080     60.02*+  59.93
   1680x1050     59.88
HDMI-1 disconnected (normal left inverted right x axis y axis)
DP-1 connected 2560x1440+1920+0 (normal left inverted right x axis y axis) 597mm x 336mm
   2560x1440     59.95*+
DP-2 disconnected (normal left inverted right x axis y axis)
`;

const ROTATED_AND_OFF = `Screen 0: minimum 8 x 8, current 3640 x 1920, maximum 32767 x 32767
DP-2 connected 1080x1920+2560+0 left (normal left inverted right x axis y axis) 527mm x 296mm
   1920x1080     60.00*+
DP-1 connected primary 2560x1440+0+0 (normal left inverted right x axis y axis) 597mm x 336mm
   2560x1440     59.95*+
HDMI-2 connected (normal left inverted right x axis y axis)
   1920x1080     60.00 +
`;

describe('parseXrandrOutputs', () => {
  it('reads the single output Xvfb shows', () => {
    expect(parseXrandrOutputs(XVFB)).toEqual([
      { name: 'screen', primary: false, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
    ]);
  });

  it('keeps connected outputs with a mode and skips disconnected ones', () => {
    expect(parseXrandrOutputs(DUAL_WITH_DISCONNECTED)).toEqual([
      { name: 'eDP-1', primary: true, bounds: { x: 0, y: 360, width: 1920, height: 1080 } },
      { name: 'DP-1', primary: false, bounds: { x: 1920, y: 0, width: 2560, height: 1440 } },
    ]);
  });

  it('takes a rotated output as xrandr reports it and skips a connected output that is off', () => {
    expect(parseXrandrOutputs(ROTATED_AND_OFF)).toEqual([
      { name: 'DP-2', primary: false, bounds: { x: 2560, y: 0, width: 1080, height: 1920 } },
      { name: 'DP-1', primary: true, bounds: { x: 0, y: 0, width: 2560, height: 1440 } },
    ]);
  });

  it('returns nothing for empty or foreign text', () => {
    expect(parseXrandrOutputs('')).toEqual([]);
    expect(parseXrandrOutputs("Can't open display :9")).toEqual([]);
  });
});

const MONITORS_DUAL = `Monitors: 2
 0: +*eDP-1 1920/344x1080/194+0+360  eDP-1
 1: +DP-1 2560/597x1440/336+1920+0  DP-1
`;

/** One 3840-wide panel split by `xrandr --setmonitor` into two halves, one of them without an output. */
const MONITORS_SPLIT = `Monitors: 2
 0: LEFT 1920/508x1080/286+0+0  screen
 1: RIGHT 1920/508x1080/286+1920+0 
`;

describe('parseXrandrMonitors', () => {
  it('reads automatic monitors, named after their outputs, with the primary flag', () => {
    expect(parseXrandrMonitors(MONITORS_DUAL)).toEqual([
      { name: 'eDP-1', primary: true, bounds: { x: 0, y: 360, width: 1920, height: 1080 } },
      { name: 'DP-1', primary: false, bounds: { x: 1920, y: 0, width: 2560, height: 1440 } },
    ]);
  });

  it('reads monitors a user defined, by their own names', () => {
    expect(parseXrandrMonitors(MONITORS_SPLIT)).toEqual([
      { name: 'LEFT', primary: false, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
      { name: 'RIGHT', primary: false, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
    ]);
  });

  it('reads a monitor left of or above the origin', () => {
    expect(parseXrandrMonitors(' 0: +HDMI-1 1280/300x1024/240-1280-200  HDMI-1')).toEqual([
      { name: 'HDMI-1', primary: false, bounds: { x: -1280, y: -200, width: 1280, height: 1024 } },
    ]);
  });

  it('returns nothing for output it does not know (an xrandr without --listmonitors)', () => {
    expect(parseXrandrMonitors('')).toEqual([]);
    expect(parseXrandrMonitors("xrandr: unrecognized option '--listmonitors'")).toEqual([]);
    expect(parseXrandrMonitors(XVFB)).toEqual([]);
  });
});

describe('toDisplays', () => {
  it('puts the primary first, then orders by position, in physical space', () => {
    expect(toDisplays(parseXrandrOutputs(ROTATED_AND_OFF), 1.5)).toEqual([
      { id: 'DP-1', bounds: { x: 0, y: 0, width: 2560, height: 1440 }, scaleFactor: 1.5, primary: true },
      { id: 'DP-2', bounds: { x: 2560, y: 0, width: 1080, height: 1920 }, scaleFactor: 1.5, primary: false },
    ]);
  });

  it('treats the first output as primary when none is flagged (Xvfb)', () => {
    expect(toDisplays(parseXrandrOutputs(XVFB), 1)).toEqual([
      { id: 'screen', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1, primary: true },
    ]);
  });
});

describe('parseScaleFactor', () => {
  it.each([
    [{ DESKHAND_SCALE_FACTOR: '1.5', GDK_SCALE: '2' }, 'Xft.dpi:\t192', 1.5],
    [{ GDK_SCALE: '2' }, 'Xft.dpi:\t96', 2],
    [{ DESKHAND_SCALE_FACTOR: 'big' }, 'Xft.dpi:\t120', 1.25],
    [{}, 'Xft.antialias:\t1\nXft.dpi:\t144\n', 1.5],
    [{}, '', 1],
    [{ GDK_SCALE: '' }, 'Xft.dpi:\t10', 1],
  ])('env %j with xrdb %j → %d', (env, xrdb, expected) => {
    expect(parseScaleFactor(env, xrdb)).toBe(expected);
  });
});

describe('findDisplay', () => {
  const displays = toDisplays(parseXrandrOutputs(DUAL_WITH_DISCONNECTED), 1);

  it('finds a display by output name', () => {
    expect(findDisplay(displays, 'DP-1').id).toBe('DP-1');
  });

  it('finds a display by index, 0 being the primary', () => {
    expect(findDisplay(displays, '0').id).toBe('eDP-1');
    expect(findDisplay(displays, 1).id).toBe('DP-1');
  });

  it('takes the primary when no id is given', () => {
    expect(findDisplay(displays).id).toBe('eDP-1');
  });

  it('names the available displays when nothing matches', () => {
    expect(() => findDisplay(displays, 'HDMI-1')).toThrow(
      'Unknown display "HDMI-1". Available displays (index: id): 0: eDP-1, 1: DP-1',
    );
    expect(() => findDisplay(displays, 2)).toThrow(/Unknown display "2"/);
  });
});
