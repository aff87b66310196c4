// The AgentHost API as data: every command's params and result, every event. Pure: no Node, no DOM.
// One table, bound twice (Electron IPC in main/, WebSocket in src/host/bind-websocket.ts) and used by the renderer.
import { z } from 'zod';
import { Action, ModelPoint } from '../../glm/actions.js';
import { ErrorInfo } from '../../run-protocol/error-info.js';
import { RunEvent } from '../../run-protocol/run-events.js';
import { SessionExportFormat } from './session-transfer.js';
import { BackendConnection, LOCAL_DEVICES, LOCAL_VARIANTS, Settings } from './settings.js';

const Id = z.string().min(1).max(100);
const Ok = z.object({ ok: z.literal(true) });
const RunRef = z.object({ runId: Id });

export const DisplayInfo = z.object({
  id: z.string(),
  bounds: z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }),
  scaleFactor: z.number(),
  primary: z.boolean(),
});
export type DisplayInfo = z.infer<typeof DisplayInfo>;

export const RunStartParams = z.object({
  instruction: z.string().trim().min(1).max(4000),
  /** A saved preset id, or an inline server for this run only. */
  backend: z.union([z.object({ presetId: Id }), BackendConnection]),
  displayId: z.string().max(100).optional(),
  maxSteps: z.number().int().min(1).max(1000).optional(),
  /** Continue the context (history, memory) of an earlier run of this host with a follow-up instruction. */
  continueRunId: Id.optional(),
});
export type RunStartParams = z.infer<typeof RunStartParams>;

export const SessionFilter = z.object({
  query: z.string().max(200).optional(),
  outcome: z.enum(['done', 'fail', 'stopped', 'max-steps', 'stuck', 'unparseable', 'error', 'interrupted']).optional(),
  backend: z.string().max(100).optional(),
  /** ISO date: only sessions started at or after it. */
  since: z.string().max(40).optional(),
  limit: z.number().int().min(1).max(5000).optional(),
  /** Rows to skip, for paging with `limit` (newest first). */
  offset: z.number().int().min(0).max(1_000_000).optional(),
});

export const SessionRow = z.object({
  id: z.string(),
  task: z.string(),
  backend: z.string(),
  model: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  outcome: z.string(),
  steps: z.number().int(),
  /** On a follow-up run: the first session of its conversation, which it is listed under. */
  conversationId: z.string().optional(),
});
export type SessionRow = z.infer<typeof SessionRow>;

export const StepView = z.object({
  step: z.number().int(),
  frame: z.string(),
  frameSize: z.object({ width: z.number(), height: z.number() }),
  thinking: z.string(),
  explanation: z.string(),
  action: Action,
  error: z.string().nullable(),
  acted: z.boolean(),
  /** The user declined the action, so it was not carried out. */
  declined: z.boolean().optional(),
  timings: z.record(z.string(), z.number().nullable()),
  usage: z.object({ promptTokens: z.number().nullable(), completionTokens: z.number().nullable() }),
  /** A grounding step (locate): what was asked and the 0–999 box [x1, y1, x2, y2] found, or null. */
  grounding: z
    .object({ query: z.string(), box: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable() })
    .optional(),
});
export type StepView = z.infer<typeof StepView>;

export const BackendTestResult = z.object({
  ok: z.boolean(),
  model: z.string().nullable(),
  latencyMs: z.number().nullable(),
  message: z.string(),
  /** A failure as code and params, when known, so the UI can word it in its language. */
  error: ErrorInfo.optional(),
});

function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R) {
  return { params, result };
}

