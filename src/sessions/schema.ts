// The on-disk session format: session.json and one steps.jsonl line per step. Node only (shared by writer and reader).
import { z } from 'zod';
import { Action } from '../glm/actions.js';
import { Outcome, StepTimings } from '../run-protocol/run-events.js';

export const SESSION_FORMAT_VERSION = 1;

export const SessionInfo = z.object({
  formatVersion: z.literal(SESSION_FORMAT_VERSION),
  id: z.string(),
  task: z.string(),
  /** Backend kind, model, and the server URL without credentials or query; never an API key. */
  backend: z.object({ kind: z.string(), model: z.string(), baseUrl: z.string().nullable() }),
  display: z.object({
    id: z.string(),
    bounds: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
    scaleFactor: z.number(),
  }),
  maxSteps: z.number().int(),
  /** How the model was sent its screenshots; absent in sessions recorded before the choice existed (JPEG then). */
  imageFormat: z.enum(['png', 'jpeg']).optional(),
  /** For a follow-up instruction: the session of the run it continued. Absent on first runs and older sessions. */
  followUpOf: z.string().optional(),
  /** For a follow-up: the session of the conversation's first run, which follow-ups are grouped under. */
  conversationId: z.string().optional(),
  /** Most tokens the model could write per step; absent in sessions recorded before the setting existed. */
  maxTokens: z.number().int().optional(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  outcome: Outcome.nullable(),
  steps: z.number().int(),
  deskhandVersion: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const GroundingRecord = z.object({
  query: z.string(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
});
export type GroundingRecord = z.infer<typeof GroundingRecord>;

export const StepRecord = z.object({
  step: z.number().int().positive(),
  startedAt: z.string(),
  /** The frame the model saw, relative to the session folder. */
  frame: z.string(),
  frameSize: z.object({ width: z.number().int(), height: z.number().int() }),
  raw: z.string(),
  thinking: z.string(),
  explanation: z.string(),
  memory: z.string(),
  action: Action,
  error: z.string().nullable(),
  /** The point the input library was given, for pointer actions. */
  inputPoint: z.object({ x: z.number(), y: z.number() }).nullable(),
  /** Whether the action was carried out (false for none, retries, and a stop before acting). */
  acted: z.boolean(),
  /** True when the user (or an unanswered confirmation prompt) declined the action, so it was not carried out. */
  declined: z.boolean().optional(),
  timings: StepTimings,
  usage: z.object({ promptTokens: z.number().nullable(), completionTokens: z.number().nullable() }),
  /**
   * A grounding step (locate, "Find on screen"): what was asked and the 0–999 box [x1, y1, x2, y2] the model gave,
   * null when it gave none. Absent from run steps and from locate sessions recorded before it existed.
   */
  grounding: GroundingRecord.optional(),
});
export type StepRecord = z.infer<typeof StepRecord>;
