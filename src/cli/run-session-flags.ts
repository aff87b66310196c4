// `deskhand run`'s session flags: --secret NAME=ENV_VAR (repeatable), --keep-sessions N and --keep-gb X (or
// DESKHAND_KEEP_SESSIONS / DESKHAND_KEEP_GB), and the session they open. Node only.
import { environmentSecrets, secretNamesIn, withSecretTyping, type SecretSource } from '../agent/secrets.js';
import type { Operator } from '../desktop/types.js';
import { SessionRecorder } from '../sessions/recorder.js';
import { Redactor } from '../sessions/redact.js';
import { applyRetention, type RetentionPolicy } from '../sessions/retention.js';
import type { SessionInfo } from '../sessions/schema.js';
import { SessionWriteError } from '../sessions/session-write-error.js';
import { secretVariables } from './secret-flags.js';
import { positiveInteger, UsageError } from './usage.js';

export const RUN_SESSION_OPTIONS = {
  secret: { type: 'string', multiple: true },
  'keep-sessions': { type: 'string' },
  'keep-gb': { type: 'string' },
} as const;

export interface SessionFlags {
  secrets: SecretSource;
  /** Holds every --secret value from the start, so none of them is ever written. */
  redactor: Redactor;
  retention: RetentionPolicy;
}

const BYTES_PER_GB = 1024 ** 3;

/** Checks the flags before anything starts: every secret the instruction names must be given and set. */
export function parseSessionFlags(
  values: { secret?: string[]; 'keep-sessions'?: string; 'keep-gb'?: string },
  env: NodeJS.ProcessEnv,
  task: string,
): SessionFlags {
  const variables = secretVariables(values.secret, env);
  const redactor = new Redactor();
  for (const variable of variables.values()) redactor.markSecret(env[variable]!);
  const secrets = environmentSecrets(variables, env);
  const missing = secretNamesIn(task).filter((name) => !variables.has(name));
  if (missing.length > 0) {
    throw new UsageError(`The instruction uses {{secret:${missing[0]}}}: ${secrets.howToProvide(missing[0]!)}`);
  }
  const keepSessions = values['keep-sessions'] ?? env.DESKHAND_KEEP_SESSIONS;
  const keepGb = values['keep-gb'] ?? env.DESKHAND_KEEP_GB;
  return {
    secrets,
    redactor,
    retention: {
      keepSessions: keepSessions === undefined ? null : positiveInteger('--keep-sessions', keepSessions),
      keepBytes: keepGb === undefined ? null : positiveGb(keepGb) * BYTES_PER_GB,
    },
  };
}

function positiveGb(value: string): number {
  const gb = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || !(gb > 0)) {
    throw new UsageError(`--keep-gb must be a positive number of gigabytes (e.g. 2 or 0.5), got "${value}".`);
  }
  return gb;
}

/** The run's recorder and its operator (typing secrets); old sessions beyond the limits are removed. */
export async function openCliSession(options: {
  sessionsDir: string;
  info: SessionInfo;
  flags: SessionFlags;
  operator: Operator;
  stderr: NodeJS.WritableStream;
}): Promise<{ recorder: SessionRecorder; operator: Operator }> {
  const { flags, stderr } = options;
  const recorder = await SessionRecorder.create(options.sessionsDir, options.info, { redactor: flags.redactor }).catch(
    (error: unknown) => {
      if (!(error instanceof SessionWriteError)) throw error;
      throw new UsageError(`${error.message} Pick a writable folder with --sessions-dir DIR or DESKHAND_SESSIONS_DIR.`);
    },
  );
  const retention = await applyRetention(options.sessionsDir, flags.retention, recorder.id).catch((error: unknown) => ({
    removed: [],
    problems: [String(error)],
  }));
  if (retention.removed.length > 0) {
    stderr.write(`deskhand: removed ${retention.removed.length} old session(s) to stay within the retention limits\n`);
  }
  for (const problem of retention.problems) stderr.write(`deskhand: an old session could not be removed: ${problem}\n`);
  const operator = withSecretTyping(options.operator, flags.secrets, (value) => flags.redactor.markSecret(value));
  return { recorder, operator };
}
