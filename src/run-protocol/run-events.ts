// The events one agent run emits (CLI --json lines, the app's live view). Pure: no Node, no DOM.
import { z } from 'zod';
import { Action } from '../glm/actions.js';
import { ErrorInfo } from './error-info.js';

/** How a run ended. Each kind has one CLI exit code (see OUTCOME_EXIT_CODES). */
export const OutcomeKind = z.enum(['done', 'fail', 'stopped', 'max-steps', 'stuck', 'unparseable', 'error']);
export type OutcomeKind = z.infer<typeof OutcomeKind>;

/**
 * `message` is English, for logs, the CLI and old sessions; `error` (absent in sessions recorded before it existed)
 * lets the UI word the ending in its own language.
 */
export const Outcome = z.object({ kind: OutcomeKind, message: z.string(), error: ErrorInfo.optional() });
export type Outcome = z.infer<typeof Outcome>;

/** `deskhand run` exit codes, a CLI contract. Configuration errors (2) are decided before a run starts. */
export const OUTCOME_EXIT_CODES: Record<OutcomeKind, number> = {
  done: 0,
  fail: 3,
  stopped: 4,
  'max-steps': 5,
  stuck: 6,
  unparseable: 6,
  error: 1,
};

/** Milliseconds spent in each phase of one step; null where the phase did not run. */
export const StepTimings = z.object({
  captureMs: z.number().nullable(),
  encodeMs: z.number().nullable(),
  firstTokenMs: z.number().nullable(),
  generationMs: z.number().nullable(),
  parseMs: z.number().nullable(),
  actMs: z.number().nullable(),
  settleMs: z.number().nullable(),
  recordMs: z.number().nullable(),
});
export type StepTimings = z.infer<typeof StepTimings>;

const step = z.number().int().positive();

/**
 * Tokens the model has generated so far in this step, this delta included: the server's running count when its
 * stream reports usage on the way, else one per streamed delta. Absent from hosts that did not count.
 */
const StreamedTokens = z.number().int().nonnegative().optional();

/** Milliseconds from the step's request to the model to this delta (so the first one's is the time to first token). */
const SinceRequest = z.number().nonnegative().optional();

export const RunEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run-start'),
    sessionId: z.string(),
    sessionDir: z.string(),
    task: z.string(),
    backend: z.string(),
    model: z.string(),
    displayId: z.string(),
  }),
  z.object({ type: z.literal('step-start'), step }),
  /** The screenshot the model sees in this step is on disk (relative to the session folder). */
  z.object({
    type: z.literal('step-observed'),
    step,
    frame: z.string(),
    width: z.number().int(),
    height: z.number().int(),
  }),
  z.object({
    type: z.literal('reasoning-delta'),
    step,
    text: z.string(),
    tokens: StreamedTokens,
    elapsedMs: SinceRequest,
  }),
  z.object({ type: z.literal('text-delta'), step, text: z.string(), tokens: StreamedTokens, elapsedMs: SinceRequest }),
  z.object({
    type: z.literal('action-parsed'),
    step,
    action: Action,
    explanation: z.string(),
    error: z.string().nullable(),
    /** Where the pointer goes in the input library's space, for pointer actions. */
    inputPoint: z.object({ x: z.number(), y: z.number() }).nullable(),
  }),
  z.object({ type: z.literal('action-done'), step, actMs: z.number(), settleMs: z.number() }),
  z.object({
    type: z.literal('step-recorded'),
    step,
    timings: StepTimings,
    usage: z.object({ promptTokens: z.number().nullable(), completionTokens: z.number().nullable() }),
    /** Whether the action was carried out, and whether the user declined it (as the session records them). */
    acted: z.boolean().optional(),
    declined: z.boolean().optional(),
  }),
  z.object({ type: z.literal('paused') }),
  z.object({ type: z.literal('resumed') }),
  z.object({ type: z.literal('run-end'), outcome: Outcome, steps: z.number().int(), sessionId: z.string() }),
]);
export type RunEvent = z.infer<typeof RunEvent>;

/** The first event of every run or rerun: the session recording it, the task, the backend and the display. */
export function runStartEvent(
  session: { id: string; dir: string },
  run: { task: string; backend: { kind: string; model: string }; display: { id: string } },
): RunEvent {
  return {
    type: 'run-start',
    sessionId: session.id,
    sessionDir: session.dir,
    task: run.task,
    backend: run.backend.kind,
    model: run.backend.model,
    displayId: run.display.id,
  };
}
