import { describe, expect, it } from 'vitest';
import { applyRunEvent, tail, type ActiveRun } from '../../../../main/run/active-run.js';
import {
  actionDone,
  actionParsed,
  confirmationNeeded,
  reasoning,
  runEnd,
  runStart,
  runState,
  stepStart,
} from '../host-events.js';

const fold = (events: Parameters<typeof applyRunEvent>[1][], from: ActiveRun | null = null) =>
  events.reduce(applyRunEvent, from);

describe('applyRunEvent', () => {
  it('follows a run from start through a click to its end', () => {
    const acting = fold([
      runState('running'),
      runStart('HDMI-1'),
      stepStart(1),
      reasoning(1, 'Find the '),
      reasoning(1, 'button.'),
      actionParsed(1, { x: 640, y: 360 }),
    ]);
    expect(acting).toEqual({
      runId: 'run-1',
      phase: 'running',
      displayId: 'HDMI-1',
      step: 1,
      acting: true,
      target: { x: 640, y: 360 },
      thought: 'Find the button.',
      confirmation: null,
    });
    expect(fold([actionDone(1)], acting)).toMatchObject({ acting: false, target: null, thought: 'Find the button.' });
    expect(fold([stepStart(2)], acting)).toMatchObject({ step: 2, thought: '', acting: false });
    expect(fold([runEnd()], acting)).toBeNull();
    expect(fold([runState('ended')], acting)).toBeNull();
  });

  it('does not count done, fail or an unparseable answer as the agent acting', () => {
    const running = fold([runState('running'), stepStart(1)]);
    expect(
      [
        actionParsed(1, null, 'done'),
        actionParsed(1, null, 'fail'),
        actionParsed(1, { x: 1, y: 1 }, 'left_click', 'no action'),
        actionParsed(1, null, 'type'),
      ].map((event) => applyRunEvent(running, event)?.acting),
    ).toEqual([false, false, false, true]);
  });

  it('tracks pause, take-over and confirmation, and ignores events of other runs', () => {
    const running = fold([runState('running'), stepStart(1)]);
    expect(fold([runState('paused')], running)?.phase).toBe('paused');
    expect(fold([runState('taken-over')], running)?.phase).toBe('taken-over');
    expect(fold([confirmationNeeded('c-9')], running)?.confirmation).toEqual({
      confirmationId: 'c-9',
      reason: 'Typing into a password field',
    });
    expect(fold([runState('ended', 'other'), confirmationNeeded('c', 'other'), stepStart(5)], running)?.step).toBe(5);
  });

  it('keeps only the last 200 characters of the thought, never splitting a character', () => {
    const running = fold([runState('running'), stepStart(1)]);
    const long = fold([reasoning(1, 'a'.repeat(150)), reasoning(1, '思'.repeat(100))], running);
    expect(long?.thought).toBe('a'.repeat(100) + '思'.repeat(100));
    expect(tail('😀😀😀', 2)).toBe('😀😀');
    expect(fold([reasoning(7, 'late text of another step')], running)?.thought).toBe('');
  });
});
