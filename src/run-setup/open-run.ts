// Everything a run needs before its first step, the same for `deskhand run`, `sessions rerun`, the host's runs and
// locate: the backend, the desktop and display, then the session (secrets checked, recorder, retention, secret
// typing). Setup failures the user can fix are one RunSetupError; the CLI makes it exit 2, the host `config`. Node only.
import { secretNamesIn, withSecretTyping, type SecretSource } from '../agent/secrets.js';
import { findDisplay } from '../desktop/displays.js';
import { DesktopSetupError } from '../desktop/errors.js';
import type { ImageFormat } from '../desktop/encode.js';
import type { Display, Operator } from '../desktop/types.js';
import type { ErrorInfo } from '../run-protocol/error-info.js';
import { newSessionInfo } from '../sessions/new-session.js';
import { SessionRecorder } from '../sessions/recorder.js';
import { Redactor } from '../sessions/redact.js';
import { applyRetention, type RetentionPolicy, type RetentionResult } from '../sessions/retention.js';
import { SessionWriteError } from '../sessions/session-write-error.js';

/** What the user must fix: a secret the task names, the desktop or display, or the sessions folder. */
export type RunSetupProblem = 'secret' | 'desktop' | 'sessions-dir';

export class RunSetupError extends Error {
  override readonly name = 'RunSetupError';
  constructor(
    readonly problem: RunSetupProblem,
    message: string,
    /** The problem as code and params where the app words it itself. */
    readonly info?: ErrorInfo,
  ) {
    super(message);
  }
}

/** The model side as a session records it: a ChatBackend, or a rerun's `{ kind: 'rerun' }`. */
export interface RunBackend {
  kind: string;
  model: string;
}

export interface RunSpec {
  /** The task as the session records it. */
  task: string;
  /** Text whose {{secret:NAME}}s must all be available (the instruction; a rerun's typed text). */
  secretsIn: string;
  maxSteps: number;
  imageFormat?: ImageFormat;
  /** Most tokens per step, recorded in the session when the run sets it. */
  maxTokens?: number;
  /** For a follow-up: the session it continues and the first session of that conversation. */
  followUp?: { of: string; conversationId: string };
  sessionsDir: string;
  retention: RetentionPolicy;
}

export interface RunDeps<B extends RunBackend> {
  /** The backend and its base URL for the record; its own errors are the caller's to word. */
  backend: () => Promise<{ backend: B; baseUrl: string | null }>;
  desktop: () => Promise<{ operator: Operator; display: Display }>;
  /** Checks the display before anything is recorded (a rerun's recorded sizes); throws to refuse it. */
  checkDisplay?: (display: Display) => void;
  secrets: SecretSource;
  /** Already holds secrets known up front (the CLI's --secret values); default: a new one. */
  redactor?: Redactor;
  /** What retention removed and could not remove. */
  onRetention: (result: RetentionResult) => void;
}

export interface OpenedRun<B extends RunBackend> {
  backend: B;
  baseUrl: string | null;
  /** The desktop operator, typing {{secret:NAME}} values and keeping them out of the session. */
  operator: Operator;
  display: Display;
  recorder: SessionRecorder;
}

/** The desktop and display `open` gives, a DesktopSetupError (no X display, unknown display) as RunSetupError. */
export function openSetupDesktop(
  open: RunDeps<RunBackend>['desktop'],
): Promise<{ operator: Operator; display: Display }> {
  return open().catch((error: unknown) => {
    throw error instanceof DesktopSetupError ? new RunSetupError('desktop', error.message) : error;
  });
}

/** The backend, then the desktop. Locate needs only these. */
export async function openRunTarget<B extends RunBackend>(deps: Pick<RunDeps<B>, 'backend' | 'desktop'>) {
  const { backend, baseUrl } = await deps.backend();
  const { operator, display } = await openSetupDesktop(deps.desktop);
  return { backend, baseUrl, operator, display };
}

export async function openRun<B extends RunBackend>(spec: RunSpec, deps: RunDeps<B>): Promise<OpenedRun<B>> {
  const { backend, baseUrl, operator, display } = await openRunTarget(deps);
  deps.checkDisplay?.(display);
  for (const name of secretNamesIn(spec.secretsIn)) {
    if (!(await deps.secrets.get(name))) {
      const message = `The instruction uses {{secret:${name}}}: ${deps.secrets.howToProvide(name)}`;
      throw new RunSetupError('secret', message, { code: 'secret-missing', params: { name } });
    }
  }
  const redactor = deps.redactor ?? new Redactor();
  const info = newSessionInfo({ ...spec, backend, baseUrl, display });
  const recorder = await SessionRecorder.create(spec.sessionsDir, info, { redactor }).catch((error: unknown) => {
    throw error instanceof SessionWriteError ? new RunSetupError('sessions-dir', error.message) : error;
  });
  const retention = await applyRetention(spec.sessionsDir, spec.retention, recorder.id).catch((error: unknown) => ({
    removed: [],
    problems: [String(error)],
  }));
  deps.onRetention(retention);
  const typing = withSecretTyping(operator, deps.secrets, (value) => redactor.markSecret(value));
  return { backend, baseUrl, operator: typing, display, recorder };
}

/** The local desktop's operator and the display `id` names (an id or index); else `preferredId` if present, else the primary. */
export async function openLocalDesktop(options: {
  createOperator: () => Promise<Operator>;
  displayId: string | undefined;
  preferredId?: string;
}): Promise<{ operator: Operator; display: Display }> {
  const operator = await options.createOperator();
  const displays = await operator.displays();
  const preferred = displays.some((display) => display.id === options.preferredId) ? options.preferredId : undefined;
  return { operator, display: findDisplay(displays, options.displayId ?? preferred) };
}
