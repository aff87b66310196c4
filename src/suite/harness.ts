// Runs tasks: for each attempt a fresh desktop and HOME, setup, one agent run, the outside check, teardown. Node only.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Outcome } from '../run-protocol/run-events.js';
import { readSession } from '../sessions/reader.js';
import { spawnAgentRun, type AgentRunner } from './agent-runner.js';
import { gradeAttempt, type FailureReason } from './grade.js';
import { startPageServer, type PageServer } from './page-server.js';
import { metricsOfSession, NO_METRICS, type RunMetrics } from './run-metrics.js';
import type { CheckResult, SuiteTask } from './task.js';
import { createTaskContext, SUITE_SCREEN, type OwnedTaskContext } from './task-context.js';
import { ownDesktop, startVirtualDesktop, xDisplayEnv, type TaskDesktop } from './virtual-desktop.js';

/** A generous limit per step, only so that a hung run cannot hold the suite forever. */
const STEP_TIMEOUT_MS = 600_000;

export interface SuiteOptions {
  tasks: readonly SuiteTask[];
  repeat: number;
  /** The CLI entry that `deskhand run` is started from (bin/deskhand). */
  entry: string;
  /** Backend flags given to every run (e.g. --backend openai --base-url …); the harness adds the rest. */
  backendFlags: readonly string[];
  /** Replay: each task's own transcript, or `overridesDir/<task id>.jsonl` where that file exists. */
  replay: { overridesDir: string | null } | null;
  sessionsDir: string;
  /** A scratch folder for HOMEs and transcripts; the caller removes it. */
  scratchDir: string;
  /** The user's display to use instead of a private one per attempt, or null. */
  ownDisplay: string | null;
  signal: AbortSignal;
  onProgress: (line: string) => void;
  runner?: AgentRunner;
}

/** One attempt at one task. */
export interface TaskAttempt {
  taskId: string;
  attempt: number;
  success: boolean;
  reason: FailureReason | null;
  /** The check's detail, or what went wrong before it could run. */
  detail: string;
  outcome: Outcome | null;
  /** The model the session recorded (the server's name for it), when a session was recorded. */
  model: string | null;
  sessionId: string | null;
  sessionDir: string | null;
  metrics: RunMetrics;
}

/** A run of `deskhand run` ended with exit 2: the backend flags are wrong, so every task would fail the same way. */
export class SuiteConfigurationError extends Error {
  override readonly name = 'SuiteConfigurationError';
}

export async function runSuite(options: SuiteOptions): Promise<TaskAttempt[]> {
  const pages = await startPageServer();
  const attempts: TaskAttempt[] = [];
  try {
    for (const task of options.tasks) {
      for (let attempt = 1; attempt <= options.repeat; attempt++) {
        if (options.signal.aborted) return attempts;
        const result = await runAttempt(task, attempt, options, pages);
        attempts.push(result);
        const verdict = result.success ? 'ok' : `FAILED (${result.reason}): ${result.detail}`;
        options.onProgress(`${task.id} #${attempt}: ${verdict}`);
      }
    }
    return attempts;
  } finally {
    await pages.close();
  }
}

async function runAttempt(
  task: SuiteTask,
  attempt: number,
  options: SuiteOptions,
  pages: PageServer,
): Promise<TaskAttempt> {
  const base = {
    taskId: task.id,
    attempt,
    outcome: null,
    model: null,
    sessionId: null,
    sessionDir: null,
    metrics: NO_METRICS,
  };
  const desktop = options.ownDisplay ? ownDesktop(options.ownDisplay) : await startVirtualDesktop(SUITE_SCREEN);
  const home = await mkdtemp(join(options.scratchDir, `${task.id}-`));
  const context = await createTaskContext(home, desktop.display, pages);
  try {
    try {
      await task.setup(context);
    } catch (error) {
      return { ...base, success: false, reason: 'error', detail: `setup failed: ${messageOf(error)}` };
    }
    return await runAgainstTask(task, attempt, options, context, desktop);
  } finally {
    await task.teardown?.(context).catch(() => undefined);
    await context.endLaunched();
    await desktop.stop();
    await rm(home, { recursive: true, force: true });
  }
}

async function runAgainstTask(
  task: SuiteTask,
  attempt: number,
  options: SuiteOptions,
  context: OwnedTaskContext,
  desktop: TaskDesktop,
): Promise<TaskAttempt> {
  const replayFlags = options.replay ? ['--replay', await writeTranscript(task, attempt, options)] : [];
  const env = xDisplayEnv(desktop.display);
  const runner = options.runner ?? spawnAgentRun;
  const run = await runner({
    entry: options.entry,
    instruction: task.instruction,
    flags: [
      ...options.backendFlags,
      ...replayFlags,
      ...['--max-steps', String(task.maxSteps), '--sessions-dir', options.sessionsDir],
    ],
    env,
    signal: options.signal,
    timeoutMs: task.maxSteps * STEP_TIMEOUT_MS,
  });
  if (run.exitCode === 2 && run.outcome === null) throw new SuiteConfigurationError(lastLine(run.stderr));
  const checked = run.outcome === null ? null : await checkSafely(task, context);
  const grade = gradeAttempt(task.expected, run.outcome, checked?.result ?? null);
  const recorded = run.sessionId === null ? null : await readRecorded(options.sessionsDir, run.sessionId);
  return {
    taskId: task.id,
    attempt,
    ...grade,
    detail: describeAttempt(task.expected, run.outcome, checked?.detail ?? '', run.stderr),
    outcome: run.outcome,
    model: recorded?.model ?? null,
    sessionId: run.sessionId,
    sessionDir: run.sessionDir,
    metrics: recorded?.metrics ?? NO_METRICS,
  };
}

async function writeTranscript(task: SuiteTask, attempt: number, options: SuiteOptions): Promise<string> {
  const file = join(options.scratchDir, `${task.id}-${attempt}.jsonl`);
  const override = options.replay?.overridesDir
    ? await readFile(join(options.replay.overridesDir, `${task.id}.jsonl`), 'utf8').catch(() => null)
    : null;
  await writeFile(file, override ?? task.transcript.map((answer) => JSON.stringify(answer)).join('\n') + '\n');
  return file;
}

/** The check's result, or null with why when the check itself broke (an error, not a wrong result). */
async function checkSafely(
  task: SuiteTask,
  context: OwnedTaskContext,
): Promise<{ result: CheckResult | null; detail: string }> {
  try {
    const result = await task.check(context);
    return { result, detail: result.detail };
  } catch (error) {
    return { result: null, detail: `the check could not run: ${messageOf(error)}` };
  }
}

/** Says how the run ended (and what was expected, when it differs) and what the check saw. */
function describeAttempt(expected: 'done' | 'fail', outcome: Outcome | null, checked: string, stderr: string): string {
  if (outcome === null) return `the run ended without an outcome: ${lastLine(stderr) || 'no message'}`;
  const ending = outcome.kind === expected ? outcome.kind : `${outcome.kind} (expected ${expected})`;
  return `${ending}: ${checked}`;
}

async function readRecorded(
  sessionsDir: string,
  sessionId: string,
): Promise<{ model: string; metrics: RunMetrics } | null> {
  return readSession(sessionsDir, sessionId).then(
    (session) => ({ model: session.info.backend.model, metrics: metricsOfSession(session) }),
    () => null,
  );
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .at(-1)
      ?.replace(/^deskhand: /, '') ?? ''
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
