// `deskhand suite list|run`: the task suite that measures an agent on real Linux apps, for any backend. Node only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appDataDir } from '../app-dirs.js';
import { newSessionId } from '../sessions/paths.js';
import { runSuite, SuiteConfigurationError } from '../suite/harness.js';
import { selectTasks, SUITE_TASKS, UnknownTaskError } from '../suite/registry.js';
import { writeReportFiles } from '../suite/report-files.js';
import { buildReport, type SuiteReport } from '../suite/report-json.js';
import { taskInfo } from '../suite/task.js';
import { SUITE_SCREEN } from '../suite/task-context.js';
import { listenForStop } from './desktop-run-io.js';
import { sessionsDirFromFlag } from './sessions-dir-flag.js';
import { positiveInteger, UsageError } from './usage.js';

interface SuiteIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  signals: NodeJS.EventEmitter;
  /** The CLI entry each task's `deskhand run` is started from (default: the running script, bin/deskhand). */
  entry?: string;
}

const RUN_OPTIONS = {
  tasks: { type: 'string' },
  backend: { type: 'string' },
  'base-url': { type: 'string' },
  model: { type: 'string' },
  'api-key-env': { type: 'string' },
  'model-dir': { type: 'string' },
  device: { type: 'string' },
  'max-tokens': { type: 'string' },
  transcripts: { type: 'string' },
  repeat: { type: 'string' },
  'sessions-dir': { type: 'string' },
  'report-dir': { type: 'string' },
  'own-display': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

type RunFlags = ReturnType<typeof parseArgs<{ options: typeof RUN_OPTIONS }>>['values'];

/** Flags handed unchanged to every `deskhand run`. */
const PASSED_THROUGH = ['base-url', 'model', 'api-key-env', 'model-dir', 'device', 'max-tokens'] as const;

export async function suiteCommand(args: string[], io: SuiteIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'list') return listTasks(rest, io);
  if (verb === 'run') return runTasks(rest, io);
  throw new UsageError('Use `deskhand suite list [--json]` or `deskhand suite run --backend openai|local|replay …`.');
}

function listTasks(args: string[], io: SuiteIo): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true });
  const tasks = SUITE_TASKS.map(taskInfo);
  if (values.json) {
    io.stdout.write(`${JSON.stringify(tasks)}\n`);
    return 0;
  }
  for (const task of tasks) {
    const expects = task.expected === 'fail' ? ' (expects FAIL)' : '';
    io.stdout.write(`${task.id.padEnd(28)} ${task.app.padEnd(11)} ${task.skills.join(',')}${expects}\n`);
  }
  return 0;
}

async function runTasks(args: string[], io: SuiteIo): Promise<number> {
  const { values } = parseArgs({ args, options: RUN_OPTIONS, strict: true });
  const backendFlags = backendFlagsOf(values, io.env);
  const tasks = selectTasksOrThrow(values.tasks);
  const repeat = positiveInteger('--repeat', values.repeat, 1);
  const ownDisplay = values['own-display'] ? ownDisplayOf(io) : null;
  const sessionsDir = sessionsDirFromFlag(values['sessions-dir'], io.env);
  const reportDir = values['report-dir'] ?? join(appDataDir(io.env), 'suite-reports', newSessionId());
  const stop = listenForStop(io.signals);
  const scratchDir = await mkdtemp(join(tmpdir(), 'deskhand-suite-'));
  const startedAt = new Date();
  try {
    const attempts = await runSuite({
      tasks,
      repeat,
      entry: io.entry ?? process.argv[1]!,
      backendFlags,
      replay: values.backend === 'replay' ? { overridesDir: values.transcripts ?? null } : null,
      sessionsDir,
      scratchDir,
      ownDisplay,
      signal: stop.signal,
      onProgress: (line) => io.stderr.write(`suite: ${line}\n`),
    });
    const report = buildReport({
      startedAt,
      endedAt: new Date(),
      backendKind: values.backend!,
      display: { mode: ownDisplay ? 'own' : 'private', ...SUITE_SCREEN },
      repeat,
      tasks,
      attempts,
    });
    const paths = await writeReportFiles(reportDir, report);
    printSummary(report, paths, values.json, io);
    return stop.signal.aborted ? 4 : 0;
  } catch (error) {
    if (error instanceof SuiteConfigurationError) throw new UsageError(error.message);
    throw error;
  } finally {
    stop.dispose();
    await rm(scratchDir, { recursive: true, force: true });
  }
}

/** The backend flags for `deskhand run`, checked here so that a mistake stops the suite before any task starts. */
function backendFlagsOf(values: RunFlags, env: NodeJS.ProcessEnv): string[] {
  const backend = values.backend;
  if (backend !== 'openai' && backend !== 'local' && backend !== 'replay') {
    throw new UsageError(`--backend must be openai, local or replay${backend ? `, got "${backend}"` : ''}.`);
  }
  if (backend === 'openai' && !values['base-url'] && !env.DESKHAND_BASE_URL) {
    throw new UsageError('--backend openai needs --base-url, e.g. http://127.0.0.1:8000/v1 for a local vLLM server.');
  }
  if (backend === 'local' && !values['model-dir']) throw new UsageError('--backend local needs --model-dir DIR.');
  if (backend !== 'replay' && values.transcripts !== undefined) {
    throw new UsageError('--transcripts DIR goes with --backend replay only.');
  }
  const flags = ['--backend', backend];
  for (const name of PASSED_THROUGH) {
    const value = values[name];
    if (value !== undefined) flags.push(`--${name}`, value);
  }
  return flags;
}

function selectTasksOrThrow(list: string | undefined) {
  const ids = list
    ?.split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids !== undefined && ids.length === 0) throw new UsageError('--tasks needs at least one task id.');
  try {
    return selectTasks(ids);
  } catch (error) {
    if (error instanceof UnknownTaskError) throw new UsageError(error.message);
    throw error;
  }
}

function ownDisplayOf(io: SuiteIo): string {
  const display = io.env.DISPLAY;
  if (!display) throw new UsageError('--own-display needs DISPLAY to be set to your X display, e.g. :0.');
  io.stderr.write(
    `suite: --own-display: tasks open windows on ${display} and Deskhand takes over the mouse and keyboard there; ` +
      `hands off until the suite ends (Ctrl+C stops it). Replay transcripts assume a ` +
      `${SUITE_SCREEN.width}×${SUITE_SCREEN.height} screen.\n`,
  );
  return display;
}

function printSummary(
  report: SuiteReport,
  paths: { json: string; html: string },
  json: boolean,
  io: Pick<SuiteIo, 'stdout' | 'stderr'>,
): void {
  if (json) {
    io.stdout.write(`${JSON.stringify(report)}\n`);
    io.stderr.write(`suite: report in ${paths.html}\n`);
    return;
  }
  for (const task of report.tasks) {
    io.stdout.write(`${task.id.padEnd(28)} ${task.successes}/${task.runs}  ${task.meanSteps ?? '–'} steps\n`);
  }
  const { overall } = report;
  io.stdout.write(
    `overall: ${overall.successes}/${overall.runs} (${Math.round(overall.successRate * 1000) / 10}%)\n` +
      `report: ${paths.html}\n        ${paths.json}\n`,
  );
}
