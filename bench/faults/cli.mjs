// Runs the real `bin/deskhand` for the faults bench and judges how it refused: exit code, one clean message, in time.
// Also a small pool, so the many short CLI runs share the machine's cores. Node only.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/deskhand', import.meta.url));
// eslint-disable-next-line no-control-regex -- the characters a terminal acts on (tab and newline are text).
export const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const STACK_FRAME = /^\s+at .*:\d+:\d+\)?$/m;

/**
 * Runs `deskhand ...args`; resolves with its exit code (null when killed), output and wall time in ms. `input` is
 * written to stdin (stdin is closed at once when it is absent); the run is killed after `timeoutMs`.
 */
export function runDeskhand(args, { env = process.env, input, timeoutMs = 10_000, cwd } = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const stdout = [];
  const stderr = [];
  child.stdout.on('data', (chunk) => stdout.push(chunk));
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  child.stdin.on('error', () => undefined);
  child.stdin.end(input);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      globalThis.clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
        ms: performance.now() - started,
      });
    });
  });
}

/**
 * Why `outcome` is not a clean refusal, or null: exit `code` (2 by default), a message on stderr, no stack trace,
 * no raw terminal controls anywhere, done in 10 s, and at most `maxLines` lines of message (stderr may stay empty
 * when `code` is 0: inputs that are fine to take, such as garbage for `parse`, which reports it in its JSON).
 */
export function refusalProblem(outcome, { code = 2, maxLines = 3 } = {}) {
  if (outcome.signal) return `did not finish in time (killed after ${Math.round(outcome.ms)} ms)`;
  if (outcome.code !== code) return `exit ${outcome.code}, not ${code}: ${firstLine(outcome.stderr)}`;
  if (outcome.ms > 10_000) return `took ${Math.round(outcome.ms)} ms`;
  const message = outcome.stderr.trim();
  if (message === '' && code !== 0) return 'said nothing on stderr';
  if (STACK_FRAME.test(outcome.stderr) || /deskhand: internal error/.test(outcome.stderr))
    return `a stack trace: ${firstLine(message)}`;
  if (CONTROLS.test(outcome.stderr) || CONTROLS.test(outcome.stdout)) return 'raw terminal controls in the output';
  const lines = message.split('\n').filter((line) => !/^Run `deskhand --help`/.test(line));
  return lines.length > maxLines ? `a ${lines.length}-line message: ${firstLine(message)}` : null;
}

export function firstLine(text) {
  return JSON.stringify(text.trim().split('\n')[0]?.slice(0, 200) ?? '');
}

/** Runs `task(item)` for every item, at most `limit` at once; resolves when all are done. */
export async function inPool(items, limit, task) {
  const queue = [...items];
  const worker = async () => {
    while (queue.length > 0) await task(queue.shift());
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
}
