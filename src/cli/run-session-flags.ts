// `deskhand run`'s session flags: --secret NAME=ENV_VAR (repeatable), --keep-sessions N and --keep-gb X (or
// DESKHAND_KEEP_SESSIONS / DESKHAND_KEEP_GB), checked before anything starts. Node only.
import { environmentSecrets, secretNamesIn, type SecretSource } from '../agent/secrets.js';
import { Redactor } from '../sessions/redact.js';
import { retentionPolicy, type RetentionPolicy, type RetentionResult } from '../sessions/retention.js';
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
    retention: retentionPolicy(
      keepSessions === undefined ? null : positiveInteger('--keep-sessions', keepSessions),
      keepGb === undefined ? null : positiveGb(keepGb),
    ),
  };
}

function positiveGb(value: string): number {
  const gb = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || !(gb > 0)) {
    throw new UsageError(`--keep-gb must be a positive number of gigabytes (e.g. 2 or 0.5), got "${value}".`);
  }
  return gb;
}

/** Says on stderr what retention removed and what it could not remove. */
export function printRetention(stderr: NodeJS.WritableStream): (result: RetentionResult) => void {
  return (result) => {
    if (result.removed.length > 0) {
      stderr.write(`deskhand: removed ${result.removed.length} old session(s) to stay within the retention limits\n`);
    }
    for (const problem of result.problems) stderr.write(`deskhand: an old session could not be removed: ${problem}\n`);
  };
}
