// The pure reducer from host events to the renderer's state (STYLE §5.18). Pure; renderer.
import type { HostEvent } from '../../src/host/protocol/host-api.js';
import type { RunEvent } from '../../src/run-protocol/run-events.js';
import { emptyRun, emptyStep, type AppState, type RunState, type StepState } from './app-state.js';

type StepEvent = Extract<RunEvent, { step: number }>;

/**
 * Applies one host event; returns `state` itself when the event changes nothing or its seq is not newer. `at` is when
 * it arrived on this page's clock (ms), for the live timings of a step; null when unknown.
 */
export function applyEvent(state: AppState, event: HostEvent, seq: number, at: number | null = null): AppState {
  if (seq <= state.lastSeq) return state;
  const next = applyUnsequenced(state, event, at);
  return { ...next, lastSeq: seq };
}

function applyUnsequenced(state: AppState, event: HostEvent, at: number | null): AppState {
  switch (event.type) {
    case 'run': {
      const join = !state.runs[event.runId] || event.event.type === 'run-start';
      return withRun(
        state,
        event.runId,
        event.sessionId,
        (run) => applyRunEvent(withSession(run, event.sessionId), event.event, at),
        join,
      );
    }
    case 'run-state':
      return withRun(state, event.runId, '', (run) => ({
        ...run,
        phase: run.phase === 'ended' ? 'ended' : event.state,
        confirmation: event.state === 'ended' ? null : run.confirmation,
      }));
    case 'confirmation-needed': {
      const { confirmationId, step, action, reason } = event;
      return withRun(state, event.runId, '', (run) => ({
        ...run,
        confirmation: { confirmationId, step, action, reason },
      }));
    }
    case 'settings-changed':
      return { ...state, settings: event.settings };
    case 'error':
      return { ...state, hostError: event.message };
    case 'model-download': {
      const { type: _type, ...download } = event;
      return { ...state, modelDownload: download };
    }
  }
}

/** A run learns its session from the first run event that names it. */
function withSession(run: RunState, sessionId: string): RunState {
  return run.sessionId ? run : { ...run, sessionId };
}

/** Updates one run, creating it when its first events were missed; `joinThread` adds it to the run view. */
function withRun(
  state: AppState,
  runId: string,
  sessionId: string,
  update: (run: RunState) => RunState,
  joinThread = false,
): AppState {
  const existing = state.runs[runId];
  const run = update(existing ?? emptyRun(runId, sessionId));
  const thread = joinThread && !state.thread.includes(runId) ? [...state.thread, runId] : state.thread;
  return { ...state, runs: { ...state.runs, [runId]: run }, thread };
}

function applyRunEvent(run: RunState, event: RunEvent, at: number | null): RunState {
  switch (event.type) {
    case 'run-start':
      return {
        ...run,
        sessionId: event.sessionId,
        task: event.task,
        backend: event.backend,
        model: event.model,
        phase: 'running',
      };
    case 'paused':
      return run.phase === 'running' ? { ...run, phase: 'paused' } : run;
    case 'resumed':
      return run.phase === 'ended' ? run : { ...run, phase: 'running' };
    case 'run-end':
      return {
        ...run,
        phase: 'ended',
        outcome: event.outcome,
        confirmation: null,
        steps: run.steps.map(markUnfinished),
      };
    default:
      return withStep(run, event, at, (step) => applyStepEvent(step, event, run.sessionId, at));
  }
}

/** A step still in flight when its run ended was cut short. */
function markUnfinished(step: StepState): StepState {
  return step.phase === 'recorded' ? step : { ...step, phase: 'interrupted' };
}

/** Updates one step (steps stay in step order), creating it when its step-start was missed. */
function withStep(
  run: RunState,
  event: StepEvent,
  at: number | null,
  update: (step: StepState) => StepState,
): RunState {
  const index = run.steps.findLastIndex((step) => step.step === event.step);
  const steps =
    index >= 0
      ? run.steps.with(index, update(run.steps[index]!))
      : [...run.steps, update({ ...emptyStep(event.step), startedAt: at })].sort((a, b) => a.step - b.step);
  const confirmation =
    run.confirmation && (event.type === 'action-done' || event.type === 'step-recorded')
      ? run.confirmation.step === event.step
        ? null
        : run.confirmation
      : run.confirmation;
  return { ...run, steps, confirmation };
}

function applyStepEvent(step: StepState, event: StepEvent, sessionId: string, at: number | null): StepState {
  switch (event.type) {
    case 'step-start':
      return step;
    case 'step-observed':
      return { ...step, frame: { sessionId, frame: event.frame, width: event.width, height: event.height } };
    case 'reasoning-delta':
      return { ...streamed(step, event, at), reasoning: step.reasoning + event.text };
    case 'text-delta':
      return { ...streamed(step, event, at), answer: step.answer + event.text };
    case 'action-parsed':
      return {
        ...step,
        phase: 'acting',
        action: event.action,
        explanation: event.explanation,
        error: event.error,
        generatedAt: step.generatedAt ?? at,
      };
    case 'action-done':
      return { ...step, actMs: event.actMs, settleMs: event.settleMs };
    case 'step-recorded':
      return {
        ...step,
        phase: step.action === null ? 'interrupted' : 'recorded',
        timings: event.timings,
        completionTokens: event.usage.completionTokens,
        actMs: step.actMs ?? event.timings.actMs,
        settleMs: step.settleMs ?? event.timings.settleMs,
        acted: event.acted ?? step.actMs !== null,
        declined: event.declined ?? false,
      };
  }
}

/**
 * A streamed delta: the step is thinking; its token count is the host's running one (else one more); the first one
 * seen dates the request (its arrival less the host's time since the request).
 */
function streamed(step: StepState, delta: { tokens?: number; elapsedMs?: number }, at: number | null): StepState {
  const requestAt = at !== null && delta.elapsedMs !== undefined ? at - delta.elapsedMs : null;
  return {
    ...step,
    phase: 'thinking',
    tokens: delta.tokens ?? step.tokens + 1,
    requestAt: step.requestAt ?? requestAt,
    firstTokenAt: step.firstTokenAt ?? at,
  };
}
