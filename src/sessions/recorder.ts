// Writes one session to disk so that a kill at any instant leaves a readable session: the folder appears whole with
// its session.json, a frame is on disk before the step naming it, and every write is fsynced. Node only.
import { boundedStep, FIELD_LIMITS, truncated } from './field-limits.js';
import { join } from 'node:path';
import { SessionInfo, StepRecord, type SessionInfo as SessionInfoType } from './schema.js';
import type { Outcome } from '../run-protocol/run-events.js';
import { LOCK_FILE, lockFileText } from './recording-lock.js';
import { Redactor } from './redact.js';
import { diskSessionFiles, type SessionFiles } from './session-files.js';
import { sessionsDirError, sessionWriteError } from './session-write-error.js';

export interface RecorderOptions {
  /** The disk; tests pass one that fails. */
  files?: SessionFiles;
  /** Keeps secrets out of the files; shared with whoever learns secret values during the run. */
  redactor?: Redactor;
}

export class SessionRecorder {
  private info: SessionInfoType;
  /** Set when an append failed part-way, so that the next line starts on a line of its own. */
  private tornTail = false;

  private constructor(
    readonly dir: string,
    info: SessionInfoType,
    private readonly files: SessionFiles,
    private readonly redactor: Redactor,
  ) {
    this.info = info;
  }

  /** Creates the session folder, its lock and the first session.json; a SessionWriteError when the disk refuses. */
  static async create(
    sessionsDir: string,
    info: SessionInfoType,
    options: RecorderOptions = {},
  ): Promise<SessionRecorder> {
    info = { ...info, task: truncated(info.task, FIELD_LIMITS.task) };
    const files = options.files ?? diskSessionFiles;
    const redactor = options.redactor ?? new Redactor();
    const valid = SessionInfo.parse({ ...info, task: redactor.redact(info.task) });
    // Built under a hidden name and renamed into place, so that a session folder never lacks its session.json.
    const staging = join(sessionsDir, `.${valid.id}.partial`);
    const dir = join(sessionsDir, valid.id);
    try {
      await files.makeDir(join(staging, 'frames'));
      await files.writeAtomically(join(staging, LOCK_FILE), lockFileText());
      await files.writeAtomically(join(staging, 'session.json'), infoText(valid));
      await files.rename(staging, dir);
    } catch (error) {
      throw sessionsDirError(error, sessionsDir);
    }
    return new SessionRecorder(dir, valid, files, redactor);
  }

  get id(): string {
    return this.info.id;
  }

  /** Stores the frame the model saw for `step` and returns its path relative to the session folder. */
  async writeFrame(step: number, data: Buffer, extension: 'jpg' | 'png'): Promise<string> {
    const relative = `frames/${String(step).padStart(4, '0')}.${extension}`;
    await this.guard(`writing the frame of step ${step}`, () =>
      this.files.writeAtomically(join(this.dir, relative), data),
    );
    return relative;
  }

  /** Appends one step (secrets redacted) and fsyncs, so a crash loses at most the step in flight. */
  async appendStep(record: StepRecord): Promise<void> {
    const line =
      (this.tornTail ? '\n' : '') +
      JSON.stringify(StepRecord.parse(boundedStep(this.redactor.redactStep(record)))) +
      '\n';
    await this.guard(`recording step ${record.step}`, async () => {
      this.tornTail = true;
      await this.files.append(join(this.dir, 'steps.jsonl'), line);
      this.tornTail = false;
    });
    this.info = { ...this.info, steps: record.step };
  }

  /** Records how the run ended and lets go of the session's lock. */
  async finish(outcome: Outcome, endedAt = new Date()): Promise<void> {
    const message = this.redactor.redact(outcome.message);
    this.info = { ...this.info, outcome: { ...outcome, message }, endedAt: endedAt.toISOString() };
    await this.guard('closing the session', () =>
      this.files.writeAtomically(join(this.dir, 'session.json'), infoText(this.info)),
    );
    await this.files.remove(join(this.dir, LOCK_FILE)).catch(() => undefined);
  }

  private async guard(what: string, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      throw sessionWriteError(error, what, this.dir, this.info.steps);
    }
  }
}

function infoText(info: SessionInfoType): string {
  return JSON.stringify(info, null, 2) + '\n';
}
