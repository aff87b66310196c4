// A session write that failed (full disk, no permission): says what was lost and what is kept. Node only.

/** Thrown by the recorder when the disk refuses a write; the message is meant for the user as it is. */
export class SessionWriteError extends Error {
  override readonly name = 'SessionWriteError';

  constructor(
    message: string,
    /** The errno code behind it (ENOSPC, EACCES …), if any. */
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** Why the file system refused, in words, for the usual codes. */
export function describeFsFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return 'no space is left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** The error for a write that failed mid-run: `what` could not be written, `steps` steps are kept in `dir`. */
export function sessionWriteError(error: unknown, what: string, dir: string, steps: number): SessionWriteError {
  const code = (error as NodeJS.ErrnoException).code;
  const full = code === 'ENOSPC' || code === 'EDQUOT';
  const lead = full ? 'The disk is full' : 'The session could not be written';
  const kept = `the ${steps} step${steps === 1 ? '' : 's'} recorded so far ${steps === 1 ? 'is' : 'are'} kept in ${dir}`;
  return new SessionWriteError(`${lead}: ${what} failed (${describeFsFailure(error)}); ${kept}.`, code);
}

/** The error for a sessions folder that cannot take a new session at all. */
export function sessionsDirError(error: unknown, sessionsDir: string): SessionWriteError {
  const code = (error as NodeJS.ErrnoException).code;
  return new SessionWriteError(`Cannot record a session in ${sessionsDir}: ${describeFsFailure(error)}.`, code);
}
