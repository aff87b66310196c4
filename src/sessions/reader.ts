// Reads sessions back: tolerant of a torn last line and of folders that are not sessions. Node only.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SessionInfo, StepRecord } from './schema.js';
import { checkSessionFiles, removeKilledRunLeftovers } from './session-checks.js';

export interface SessionSummary {
  info: SessionInfo;
  dir: string;
}

export interface ListResult {
  sessions: SessionSummary[];
  /** Folders that look like sessions but could not be read, with why. */
  problems: Array<{ dir: string; message: string }>;
}

export interface SessionDetail extends SessionSummary {
  steps: StepRecord[];
  /** Lines of steps.jsonl that were skipped, with why (a torn last line after a crash is expected). */
  warnings: string[];
}

export class SessionNotFoundError extends Error {
  override readonly name = 'SessionNotFoundError';
}

/** All sessions under `sessionsDir`, newest first. A missing folder is an empty list. */
export async function listSessions(sessionsDir: string): Promise<ListResult> {
  const entries = await readdir(sessionsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const result: ListResult = { sessions: [], problems: [] };
  for (const entry of entries.filter((candidate) => candidate.isDirectory() && !isHidden(candidate.name))) {
    const dir = join(sessionsDir, entry.name);
    try {
      const info = await readInfo(dir);
      // session.json counts steps when the run closes; a killed (or running) run's count is in steps.jsonl.
      if (info.endedAt === null) info.steps = Math.max(info.steps, await countRecordedSteps(dir));
      result.sessions.push({ info, dir });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        result.problems.push({ dir, message: describeError(error) });
      }
    }
  }
  result.sessions.sort((a, b) => b.info.startedAt.localeCompare(a.info.startedAt));
  return result;
}

/** Whole lines in steps.jsonl (a torn last line does not count): the steps a run recorded so far. */
async function countRecordedSteps(dir: string): Promise<number> {
  const text = await readFile(join(dir, 'steps.jsonl'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .slice(0, -1)
    .filter((line) => line.trim() !== '').length;
}

/** One session with its steps. `id` may also be a unique prefix of an id. */
export async function readSession(sessionsDir: string, id: string): Promise<SessionDetail> {
  const dir = await resolveSessionDir(sessionsDir, id);
  const info = await readInfo(dir);
  const { steps, warnings } = await readSteps(join(dir, 'steps.jsonl'));
  warnings.push(...(await checkSessionFiles(dir, steps)));
  const removed = await removeKilledRunLeftovers(dir);
  if (removed > 0) warnings.push(`removed ${removed} partial frame file(s) a killed run left in frames/`);
  return { info, dir, steps, warnings };
}

async function resolveSessionDir(sessionsDir: string, id: string): Promise<string> {
  if (/[/\\]|^\.\.?$/.test(id)) throw new SessionNotFoundError(`"${id}" is not a session id.`);
  const exact = join(sessionsDir, id);
  if (await stat(join(exact, 'session.json')).catch(() => null)) return exact;
  const names = await readdir(sessionsDir).catch(() => [] as string[]);
  const matches = names.filter((name) => name.startsWith(id) && !isHidden(name));
  if (matches.length === 1) return join(sessionsDir, matches[0]!);
  const hint = matches.length > 1 ? `it matches ${matches.length} sessions` : 'no session has that id';
  throw new SessionNotFoundError(`No session "${id}" in ${sessionsDir}: ${hint}. See \`deskhand sessions list\`.`);
}

async function readInfo(dir: string): Promise<SessionInfo> {
  const text = await readFile(join(dir, 'session.json'), 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('session.json is not valid JSON (the file is damaged)');
  }
  const parsed = SessionInfo.safeParse(json);
  if (!parsed.success)
    throw new Error(`session.json does not match the session format: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

async function readSteps(path: string): Promise<{ steps: StepRecord[]; warnings: string[] }> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const lines = text.split('\n');
  const steps: StepRecord[] = [];
  const warnings: string[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const isLast = index === lines.length - 1;
    const parsed = parseStepLine(line);
    if (parsed) steps.push(parsed);
    else if (isLast) warnings.push(`steps.jsonl line ${index + 1} is torn (the run was interrupted while writing it)`);
    else warnings.push(`steps.jsonl line ${index + 1} is damaged and was skipped`);
  });
  return { steps, warnings };
}

function parseStepLine(line: string): StepRecord | null {
  try {
    const parsed = StepRecord.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Dot-folders are work in progress (an import being unpacked), not sessions. */
function isHidden(name: string): boolean {
  return name.startsWith('.');
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
