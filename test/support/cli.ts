// Runs the built `bin/deskhand` as a child process and follows its --json events. Node only (tests).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { RunEvent } from '../../src/run-protocol/run-events.js';

export const DESKHAND_BIN = resolve(import.meta.dirname, '../../bin/deskhand');

/** Runs `deskhand ...args` to its end with `stdin` as its input: exit code and output. */
export function runDeskhand(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [DESKHAND_BIN, ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

export interface DeskhandProcess {
  child: ChildProcess;
  /** Every --json event so far, validated against the RunEvent schema. */
  events: RunEvent[];
  stdout(): string;
  stderr(): string;
  /** Resolves with the first event (already seen or future) that matches. */
  waitForEvent(predicate: (event: RunEvent) => boolean, timeoutMs?: number): Promise<RunEvent>;
  /** Resolves when the process exits, with its code and performance.now() at exit. */
  exited: Promise<{ code: number | null; at: number }>;
}

export function spawnDeskhand(args: string[], env: NodeJS.ProcessEnv, stdin?: string): DeskhandProcess {
  const child = spawn(process.execPath, [DESKHAND_BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let pending = '';
  const events: RunEvent[] = [];
  const waiters: Array<{ predicate: (event: RunEvent) => boolean; resolve: (event: RunEvent) => void }> = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      const event = RunEvent.parse(JSON.parse(line));
      events.push(event);
      for (const waiter of waiters.filter((candidate) => candidate.predicate(event))) waiter.resolve(event);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin!.end(stdin ?? '');
  const exited = new Promise<{ code: number | null; at: number }>((resolveExit) =>
    child.once('exit', (code) => resolveExit({ code, at: performance.now() })),
  );
  return {
    child,
    events,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForEvent(predicate, timeoutMs = 60_000) {
      const seen = events.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolveEvent, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching event in ${timeoutMs} ms; stderr: ${stderr}`)),
          timeoutMs,
        );
        waiters.push({ predicate, resolve: (event) => (clearTimeout(timer), resolveEvent(event)) });
      });
    },
  };
}

/** `deskhand run TASK --backend openai` against the server at `baseUrl`, recorded in `sessionsDir`, with --json. */
export function spawnServedRun(
  task: string,
  options: { baseUrl: string; sessionsDir: string; env: NodeJS.ProcessEnv; args?: string[] },
): DeskhandProcess {
  const { baseUrl, sessionsDir, env, args = [] } = options;
  const flags = ['--backend', 'openai', '--base-url', baseUrl, '--sessions-dir', sessionsDir, '--json'];
  return spawnDeskhand(['run', task, ...flags, ...args], env);
}

/** A run's first event, which names its session; throws when the run printed none. */
export function runStartOf(run: DeskhandProcess): Extract<RunEvent, { type: 'run-start' }> {
  const start = run.events[0];
  if (start?.type !== 'run-start') throw new Error(`the run printed no run-start first; stderr: ${run.stderr()}`);
  return start;
}
