// The renderer's state: a projection of host events, holding only what the views show. Pure; renderer.
import type { Action, HostEvent } from '../../src/host/protocol/host-api.js';
import type { Outcome, StepTimings } from '../../src/run-protocol/run-events.js';
import type { Settings } from '../../src/host/protocol/settings.js';

/** How far a run is; `ended` is final. */
export type RunPhase = 'running' | 'paused' | 'taken-over' | 'ended';

/** Where a step is in observe → think → act → record. */
/** `interrupted`: the run ended (stop, error) before the step's action was carried out. */
export type StepPhase = 'observing' | 'thinking' | 'acting' | 'recorded' | 'interrupted';

/** A screenshot by reference: the frame path inside its session, and its size in pixels. Never image bytes. */
export interface FrameRef {
  sessionId: string;
  frame: string;
  /** Frame width in pixels (the space of `Action.point`). */
  width: number;
  /** Frame height in pixels. */
  height: number;
}

/** One step of a run as the timeline shows it. */
export interface StepState {
  step: number;
  phase: StepPhase;
  frame: FrameRef | null;
  /** The model's thinking so far (streamed). */
  reasoning: string;
  /** The model's answer text so far (streamed). */
  answer: string;
  action: Action | null;
  explanation: string;
  /** Why the answer gave no usable action; null when it did. */
  error: string | null;
  /** Milliseconds to perform the action. */
  actMs: number | null;
  /** Milliseconds waited for the screen to settle. */
  settleMs: number | null;
  timings: StepTimings | null;
  /** Generated tokens as the server counted them, once the step is recorded (null when it sent no usage). */
  completionTokens: number | null;
  /** Tokens streamed so far: the host's running count (the server's, or one per streamed delta). */
  tokens: number;
  /**
   * On this page's clock (ms, Date.now()): when the step started, when its request to the model was sent (from the
   * host's time since the request on the first delta seen), its first token arrived and its action was parsed.
   */
  startedAt: number | null;
  requestAt: number | null;
  firstTokenAt: number | null;
  generatedAt: number | null;
  /** Whether the action was carried out; null until the step is recorded. */
  acted: boolean | null;
  /** The user declined the action, so it was not carried out. */
  declined: boolean;
}

/** An action waiting for the user's approval. */
export interface PendingConfirmation {
  confirmationId: string;
  step: number;
  action: Action;
  reason: string;
}

/** One run, live. */
export interface RunState {
  runId: string;
  sessionId: string;
  task: string;
  backend: string;
  model: string;
  phase: RunPhase;
  /** In step order. */
  steps: StepState[];
  outcome: Outcome | null;
  confirmation: PendingConfirmation | null;
}

export interface AppState {
  /** The newest event sequence number applied; older or equal ones are ignored. */
  lastSeq: number;
  runs: Record<string, RunState>;
  /** The runs the run view shows, oldest first: a task and its follow-ups. */
  thread: string[];
  /** Null until the first settings.get answers. */
  settings: Settings | null;
  /** The latest host-wide error event's message, until dismissed. */
  hostError: string | null;
  /** The latest progress of the model download started last (it stays after it ends, to show how it ended). */
  modelDownload: ModelDownloadState | null;
}

export type ModelDownloadState = Omit<Extract<HostEvent, { type: 'model-download' }>, 'type'>;

export const INITIAL_STATE: AppState = {
  lastSeq: -1,
  runs: {},
  thread: [],
  settings: null,
  hostError: null,
  modelDownload: null,
};

/** A step with nothing known yet but its number. */
export function emptyStep(step: number): StepState {
  return {
    step,
    phase: 'observing',
    frame: null,
    reasoning: '',
    answer: '',
    action: null,
    explanation: '',
    error: null,
    actMs: null,
    settleMs: null,
    timings: null,
    completionTokens: null,
    tokens: 0,
    startedAt: null,
    requestAt: null,
    firstTokenAt: null,
    generatedAt: null,
    acted: null,
    declined: false,
  };
}

/** A run known only by its ids (its run-start was missed, e.g. the page opened mid-run). */
export function emptyRun(runId: string, sessionId: string): RunState {
  return {
    runId,
    sessionId,
    task: '',
    backend: '',
    model: '',
    phase: 'running',
    steps: [],
    outcome: null,
    confirmation: null,
  };
}

/** The run the controls act on: the newest run of the thread, if any. */
export function currentRun(state: AppState): RunState | null {
  const runId = state.thread.at(-1);
  return runId === undefined ? null : (state.runs[runId] ?? null);
}
