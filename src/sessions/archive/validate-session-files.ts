// Checks an unpacked session before anything is written: the schemas, the steps and the frames they name. Node only.
import { SessionInfo, StepRecord } from '../schema.js';
import { fieldOverLimit } from '../field-limits.js';
import { ArchiveError } from './archive-error.js';
import { SESSION_FILE, STEPS_FILE } from './archive-layout.js';

/** A session id that is safe as a folder name on every OS. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** Names Windows reserves for devices, with or without an extension (`NUL.txt` is NUL). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

export interface ValidatedSession {
  info: SessionInfo;
  stepCount: number;
  /** True when steps.jsonl ends in a torn line, as a run killed mid-write leaves it. */
  tornLastLine: boolean;
}

/** The session the files describe, or an ArchiveError that names the first problem. */
export function validateSessionFiles(files: ReadonlyMap<string, Uint8Array>): ValidatedSession {
  const info = parseInfo(files.get(SESSION_FILE));
  const { steps, tornLastLine } = parseSteps(files.get(STEPS_FILE));
  const tooLong = fieldOverLimit(info, steps);
  if (tooLong) throw new ArchiveError(`${tooLong}; refusing the archive.`);
  for (const step of steps) {
    if (!files.has(step.frame))
      throw new ArchiveError(`Step ${step.step} shows ${step.frame}, which is not in the archive; it is incomplete.`);
  }
  return { info, stepCount: steps.length, tornLastLine };
}

function parseInfo(data: Uint8Array | undefined): SessionInfo {
  if (data === undefined) throw new ArchiveError('The archive has no session.json; it is not a Deskhand session.');
  const json = parseJson(decodeUtf8(data, SESSION_FILE));
  if (json === undefined) throw new ArchiveError('session.json in the archive is not valid JSON; it is damaged.');
  const parsed = SessionInfo.safeParse(json);
  if (!parsed.success)
    throw new ArchiveError(
      `session.json in the archive does not match the session format (${describeIssue(parsed.error.issues[0])}).`,
    );
  if (!SAFE_ID.test(parsed.data.id) || parsed.data.id.startsWith('..') || WINDOWS_DEVICE.test(parsed.data.id))
    throw new ArchiveError(`The session id "${parsed.data.id}" cannot be used as a folder name.`);
  return parsed.data;
}

function parseSteps(data: Uint8Array | undefined): { steps: StepRecord[]; tornLastLine: boolean } {
  if (data === undefined) return { steps: [], tornLastLine: false };
  const lines = decodeUtf8(data, STEPS_FILE).split('\n');
  const steps: StepRecord[] = [];
  let tornLastLine = false;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = StepRecord.safeParse(parseJson(line));
    if (parsed.success) steps.push(parsed.data);
    else if (index === lines.length - 1) tornLastLine = true;
    else
      throw new ArchiveError(
        `steps.jsonl line ${index + 1} in the archive is not a valid step (${describeIssue(parsed.error.issues[0])}).`,
      );
  });
  return { steps, tornLastLine };
}

function decodeUtf8(data: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new ArchiveError(`${name} in the archive is not UTF-8 text.`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (issue === undefined) return 'unknown problem';
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
