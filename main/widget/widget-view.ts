// What the run widget shows and which method each button calls. Pure; runs in the widget window's renderer.
import type { ActiveRun } from '../run/active-run.js';

export interface WidgetView {
  status: string;
  step: string;
  thought: string;
  pause: { label: string; method: 'run.pause' | 'run.resume' };
  takeOver: { label: string; method: 'run.takeOver' | 'run.giveBack' };
  /** A risky action waiting for the user's answer, with the host's reason. */
  confirmation: { confirmationId: string; reason: string } | null;
  /** False when no run is under way: every button is disabled. */
  enabled: boolean;
}

const STATUS = { running: 'Working', paused: 'Paused', 'taken-over': 'You have the desktop' } as const;

export function widgetView(run: ActiveRun | null): WidgetView {
  if (run === null) {
    return {
      status: 'Idle',
      step: '',
      thought: '',
      pause: { label: 'Pause', method: 'run.pause' },
      takeOver: { label: 'Take over', method: 'run.takeOver' },
      confirmation: null,
      enabled: false,
    };
  }
  return {
    status: run.confirmation ? 'Waiting for you' : STATUS[run.phase],
    step: run.step > 0 ? `Step ${run.step}` : '',
    thought: run.thought.trim(),
    pause: run.phase === 'paused' ? { label: 'Resume', method: 'run.resume' } : { label: 'Pause', method: 'run.pause' },
    takeOver:
      run.phase === 'taken-over'
        ? { label: 'Give back', method: 'run.giveBack' }
        : { label: 'Take over', method: 'run.takeOver' },
    confirmation: run.confirmation,
    enabled: true,
  };
}