export const HOST_METHODS = {
  'run.start': method(RunStartParams, z.object({ runId: Id, sessionId: z.string() })),
  'run.pause': method(RunRef, Ok),
  'run.resume': method(RunRef, Ok),
  'run.stop': method(RunRef, Ok),
  /** Pause and release held keys and buttons so the user can use the desktop; give back resumes. */
  'run.takeOver': method(RunRef, Ok),
  'run.giveBack': method(RunRef, Ok),
  'run.confirm': method(z.object({ runId: Id, confirmationId: Id, approve: z.boolean() }), Ok),
  'displays.list': method(z.object({}), z.array(DisplayInfo)),
  'sessions.list': method(SessionFilter, z.array(SessionRow)),
  'sessions.get': method(
    z.object({ sessionId: Id }),
    z.object({ session: SessionRow, steps: z.array(StepView), warnings: z.array(z.string()) }),
  ),
  'sessions.delete': method(z.object({ sessionId: Id }), Ok),
  /** Where to download a session as `sessions export --html` / `--zip` writes it (a URL the transport serves). */
  'sessions.exportUrl': method(
    z.object({ sessionId: Id, format: SessionExportFormat }),
    z.object({ url: z.string(), fileName: z.string() }),
  ),
  /** Where to load a frame from (a URL the transport serves); frames never travel inside messages. */
  'frames.url': method(
    z.object({ sessionId: Id, frame: z.string().regex(/^frames\/\d{4,}\.(jpg|png)$/) }),
    z.object({ url: z.string() }),
  ),
  'settings.get': method(z.object({}), Settings),
  'settings.set': method(Settings, Settings),
  'backend.test': method(BackendConnection, BackendTestResult),
  /** Whether a local model folder meets the engine's contract, which providers this install has, and the memory it needs. */
  /** Without `variant` the folder's own files decide (the one `device` would load); `variants` are those present. */
  'model.status': method(
    z.object({
      modelDir: z.string().min(1).max(1000),
      variant: z.enum(LOCAL_VARIANTS).optional(),
      device: z.enum(LOCAL_DEVICES).optional(),
    }),
    z.object({
      valid: z.boolean(),
      errors: z.array(z.string()),
      providers: z.array(z.string()),
      estimatedBytes: z.number(),
      variant: z.enum(LOCAL_VARIANTS),
      variants: z.array(z.enum(LOCAL_VARIANTS)),
    }),
  ),
  /**
   * Downloads a variant (default folder: the models dir) of the configured manifest, or of the hosted export whose
   * manifest.json is at `manifestUrl` (its files beside it); progress as events.
   */
  'model.download': method(
    z.object({
      variant: z.enum(LOCAL_VARIANTS),
      out: z.string().min(1).max(1000).optional(),
      manifestUrl: z
        .string()
        .max(2000)
        .url()
        .regex(/^https?:\/\//i, 'must be an http(s) URL')
        .optional(),
    }),
    z.object({ downloadId: Id, out: z.string() }),
  ),
  /** Stops a download; its partial files stay, so downloading again resumes. */
  'model.stopDownload': method(z.object({ downloadId: Id }), Ok),
  /** GLM-4.1V grounding: where is `query` on the current screen? Returns a 0–999 box, or null. */
  locate: method(
    z.object({
      query: z.string().trim().min(1).max(500),
      backend: RunStartParams.shape.backend,
      displayId: z.string().max(100).optional(),
    }),
    z.object({
      sessionId: z.string(),
      frame: z.string(),
      box: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
      answer: z.string(),
    }),
  ),
} as const;

export type HostMethodName = keyof typeof HOST_METHODS;
export type HostParams<M extends HostMethodName> = z.input<(typeof HOST_METHODS)[M]['params']>;
export type HostResult<M extends HostMethodName> = z.infer<(typeof HOST_METHODS)[M]['result']>;

/** Events: deltas with ids and a host-wide sequence number; never whole state, never image bytes. */
export const HostEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run'), runId: Id, sessionId: z.string(), event: RunEvent }),
  z.object({ type: z.literal('run-state'), runId: Id, state: z.enum(['running', 'paused', 'taken-over', 'ended']) }),
  z.object({
    type: z.literal('confirmation-needed'),
    runId: Id,
    confirmationId: Id,
    step: z.number().int(),
    action: Action,
    reason: z.string(),
  }),
  z.object({ type: z.literal('settings-changed'), settings: Settings }),
  z.object({
    type: z.literal('model-download'),
    downloadId: Id,
    state: z.enum(['running', 'retrying', 'done', 'failed', 'stopped']),
    /** The folder the model goes into. */
    out: z.string(),
    file: z.string().nullable(),
    fileIndex: z.number().int(),
    fileCount: z.number().int(),
    doneBytes: z.number(),
    totalBytes: z.number(),
    message: z.string().nullable(),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type HostEvent = z.infer<typeof HostEvent>;

/** A closed set of error codes; messages say what to do and never carry stack traces. */
export const HostErrorCode = z.enum(['unknown-method', 'invalid-params', 'not-found', 'busy', 'config', 'internal']);
export type HostErrorCode = z.infer<typeof HostErrorCode>;

/** The wire frames of a transport that carries the API as JSON (WebSocket; Electron IPC uses the same shapes). */
export const ClientMessage = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().max(64),
  params: z.unknown(),
});
export const ServerMessage = z.union([
  z.object({ id: z.number().int(), result: z.unknown() }),
  z.object({
    id: z.number().int().nullable(),
    error: z.object({ code: HostErrorCode, message: z.string(), info: ErrorInfo.optional() }),
  }),
  z.object({ seq: z.number().int(), event: HostEvent }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** The wire's action and point types, re-exported so the renderer imports only the protocol. */
export { Action, ModelPoint };
export type { ActionName } from '../../glm/actions.js';
