// The CLI's help text and its usage error (exit 2). Node only.

export const USAGE = `deskhand — a desktop GUI agent driven by GLM-4.1V-9B-Thinking

Usage:
  deskhand run "<instruction>" --backend openai|local|replay [--base-url URL] [--model NAME]
               [--api-key-env VAR] [--model-dir DIR] [--device auto|cuda|dml|webgpu|coreml|cpu]
               [--replay FILE] [--display ID] [--max-steps N] [--max-tokens N] [--max-pixels N]
               [--image-format png|jpeg] [--sessions-dir DIR] [--json]
               [--confirm] [--confirm-policy never|risky|always]   ask y/N before risky actions
               [--secret NAME=ENV_VAR]... [--keep-sessions N] [--keep-gb X]
  deskhand parse --width W --height H          < raw-model-answer.txt
  deskhand displays [--json]                   the displays --display can name (index or id)
  deskhand sessions list [--json] [--sessions-dir DIR]
  deskhand sessions show ID [--json] [--sessions-dir DIR]
  deskhand sessions export ID --html FILE [--full-frames] | --zip FILE [--sessions-dir DIR]
  deskhand sessions import FILE [--sessions-dir DIR]   a --zip export; prints the imported id
  deskhand sessions rerun ID [--verify strict|loose|off] [--display ID] [--secret NAME=ENV_VAR]...
                           [--sessions-dir DIR] [--json]
                                               the recorded actions again, without the model
  deskhand serve [--port P] [--new-token] [--sessions-dir DIR] [--secret NAME=ENV_VAR]...
                                               the UI in a browser, on 127.0.0.1 only; the URL stays the
                                               same across restarts, --new-token makes old links stop working
  deskhand model tiny --out DIR [--seed N]        a tiny random GLM-4.1V folder (for tests)
  deskhand model check DIR [--json]               is a model folder usable by the local engine?
  deskhand model download [--repo ID] [--endpoint URL] [--variant q4f16|fp16] [--out DIR] [--manifest FILE]
  deskhand suite list [--json]                    the tasks that measure an agent on real apps
  deskhand suite run --backend openai|local|replay [--tasks a,b] [--repeat N] [--transcripts DIR]
               [--report-dir DIR] [--own-display] [--sessions-dir DIR] [--json]   (and run's backend flags)
  deskhand --help | --version

Exit codes of run: 0 DONE, 3 FAIL, 4 stopped (SIGINT/SIGTERM), 5 step budget used up,
6 stuck or unparseable, 2 usage or configuration error, 1 internal error. sessions rerun: the same, and
6 when the screen no longer matches the recording.
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
