// The CLI's help text and its usage error (exit 2). Node only.

export const USAGE = `deskhand — a desktop GUI agent driven by GLM-4.1V-9B-Thinking

Usage:
  deskhand run "<instruction>" --backend openai|local|replay [--base-url URL] [--model NAME]
               [--api-key-env VAR] [--model-dir DIR] [--device auto|cuda|dml|webgpu|coreml|cpu]
               [--replay FILE] [--display ID] [--max-steps N] [--max-tokens N] [--sessions-dir DIR] [--json]
  deskhand parse --width W --height H          < raw-model-answer.txt
  deskhand sessions list [--json] [--sessions-dir DIR]
  deskhand sessions show ID [--json] [--sessions-dir DIR]
  deskhand serve [--port P] [--sessions-dir DIR]   the UI in a browser, on 127.0.0.1 only
  deskhand model tiny --out DIR [--seed N]        a tiny random GLM-4.1V folder (for tests)
  deskhand model check DIR [--json]               is a model folder usable by the local engine?
  deskhand model download [--repo ID] [--endpoint URL] [--variant q4f16|fp16] [--out DIR] [--manifest FILE]
  deskhand --help | --version

Exit codes of run: 0 DONE, 3 FAIL, 4 stopped (SIGINT/SIGTERM), 5 step budget used up,
6 stuck or unparseable, 2 usage or configuration error, 1 internal error.
See README.md for every flag.`;

/** A mistake in how the CLI was called, or in its configuration: printed without a stack, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Parses a positive integer flag value or throws a UsageError naming the flag. */
export function positiveInteger(flag: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`${flag} is required.`);
    return fallback;
  }
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`${flag} must be a positive whole number, got "${value}".`);
  return Number(value);
}
