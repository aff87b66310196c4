// `deskhand sessions list|show`: recorded runs as a table for people and as JSON for programs. Node only.
import { listSessions, type SessionDetail } from '../sessions/reader.js';
import type { SessionInfo, StepRecord } from '../sessions/schema.js';
import { openSession, parseVerbArgs, type SessionsIo } from './sessions-args.js';
import { jsonLine, terminalSafe } from './terminal-text.js';

const JSON_FLAG = { json: { type: 'boolean', default: false } } as const;

export async function listCommand(args: string[], io: SessionsIo): Promise<number> {
  const { values, sessionsDir } = parseVerbArgs('list', args, JSON_FLAG, []);
  const { sessions, problems } = await listSessions(sessionsDir);
  for (const problem of problems)
    io.stderr.write(terminalSafe(`warning: skipped ${problem.dir}: ${problem.message}`) + '\n');
  if (values.json) {
    io.stdout.write(jsonLine(sessions.map(({ info, dir }) => ({ ...info, dir }))));
    return 0;
  }
  if (sessions.length === 0) {
    io.stdout.write(`${terminalSafe(`No sessions in ${sessionsDir}`)}\n`);
    return 0;
  }
  for (const { info } of sessions) io.stdout.write(terminalSafe(formatSessionLine(info)) + '\n');
  return 0;
}

export async function showCommand(args: string[], io: SessionsIo): Promise<number> {
  const { values, positionals, sessionsDir } = parseVerbArgs('show', args, JSON_FLAG, ['ID']);
  const detail = await openSession(sessionsDir, positionals[0]!);
  for (const warning of detail.warnings) io.stderr.write(terminalSafe(`warning: ${warning}`) + '\n');
  if (values.json) {
    io.stdout.write(jsonLine(sessionShowJson(detail)));
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
    ]
      .map(terminalSafe)
      .join('\n') + '\n',
  );
  return 0;
}

/**
 * The `sessions show --json` object (a CLI contract): the session's fields flat at the top level, `steps` the array
 * of recorded steps (session.json's step count is `stepCount`), `outcome` null for a run that never closed.
 */
export function sessionShowJson(detail: SessionDetail) {
  const { info } = detail;
  return {
    id: info.id,
    task: info.task,
    outcome: info.outcome,
    startedAt: info.startedAt,
    endedAt: info.endedAt,
    backend: info.backend,
    display: info.display,
    maxSteps: info.maxSteps,
    stepCount: info.steps,
    deskhandVersion: info.deskhandVersion,
    formatVersion: info.formatVersion,
    dir: detail.dir,
    steps: detail.steps,
    warnings: detail.warnings,
  };
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
