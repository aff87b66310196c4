import { describe, expect, it } from 'vitest';
import { applyRunEvent } from '../../../../main/run/active-run.js';
import { widgetView } from '../../../../main/widget/widget-view.js';
import { confirmationNeeded, reasoning, runState, stepStart } from '../host-events.js';

describe('widgetView', () => {
  const running = [runState('running'), stepStart(2), reasoning(2, '  Click Send.  ')].reduce(applyRunEvent, null);

  it('disables every button when no run is under way', () => {
    expect(widgetView(null)).toMatchObject({ status: 'Idle', enabled: false });
  });

  it('offers Pause and Take over while running, showing the step and the thought', () => {
    expect(widgetView(running)).toEqual({
      status: 'Working',
      step: 'Step 2',
      thought: 'Click Send.',
      pause: { label: 'Pause', method: 'run.pause' },
      takeOver: { label: 'Take over', method: 'run.takeOver' },
      confirmation: null,
      enabled: true,
    });
  });

  it('offers Resume when paused (also after an auto-pause) and Give back when taken over', () => {
    const paused = widgetView(applyRunEvent(running, runState('paused')));
    const takenOver = widgetView(applyRunEvent(running, runState('taken-over')));
    expect([paused.status, paused.pause, takenOver.status, takenOver.takeOver]).toEqual([
      'Paused',
      { label: 'Resume', method: 'run.resume' },
      'You have the desktop',
      { label: 'Give back', method: 'run.giveBack' },
    ]);
  });

  it('asks about a risky action', () => {
    expect(widgetView(applyRunEvent(running, confirmationNeeded('c-2')))).toMatchObject({
      status: 'Waiting for you',
      confirmation: { confirmationId: 'c-2', reason: 'Typing into a password field' },
    });
  });
});
