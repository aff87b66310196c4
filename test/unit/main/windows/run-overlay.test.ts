import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../../../src/host/protocol/host-api.js';
import {
  idleOverlay,
  markerBounds,
  overlayView,
  overlayVisibility,
  RunOverlay,
  widgetBounds,
  type OverlayState,
  type Rect,
} from '../../../../main/windows/run-overlay.js';
import { actionDone, actionParsed, runEnd, runStart, runState, stepObserved, stepStart } from '../host-events.js';

describe('widgetBounds and markerBounds', () => {
  it('puts the 360×140 widget at the bottom-right of the work area, on secondary displays too', () => {
    expect([
      widgetBounds({ x: 0, y: 0, width: 1920, height: 1040 }),
      widgetBounds({ x: -1280, y: 200, width: 1280, height: 1024 }),
      widgetBounds({ x: 0, y: 0, width: 300, height: 100 }),
    ]).toEqual([
      { x: 1544, y: 884, width: 360, height: 140 },
      { x: -376, y: 1068, width: 360, height: 140 },
      { x: 0, y: 0, width: 300, height: 100 },
    ]);
  });

  it('centres the marker on the target', () => {
    expect([markerBounds({ x: 640, y: 360 }), markerBounds({ x: 10.6, y: 5.2 }, 20)]).toEqual([
      { x: 612, y: 332, width: 56, height: 56 },
      { x: 1, y: -5, width: 20, height: 20 },
    ]);
  });
});

const fold = (events: HostEvent[], state: OverlayState) => events.reduce((s, e) => overlayVisibility(e, s), state);

describe('overlayVisibility', () => {
  it('hides our windows around each capture where the OS cannot keep them out of it (X11)', () => {
    const running = fold([runState('running'), runStart()], idleOverlay(false));
    expect([fold([stepStart(1)], running), fold([stepStart(1), stepObserved(1)], running)]).toEqual([
      { contentProtection: false, active: true, capturing: true, target: null },
      { contentProtection: false, active: true, capturing: false, target: null },
    ]);
  });

  it('never hides for captures where content protection works (macOS, Windows)', () => {
    expect(fold([runState('running'), stepStart(1)], idleOverlay(true)).capturing).toBe(false);
  });

  it('rings a parsed pointer action until it is done, and forgets everything when the run ends', () => {
    const parsed = fold(
      [runState('running'), stepStart(1), stepObserved(1), actionParsed(1, { x: 5, y: 6 })],
      idleOverlay(false),
    );
    expect(parsed.target).toEqual({ x: 5, y: 6 });
    expect(fold([actionDone(1)], parsed).target).toBeNull();
    expect(fold([actionParsed(1, { x: 5, y: 6 }, 'left_click', 'bad box')], parsed).target).toBeNull();
    expect([fold([runEnd()], parsed), fold([runState('ended')], parsed)]).toEqual([
      idleOverlay(false),
      idleOverlay(false),
    ]);
  });
});

describe('overlayView', () => {
  const widget: Rect = { x: 1544, y: 884, width: 360, height: 140 };
  const active: OverlayState = { contentProtection: false, active: true, capturing: false, target: null };

  it('shows the main window only when no run is under way', () => {
    expect(overlayView(idleOverlay(false), widget, null)).toEqual({ mainWindow: true, widget: null, marker: null });
    expect(overlayView(active, widget, null)).toEqual({ mainWindow: false, widget, marker: null });
  });

  it('shows the marker at the target, and moves the widget aside when the target is under it', () => {
    const aiming = { ...active, target: { x: 0, y: 0 } };
    expect(overlayView(aiming, widget, { x: 100, y: 100 })).toEqual({
      mainWindow: false,
      widget,
      marker: { x: 72, y: 72, width: 56, height: 56 },
    });
    expect(overlayView(aiming, widget, { x: 1600, y: 900 }).widget).toBeNull();
  });

  it('shows nothing of ours during a capture', () => {
    expect(overlayView({ ...active, capturing: true, target: { x: 1, y: 1 } }, widget, { x: 1, y: 1 })).toEqual({
      mainWindow: false,
      widget: null,
      marker: null,
    });
  });
});

describe('RunOverlay', () => {
  it('touches each window only when its decision changes, and maps targets to the screen', () => {
    const calls: string[] = [];
    const overlay = new RunOverlay(
      {
        setMainWindowVisible: (visible) => calls.push(`main ${visible}`),
        setWidget: (bounds) => calls.push(bounds ? `widget ${bounds.x},${bounds.y}` : 'widget hidden'),
        setMarker: (bounds) => calls.push(bounds ? `marker ${bounds.x},${bounds.y}` : 'marker hidden'),
        toScreen: ({ x, y }) => ({ x: x / 2, y: y / 2 }),
      },
      false,
      { x: 0, y: 0, width: 1920, height: 1040 },
    );
    const events = [
      runState('running'),
      stepStart(1),
      stepObserved(1),
      actionParsed(1, { x: 400, y: 400 }),
      actionDone(1),
      stepStart(2),
      runState('ended'),
    ];
    for (const event of events) overlay.update(event);
    expect(calls).toEqual([
      'main false',
      'widget 1544,884',
      'widget hidden',
      'widget 1544,884',
      'marker 172,172',
      'marker hidden',
      'widget hidden',
      'main true',
    ]);
  });
});
