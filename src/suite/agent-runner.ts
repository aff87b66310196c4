// Runs one `deskhand run` as a child process on a task's display and follows its --json events. Node only.
import { spawn } from 'node:child_process';
import { RunEvent, type Outcome } from '../run-protocol/run-events.js';

/** How one agent run ended, as the suite needs it. */
export interface AgentRunResult {
  exitCode: number | null;
  /** The run-end outcome; null when the process ended without one (configuration error, crash, time limit). */
  outcome: Outcome | null;
  sessionId: string | null;
  sessionDir: string | null;
  /** The last lines the run wrote to stderr, for failure details. */
  stderr: string;
}

export interface AgentRunRequest {
  /** The CLI entry to run with Node, e.g. the path of bin/deskhand. */
  entry: string;
  instruction: string;
  /** Flags after the instruction: backend, sessions folder, step budget, … (--json is added). */
  flags: readonly string[];
  /** The environment of the run: DISPLAY is the task's. */
  env: NodeJS.ProcessEnv;
  /** The run is stopped (SIGINT, as Ctrl+C would) when this fires or when timeoutMs passes. */
  signal: AbortSignal;
  timeoutMs: number;
}

/** Runs a separate process per task: libnut binds to one X display per process, and a crash stays in its run. */
export type AgentRunner = (request: AgentRunRequest) => Promise<AgentRunResult>;

const STDERR_KEPT = 4000;
const KILL_GRACE_MS = 5000;

export const spawnAgentRun: AgentRunner = (request) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [request.entry, 'run', request.instruction, ...request.flags, '--json'], {
      env: request.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result: AgentRunResult = { exitCode: null, outcome: null, sessionId: null, sessionDir: null, stderr: '' };
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop()!;
      for (const line of lines) noteEvent(result, line);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      result.stderr = (result.stderr + chunk).slice(-STDERR_KEPT);
    });
    const stop = () => {
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS).unref();
    };
    const timer = setTimeout(stop, request.timeoutMs);
    request.signal.addEventListener('abort', stop, { once: true });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      request.signal.removeEventListener('abort', stop);
      noteEvent(result, pending);
      resolve({ ...result, exitCode: code });
    });
  });

function noteEvent(result: AgentRunResult, line: string): void {
  if (!line.startsWith('{')) return;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return;
  }
  const parsed = RunEvent.safeParse(json);
  if (!parsed.success) return;
  const event = parsed.data;
  if (event.type === 'run-start') [result.sessionId, result.sessionDir] = [event.sessionId, event.sessionDir];
  if (event.type === 'run-end') result.outcome = event.outcome;
}
