// `deskhand sessions list|show`: recorded runs, for people (a table) and programs (--json). Node only.
import { parseArgs } from 'node:util';
import { listSessions, readSession, SessionNotFoundError } from '../sessions/reader.js';
import { defaultSessionsDir } from '../sessions/paths.js';
import type { SessionInfo, StepRecord } from '../sessions/schema.js';
import { UsageError } from './usage.js';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function sessionsCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false }, 'sessions-dir': { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  const sessionsDir = values['sessions-dir'] ?? defaultSessionsDir();
  const [verb, id, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`Unexpected arguments: ${rest.join(' ')}`);
  if (verb === 'list' && id === undefined) return listCommand(sessionsDir, values.json, io);
  if (verb === 'show' && id !== undefined) return showCommand(sessionsDir, id, values.json, io);
  throw new UsageError('Use `deskhand sessions list` or `deskhand sessions show ID`.');
}

async function listCommand(sessionsDir: string, json: boolean, io: Io): Promise<number> {
  const { sessions, problems } = await listSessions(sessionsDir);
  for (const problem of problems) io.stderr.write(`warning: skipped ${problem.dir}: ${problem.message}\n`);
  if (json) {
    io.stdout.write(JSON.stringify(sessions.map(({ info, dir }) => ({ ...info, dir }))) + '\n');
    return 0;
  }
  if (sessions.length === 0) {
    io.stdout.write(`No sessions in ${sessionsDir}\n`);
    return 0;
  }
  for (const { info } of sessions) io.stdout.write(formatSessionLine(info) + '\n');
  return 0;
}

async function showCommand(sessionsDir: string, id: string, json: boolean, io: Io): Promise<number> {
  let detail;
  try {
    detail = await readSession(sessionsDir, id);
  } catch (error) {
    if (error instanceof SessionNotFoundError) throw new UsageError(error.message);
    throw error;
  }
  for (const warning of detail.warnings) io.stderr.write(`warning: ${warning}\n`);
  if (json) {
    io.stdout.write(
      JSON.stringify({ session: detail.info, dir: detail.dir, steps: detail.steps, warnings: detail.warnings }) + '\n',
    );
    return 0;
  }
  const { info } = detail;
  io.stdout.write(
    [
      `Session ${info.id}  (${detail.dir})`,
      `Task:     ${info.task}`,
      `Backend:  ${info.backend.kind} ${info.backend.model}${info.backend.baseUrl ? ` at ${info.backend.baseUrl}` : ''}`,
      `Display:  ${info.display.id} ${info.display.bounds.width}×${info.display.bounds.height} scale ${info.display.scaleFactor}`,
      `Started:  ${info.startedAt}   Ended: ${info.endedAt ?? '(did not finish)'}`,
      `Outcome:  ${info.outcome ? `${info.outcome.kind}: ${info.outcome.message}` : 'interrupted'}`,
      '',
      ...detail.steps.map(formatStepLine),
    ].join('\n') + '\n',
  );
  return 0;
}

function formatSessionLine(info: SessionInfo): string {
  const outcome = info.outcome?.kind ?? 'interrupted';
  const task = info.task.length > 60 ? `${info.task.slice(0, 57)}...` : info.task;
  return `${info.id}  ${info.startedAt.slice(0, 19).replace('T', ' ')}  ${outcome.padEnd(11)} ${String(info.steps).padStart(3)} steps  ${task}`;
}

function formatStepLine(step: StepRecord): string {
  const { action } = step;
  const where = action.point ? ` at ${action.point[0]},${action.point[1]}` : '';
  const detail = action.keys
    ? ` ${action.keys.join('+')}`
    : action.text !== null
      ? ` ${JSON.stringify(action.text)}`
      : '';
  const final = action.name === 'done' || action.name === 'fail';
  const note = step.error ? `  (${step.error})` : step.acted || final ? '' : '  (not carried out)';
  return `step ${String(step.step).padStart(3)}  ${action.name}${where}${detail}${note}  [${step.frame}]`;
}
