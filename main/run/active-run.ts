// Folds host events into the one active run (phase, step, acting, thought). Pure; Electron main and the widget.
import type { HostEvent } from '../../src/host/protocol/host-api.js';

/** A point in the input library's space (physical pixels on X11, logical points on macOS). */
export interface Point {
  x: number;
  y: number;
}

export type RunPhase = 'running' | 'paused' | 'taken-over';

export interface ActiveRun {
  runId: string;
  phase: RunPhase;
  /** The host's display id (from run-start); null until then. */
  displayId: string | null;
  /** The current step, 0 before the first. */
  step: number;
  /** From action-parsed until action-done or the step's record: the agent owns the pointer and keyboard. */
  acting: boolean;
  /** Where the pending pointer action aims, in input space; null when none. */
  target: Point | null;
  /** The last THOUGHT_TAIL characters of this step's reasoning. */
  thought: string;
  /** A risky action waiting for the user's yes or no. */
  confirmation: { confirmationId: string; reason: string } | null;
}

export const THOUGHT_TAIL = 200;

function started(runId: string, phase: RunPhase): ActiveRun {
  return { runId, phase, displayId: null, step: 0, acting: false, target: null, thought: '', confirmation: null };
}

/** The last `length` characters of `text`, on a whole-character (code point) boundary. */
export function tail(text: string, length = THOUGHT_TAIL): string {
  const points = Array.from(text);
  return points.length <= length ? text : points.slice(points.length - length).join('');
}

type RunEventOf<T extends string> = Extract<Extract<HostEvent, { type: 'run' }>['event'], { type: T }>;

function applyStep(run: ActiveRun, event: Extract<HostEvent, { type: 'run' }>['event']): ActiveRun | null {
  const idle = { acting: false, target: null, confirmation: null };
  switch (event.type) {
    case 'run-start':
      return { ...run, displayId: event.displayId };
    case 'step-start':
      return { ...run, ...idle, step: event.step, thought: '' };
    case 'reasoning-delta':
      return event.step === run.step ? { ...run, thought: tail(run.thought + event.text) } : run;
    case 'action-parsed':
      return parsed(run, event);
    case 'action-done':
    case 'step-recorded':
      return { ...run, ...idle };
    case 'paused':
      return { ...run, phase: 'paused' };
    case 'resumed':
      return { ...run, phase: 'running' };
    case 'run-end':
      return null;
    default:
      return run;
  }
}

function parsed(run: ActiveRun, event: RunEventOf<'action-parsed'>): ActiveRun {
  const acts = event.error === null && !['done', 'fail', 'none'].includes(event.action.name);
  return { ...run, acting: acts, target: acts ? event.inputPoint : null };
}

/** The next state of the active run after one host event; null when no run is under way. */
export function applyRunEvent(run: ActiveRun | null, event: HostEvent): ActiveRun | null {
  switch (event.type) {
    case 'run-state':
      if (event.state === 'ended') return run?.runId === event.runId ? null : run;
      if (run?.runId !== event.runId) return started(event.runId, event.state);
      return { ...run, phase: event.state };
    case 'run':
      if (run?.runId === event.runId) return applyStep(run, event.event);
      return event.event.type === 'run-start' ? applyStep(started(event.runId, 'running'), event.event) : run;
    case 'confirmation-needed':
      if (run?.runId !== event.runId) return run;
      return { ...run, confirmation: { confirmationId: event.confirmationId, reason: event.reason } };
    default:
      return run;
  }
}
