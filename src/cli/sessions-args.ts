// What the `deskhand sessions` verbs share: their streams, flag parsing and opening a session by id. Node only.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { readSession, SessionNotFoundError, type SessionDetail } from '../sessions/reader.js';
import { sessionsDirFromFlag } from './sessions-dir-flag.js';
import { UsageError } from './usage.js';

export interface SessionsIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses one verb's flags (plus the shared --sessions-dir) and exactly `positionalNames.length` positionals. */
export function parseVerbArgs<const T extends Options>(
  verb: string,
  args: string[],
  options: T,
  positionalNames: string[],
) {
  const { values, positionals } = parseArgs({
    args,
    options: { ...options, 'sessions-dir': { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  if (positionals.length !== positionalNames.length) {
    const expected = positionalNames.length === 0 ? 'no arguments' : positionalNames.join(' ');
    throw new UsageError(`\`deskhand sessions ${verb}\` takes ${expected}, got: ${positionals.join(' ') || 'none'}.`);
  }
  const sessionsDir = sessionsDirFromFlag((values as { 'sessions-dir'?: string })['sessions-dir']);
  return { values, positionals, sessionsDir };
}

/** The session `id` (or a unique prefix) names; an unknown id is a usage error (exit 2). */
export async function openSession(sessionsDir: string, id: string): Promise<SessionDetail> {
  try {
    return await readSession(sessionsDir, id);
  } catch (error) {
    if (error instanceof SessionNotFoundError) throw new UsageError(error.message);
    throw error;
  }
}
