// One agent run: steps until the model says DONE or FAIL, the user stops it, or a limit ends it. Node only.
import { BackendError, type ChatBackend, type BackendErrorCode } from '../backends/chat-backend.js';
import { DEFAULT_IMAGE_FORMAT, framesDiffer, type ImageFormat } from '../desktop/encode.js';
import { DesktopSetupError } from '../desktop/errors.js';
import type { Display, Frame, Operator } from '../desktop/types.js';
import type { Outcome, RunEvent } from '../run-protocol/run-events.js';
import type { SessionRecorder } from '../sessions/recorder.js';
import { SessionWriteError } from '../sessions/session-write-error.js';
import { isAbort } from '../abortable.js';
import { endRun, type RunEnding } from './end-run.js';
import { DEFAULT_SAMPLING, EMPTY_HISTORY, type RunHistory, type Sampling } from './history.js';
import { PauseGate } from './pause-gate.js';
import { runStep, type ConfirmAction, type StepContext } from './run-step.js';
import { UnknownSecretError } from './secrets.js';
import { budgetUsed, isStuck, retriesExhausted, STUCK_REPEATS, UNPARSEABLE_RETRIES } from './stop-conditions.js';

export interface RunOptions {
  task: string;
  backend: ChatBackend;
  operator: Operator;
  display: Display;
  recorder: SessionRecorder;
  maxSteps: number;
  signal: AbortSignal;
  onEvent: (event: RunEvent) => void;
  gate?: PauseGate;
  sampling?: Sampling;
  /** Asked before each action (the confirmation policy lives with the caller). */
  confirm?: ConfirmAction;
  historyImages?: number;
  settleCapMs?: number;
  /** Largest screenshot sent to the model (width × height); null or absent for full size. */
  maxPixels?: number | null;
  /** How screenshots are encoded for the model (default PNG, lossless). */
  imageFormat?: ImageFormat;
  /** History and memory of an earlier run, for a follow-up instruction in the same context. */
  initialHistory?: RunHistory;
}

export interface RunResult {
  outcome: Outcome;
  /** Model calls made. */
  steps: number;
  exitCode: number;
  /** What the run knew at its end, to continue with a follow-up instruction. */
  history: RunHistory;
}

/** Backend failures that the user fixes in configuration (exit 2), not internal errors. */
const CONFIGURATION_ERRORS: readonly BackendErrorCode[] = ['unreachable', 'not-found', 'unauthorized', 'config'];

export async function runAgent(options: RunOptions): Promise<RunResult> {
  const context: StepContext = {
    task: options.task,
    displayId: options.display.id,
    backend: options.backend,
    operator: options.operator,
    recorder: options.recorder,
    gate: options.gate ?? new PauseGate(),
    sampling: options.sampling ?? DEFAULT_SAMPLING,
    signal: options.signal,
    emit: options.onEvent,
    framesDiffer,
    confirm: options.confirm,
    historyImages: options.historyImages,
    settleCapMs: options.settleCapMs,
    maxPixels: options.maxPixels ?? null,
    imageFormat: options.imageFormat ?? DEFAULT_IMAGE_FORMAT,
  };
  let steps = 0;
  let history = options.initialHistory ?? EMPTY_HISTORY;
  let result: EndOfRun;
  try {
    result = {
      outcome: await runSteps(context, options.maxSteps, history, {
        nextStep: () => ++steps,
        keep: (latest) => (history = latest),
      }),
    };
  } catch (error) {
    result = outcomeOfError(error, options.signal);
  }
  // An unwritable session's outcome already says what the disk refused and what is kept.
  const end = await endRun(context, result, steps, (error) =>
    result.sessionUnwritable ? null : describeDiskError(error),
  );
  return { outcome: end.outcome, steps, exitCode: end.exitCode, history };
}

async function runSteps(
  context: StepContext,
  maxSteps: number,
  initialHistory: RunHistory,
  progress: { nextStep: () => number; keep: (history: RunHistory) => void },
): Promise<Outcome> {
  let history = initialHistory;
  let previousFrame: Frame | null = null;
  let failures = 0;
  let taken = 0;
  while (!budgetUsed(taken, maxSteps)) {
    taken = progress.nextStep();
    const result = await runStep(context, taken, history, previousFrame);
    if (result.kind === 'finished') {
      const { action, explanation } = result.answer;
      const kind = action.name === 'done' ? 'done' : 'fail';
      return { kind, message: explanation || (kind === 'done' ? 'The model said DONE.' : 'The model said FAIL.') };
    }
    if (result.kind === 'declined') {
      const { name } = result.answer.action;
      return {
        kind: 'stopped',
        message: `You declined the ${name} action, so the run stopped.`,
        error: { code: 'action-declined', params: { action: name } },
      };
    }
    if (result.kind === 'unparseable') {
      failures += 1;
      if (retriesExhausted(failures)) {
        return {
          kind: 'unparseable',
          message: `The model's answer could not be parsed ${UNPARSEABLE_RETRIES + 1} times in a row: ${result.error}`,
        };
      }
      continue;
    }
    failures = 0;
    history = result.history;
    progress.keep(history);
    previousFrame = result.frame;
    if (isStuck(history.acted)) {
      return {
        kind: 'stuck',
        message: `The model repeated the same action ${STUCK_REPEATS} times and the screen did not change.`,
        error: { code: 'stuck', params: { repeats: STUCK_REPEATS } },
      };
    }
  }
  return {
    kind: 'max-steps',
    message: `The step budget of ${maxSteps} was used up before the model said DONE.`,
    error: { code: 'step-budget', params: { maxSteps } },
  };
}

interface EndOfRun extends RunEnding {
  /** The run ended because the session could not be written, so closing it will fail too. */
  sessionUnwritable?: boolean;
}

function outcomeOfError(error: unknown, signal: AbortSignal): EndOfRun {
  if (isAbort(error, signal)) {
    return {
      outcome: { kind: 'stopped', message: 'Stopped by the user.', error: { code: 'stopped-by-user', params: {} } },
    };
  }
  if (error instanceof BackendError) {
    const exitCode = CONFIGURATION_ERRORS.includes(error.code) ? 2 : 1;
    return {
      outcome: { kind: 'error', message: error.message, ...(error.info ? { error: error.info } : {}) },
      exitCode,
    };
  }
  if (error instanceof DesktopSetupError) return { outcome: { kind: 'error', message: error.message }, exitCode: 2 };
  if (error instanceof SessionWriteError) {
    return { outcome: { kind: 'error', message: error.message }, sessionUnwritable: true };
  }
  if (error instanceof UnknownSecretError) return { outcome: { kind: 'error', message: error.message }, exitCode: 2 };
  if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
    return { outcome: { kind: 'error', message: describeDiskError(error) } };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { outcome: { kind: 'error', message: `Internal error: ${message}` } };
}

function describeDiskError(error: unknown): string {
  if ((error as NodeJS.ErrnoException).code === 'ENOSPC') {
    return 'The disk is full, so the session could not be written: free some space; the steps recorded so far are kept.';
  }
  return `The session could not be closed: ${error instanceof Error ? error.message : String(error)}`;
}
