import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyRunEvent, type ActiveRun, type Point } from '../../../../main/run/active-run.js';
import { PointerWatch, userMovedPointer, watchesPointer } from '../../../../main/run/pointer-watch.js';
import { actionDone, actionParsed, confirmationNeeded, runState, stepStart } from '../host-events.js';

describe('userMovedPointer', () => {
  it('counts a move beyond 8 px from where the agent left the pointer, never while an action runs', () => {
    const agent = { x: 100, y: 100 };
    expect([
      userMovedPointer(agent, { x: 100, y: 100 }, false),
      userMovedPointer(agent, { x: 105, y: 106 }, false),
      userMovedPointer(agent, { x: 106, y: 106 }, false),
      userMovedPointer(agent, { x: 400, y: 50 }, true),
      userMovedPointer(null, { x: 400, y: 50 }, false),
    ]).toEqual([false, false, true, false, false]);
  });
});

describe('watchesPointer', () => {
  it('watches only a running run with no action in flight and no open question', () => {
    const running = [runState('running'), stepStart(1)].reduce(applyRunEvent, null);
    expect([
      watchesPointer(null),
      watchesPointer(running),
      watchesPointer(applyRunEvent(running, actionParsed(1, { x: 1, y: 1 }))),
      watchesPointer(applyRunEvent(running, confirmationNeeded())),
      watchesPointer(applyRunEvent(running, runState('paused'))),
    ]).toEqual([false, true, false, false, false]);
  });
});

describe('PointerWatch', () => {
  let cursor: Point;
  let tripped: string[];
  let watch: PointerWatch;
  let run: ActiveRun | null;
  const feed = (...events: Parameters<typeof applyRunEvent>[1][]) => {
    for (const event of events) {
      run = applyRunEvent(run, event);
      watch.update(run);
    }
  };

  beforeEach(() => {
    vi.useFakeTimers();
    cursor = { x: 10, y: 10 };
    tripped = [];
    run = null;
    watch = new PointerWatch({ cursor: () => cursor, onUserMoved: (runId) => void tripped.push(runId) });
  });
  afterEach(() => {
    watch.dispose();
    vi.useRealTimers();
  });

  it('pauses once when the user moves the pointer during a running step', () => {
    feed(runState('running'), stepStart(1));
    vi.advanceTimersByTime(300);
    cursor = { x: 300, y: 10 };
    vi.advanceTimersByTime(100);
    vi.advanceTimersByTime(1000);
    expect(tripped).toEqual(['run-1']);
  });

  it('takes where an action left the pointer (a drag ending elsewhere) as the agent’s, not the user’s', () => {
    feed(runState('running'), stepStart(1), actionParsed(1, { x: 50, y: 50 }, 'left_drag'));
    cursor = { x: 500, y: 400 };
    vi.advanceTimersByTime(500);
    feed(actionDone(1));
    vi.advanceTimersByTime(500);
    expect(tripped).toEqual([]);
  });

  it('ignores moves while paused and re-baselines on resume (the user clicked Resume)', () => {
    feed(runState('running'), runState('paused'));
    cursor = { x: 900, y: 900 };
    vi.advanceTimersByTime(500);
    feed(runState('running'));
    vi.advanceTimersByTime(500);
    expect(tripped).toEqual([]);
    cursor = { x: 0, y: 0 };
    vi.advanceTimersByTime(100);
    expect(tripped).toEqual(['run-1']);
  });

  it('stays quiet after tripping until the pause arrives, then watches again after resume', () => {
    feed(runState('running'));
    cursor = { x: 200, y: 10 };
    vi.advanceTimersByTime(100);
    feed(stepStart(2));
    cursor = { x: 400, y: 10 };
    vi.advanceTimersByTime(500);
    expect(tripped).toEqual(['run-1']);
    feed(runState('paused'), runState('running'));
    cursor = { x: 10, y: 400 };
    vi.advanceTimersByTime(100);
    expect(tripped).toEqual(['run-1', 'run-1']);
  });

  it('stops polling when the run ends', () => {
    feed(runState('running'), runState('ended'));
    cursor = { x: 999, y: 999 };
    vi.advanceTimersByTime(1000);
    expect([tripped, vi.getTimerCount()]).toEqual([[], 0]);
  });
});
