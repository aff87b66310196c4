// The zustand store holding the AppState projection, and the few commands the views send it. Renderer.
import { create } from 'zustand';
import type { Settings } from '../../src/host/protocol/settings.js';
import { applyEvent } from './apply-event.js';
import { INITIAL_STATE, type AppState } from './app-state.js';
import { dismissConfirmation, runGone, runStarted } from './local-updates.js';
import type { SequencedEvent } from './event-batcher.js';

/** The store; components select small slices of it. */
export const useAppStore = create<AppState>(() => INITIAL_STATE);

/** Folds a batch of host events into the store with one update. */
export function applyEvents(events: SequencedEvent[]): void {
  useAppStore.setState((state) =>
    events.reduce((next, { event, seq, at }) => applyEvent(next, event, seq, at ?? null), state),
  );
}

/** Shows a started run on the run view; a fresh task replaces the earlier runs there (they stay in Sessions). */
export function showStartedRun(started: { runId: string; sessionId: string; task: string }, followUp: boolean): void {
  useAppStore.setState((state) => runStarted(state, started, followUp));
}

export function setSettings(settings: Settings): void {
  useAppStore.setState({ settings });
}

export function dismissHostError(): void {
  useAppStore.setState({ hostError: null });
}

/** The user answered a confirmation; hide it without waiting for the run's next event. */
export function confirmationAnswered(runId: string, confirmationId: string): void {
  useAppStore.setState((state) => dismissConfirmation(state, runId, confirmationId));
}

/** A run command answered not-found: the host has no such live run any more. */
export function markRunGone(runId: string): void {
  useAppStore.setState((state) => runGone(state, runId));
}
