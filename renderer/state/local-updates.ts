// Pure state updates that come from the user rather than from host events. Pure; renderer.
import { emptyRun, type AppState } from './app-state.js';

/** Removes a confirmation the user answered, if it is still the one pending. */
export function dismissConfirmation(state: AppState, runId: string, confirmationId: string): AppState {
  const run = state.runs[runId];
  if (!run || run.confirmation?.confirmationId !== confirmationId) return state;
  return { ...state, runs: { ...state.runs, [runId]: { ...run, confirmation: null } } };
}

/**
 * run.start answered: the run view shows the run (alone for a fresh task, after the earlier runs for a follow-up),
 * even before its first event arrives.
 */
export function runStarted(
  state: AppState,
  started: { runId: string; sessionId: string; task: string },
  followUp: boolean,
): AppState {
  const run = state.runs[started.runId] ?? { ...emptyRun(started.runId, started.sessionId), task: started.task };
  const thread = followUp
    ? state.thread.includes(started.runId)
      ? state.thread
      : [...state.thread, started.runId]
    : [started.runId];
  return { ...state, runs: { ...state.runs, [started.runId]: run }, thread };
}

/** The host no longer knows a run this page shows as live (it ended unseen, or the host restarted): end it here. */
export function runGone(state: AppState, runId: string): AppState {
  const run = state.runs[runId];
  if (!run || run.phase === 'ended') return state;
  return { ...state, runs: { ...state.runs, [runId]: { ...run, phase: 'ended', confirmation: null } } };
}
