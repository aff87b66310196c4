// `deskhand run --confirm`: asks y/N on the terminal before a risky action; no answer means no. Node only.
import { createInterface } from 'node:readline';
import { confirmWhenRisky } from '../agent/confirmation-policy.js';
import type { ConfirmAction, ConfirmRequest } from '../agent/run-step.js';
import { ConfirmationPolicy } from '../host/protocol/settings.js';
import { describeAction } from '../glm/describe-action.js';
import { UsageError } from './usage.js';

/** The prompt's streams: answers are read from `input`, questions written to `output` (stderr, not --json stdout). */
export interface PromptStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/** A confirm hook for runAgent plus `close`, which lets go of stdin so the process can exit. */
export interface TerminalConfirm {
  confirm: ConfirmAction;
  close(): void;
}

/** The policy the flags ask for: `--confirm` means risky, `--confirm-policy` picks one; neither: unattended (null). */
export function confirmPolicyFromFlags(flags: {
  confirm?: boolean;
  'confirm-policy'?: string;
}): ConfirmationPolicy | null {
  if (!flags.confirm && flags['confirm-policy'] === undefined) return null;
  const parsed = ConfirmationPolicy.safeParse(flags['confirm-policy'] ?? 'risky');
  if (!parsed.success) {
    throw new UsageError(`--confirm-policy must be never, risky or always, got "${flags['confirm-policy']}".`);
  }
  return parsed.data;
}

/** Asks on the terminal before each action `policy` finds risky. */
export function createTerminalConfirm(policy: ConfirmationPolicy, streams: PromptStreams): TerminalConfirm {
  const answers = new LineAnswers(streams.input);
  return {
    confirm: confirmWhenRisky(
      () => policy,
      async (request, reason, signal) => {
        streams.output.write(`${describe(request)}\n${reason}\nGo ahead? [y/N] `);
        const line = await answers.next(signal);
        const approved = line !== null && /^\s*y(es)?\s*$/i.test(line);
        streams.output.write(line === null ? '(no answer: declined)\n' : approved ? '' : 'Declined.\n');
        return approved;
      },
    ),
    close: () => answers.close(),
  };
}

function describe({ step, action }: ConfirmRequest): string {
  return `\nStep ${step}: Deskhand wants to ${describeAction(action)}.`;
}

/** A pipe that stays open without an answer (a harness that never writes) must not hold the run forever. */
const PIPED_ANSWER_MS = 10_000;

/** Lines from the terminal, one per question; null once the input has ended or a piped input gave no answer. */
class LineAnswers {
  private readonly lines: string[] = [];
  private ended = false;
  private waiter: (() => void) | null = null;
  private readonly reader;

  constructor(private readonly input: PromptStreams['input']) {
    this.reader = createInterface({ input, terminal: false });
    this.reader.on('line', (line) => {
      this.lines.push(line);
      this.wake();
    });
    this.reader.on('close', () => {
      this.ended = true;
      this.wake();
    });
  }

  async next(signal: AbortSignal): Promise<string | null> {
    // On a terminal, keys typed before the question was shown must not answer it.
    if (this.input.isTTY) this.lines.length = 0;
    const deadline = this.input.isTTY ? Infinity : Date.now() + PIPED_ANSWER_MS;
    while (this.lines.length === 0 && !this.ended && Date.now() < deadline) {
      await this.wait(signal, deadline - Date.now());
    }
    return this.lines.shift() ?? null;
  }

  close(): void {
    this.reader.close();
  }

  /** Resolves on the next line, the end of input, or after `ms`; rejects when the run stops. */
  private wait(signal: AbortSignal, ms: number): Promise<void> {
    signal.throwIfAborted();
    return new Promise((resolve, reject) => {
      const timer = Number.isFinite(ms) ? setTimeout(() => this.wake(), ms) : undefined;
      const onAbort = () => (clearTimeout(timer), reject(signal.reason));
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiter = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
    });
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }
}
