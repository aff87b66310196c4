// Writes one session to disk: session.json atomically, steps.jsonl appended and fsynced once per step. Node only.
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { SessionInfo, StepRecord, type SessionInfo as SessionInfoType } from './schema.js';
import type { Outcome } from '../host/protocol/run-events.js';

export class SessionRecorder {
  private info: SessionInfoType;

  private constructor(
    readonly dir: string,
    info: SessionInfoType,
  ) {
    this.info = info;
  }

  /** Creates the session folder and writes the first session.json. */
  static async create(sessionsDir: string, info: SessionInfoType): Promise<SessionRecorder> {
    const dir = join(sessionsDir, info.id);
    await mkdir(join(dir, 'frames'), { recursive: true });
    const recorder = new SessionRecorder(dir, SessionInfo.parse(info));
    await recorder.writeInfo();
    return recorder;
  }

  get id(): string {
    return this.info.id;
  }

  /** Stores the frame the model saw for `step` and returns its path relative to the session folder. */
  async writeFrame(step: number, data: Buffer, extension: 'jpg' | 'png'): Promise<string> {
    const relative = `frames/${String(step).padStart(4, '0')}.${extension}`;
    await writeDurably(join(this.dir, relative), data);
    return relative;
  }

  /** Appends one step and fsyncs, so a crash loses at most the step in flight. */
  async appendStep(record: StepRecord): Promise<void> {
    const line = JSON.stringify(StepRecord.parse(record)) + '\n';
    const handle = await open(join(this.dir, 'steps.jsonl'), 'a');
    try {
      await handle.write(line);
      await handle.sync();
    } finally {
      await handle.close();
    }
    this.info = { ...this.info, steps: record.step };
  }

  /** Records how the run ended. */
  async finish(outcome: Outcome, endedAt = new Date()): Promise<void> {
    this.info = { ...this.info, outcome, endedAt: endedAt.toISOString() };
    await this.writeInfo();
  }

  private async writeInfo(): Promise<void> {
    const path = join(this.dir, 'session.json');
    await writeDurably(`${path}.tmp`, JSON.stringify(this.info, null, 2) + '\n');
    await rename(`${path}.tmp`, path);
  }
}

async function writeDurably(path: string, data: string | Buffer): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
