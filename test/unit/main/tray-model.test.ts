import { describe, expect, it } from 'vitest';
import { applyRunEvent } from '../../../main/run/active-run.js';
import { trayIconPixels, trayModel } from '../../../main/tray-model.js';
import { runState, stepStart } from './host-events.js';

describe('trayModel', () => {
  it('shows the status and step, and offers Stop only while a run is under way', () => {
    const running = [runState('running'), stepStart(3)].reduce(applyRunEvent, null);
    expect([trayModel(null), trayModel(running), trayModel(applyRunEvent(running, runState('paused')))]).toEqual([
      { status: 'idle', tooltip: 'Deskhand: idle', statusLabel: 'Idle', canStop: false },
      {
        status: 'running',
        tooltip: 'Deskhand: running a task (step 3)',
        statusLabel: 'Running a task (step 3)',
        canStop: true,
      },
      { status: 'paused', tooltip: 'Deskhand: paused (step 3)', statusLabel: 'Paused (step 3)', canStop: true },
    ]);
  });
});

describe('trayIconPixels', () => {
  it('draws a hollow ring when idle, a disc while running, two bars when paused', () => {
    const size = 32;
    const alpha = (pixels: Buffer, x: number, y: number) => pixels[(y * size + x) * 4 + 3];
    const centreAndBar = (status: Parameters<typeof trayIconPixels>[0]) => {
      const pixels = trayIconPixels(status, size, 0);
      return [alpha(pixels, 16, 16), alpha(pixels, 10, 16), alpha(pixels, 0, 0)];
    };
    expect([centreAndBar('idle'), centreAndBar('running'), centreAndBar('paused')]).toEqual([
      [0, 0, 0],
      [255, 255, 0],
      [0, 255, 0],
    ]);
  });
});
