// The one error an archive import raises for a bad or unsafe archive: its message says what is wrong and what to do.

/** The archive cannot be imported as it is; the CLI prints the message and exits 2. */
export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
}

/** The archive is fine but its session is already here; `sessionId` lets callers word it for their own reader. */
export class DuplicateSessionError extends ArchiveError {
  constructor(
    readonly sessionId: string,
    message: string,
  ) {
    super(message);
  }
}
