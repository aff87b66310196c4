// `deskhand run`: one agent run on this desktop, streamed to the terminal and recorded on disk. Node only.
import { parseArgs } from 'node:util';
import { DEFAULT_SAMPLING } from '../agent/history.js';
import { runAgent } from '../agent/run-loop.js';
import { BackendError, type ChatBackend } from '../backends/chat-backend.js';
import { preflightServer } from '../backends/preflight.js';
import { createOpenAIBackend } from '../backends/openai.js';
import { createReplayBackend } from '../backends/replay.js';
import { createLocalBackend } from '../backends/local.js';
import { DesktopSetupError } from '../desktop/errors.js';
import { runStartEvent } from '../run-protocol/run-events.js';
import { openRun } from '../run-setup/open-run.js';
import { cliDesktop, eventPrinter, listenForStop } from './desktop-run-io.js';
import { confirmPolicyFromFlags, createTerminalConfirm } from './terminal-confirm.js';
import { parseSessionFlags, printRetention, RUN_SESSION_OPTIONS } from './run-session-flags.js';
import { DEFAULT_IMAGE_FORMAT, type ImageFormat } from '../desktop/encode.js';
import { sessionsDirFromFlag } from './sessions-dir-flag.js';
import { positiveInteger, UsageError } from './usage.js';

const DEFAULT_MAX_STEPS = 30;

const OPTIONS = {
  backend: { type: 'string' },
  'base-url': { type: 'string' },
  model: { type: 'string' },
  'api-key-env': { type: 'string' },
  replay: { type: 'string' },
  'model-dir': { type: 'string' },
  device: { type: 'string' },
  display: { type: 'string' },
  'max-steps': { type: 'string' },
  'max-tokens': { type: 'string' },
  'max-pixels': { type: 'string' },
  'image-format': { type: 'string' },
  'sessions-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  ...RUN_SESSION_OPTIONS,
  confirm: { type: 'boolean', default: false },
  'confirm-policy': { type: 'string' },
} as const;

type RunFlags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Where SIGINT/SIGTERM come from; the CLI passes `process`. */
  signals: NodeJS.EventEmitter;
  /** Answers to --confirm questions (the CLI passes process.stdin). */
  stdin?: NodeJS.ReadableStream;
}

/** --image-format: png (default, lossless) or jpeg (q90 4:4:4, for slow links to a server). */
function parseImageFormat(value: string | undefined): ImageFormat {
  if (value === undefined) return DEFAULT_IMAGE_FORMAT;
  if (value === 'png' || value === 'jpeg') return value;
  throw new UsageError(`--image-format must be png or jpeg, got "${value}".`);
}

export async function runCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  if (positionals.length !== 1 || positionals[0]!.trim() === '') {
    throw new UsageError(
      'Give exactly one instruction in quotes, e.g. deskhand run "open the calculator" --backend openai …',
    );
  }
  const task = positionals[0]!;
  const maxSteps = positiveInteger('--max-steps', values['max-steps'], DEFAULT_MAX_STEPS);
  const maxTokens = positiveInteger('--max-tokens', values['max-tokens'], DEFAULT_SAMPLING.maxTokens);
  const maxPixels = values['max-pixels'] === undefined ? null : positiveInteger('--max-pixels', values['max-pixels']);
  const imageFormat = parseImageFormat(values['image-format']);
  const sessionsDir = sessionsDirFromFlag(values['sessions-dir'], io.env);
  const sessionFlags = parseSessionFlags(values, io.env, task);
  const confirmPolicy = confirmPolicyFromFlags(values);
  const { backend, operator, display, recorder } = await openRun(
    { task, secretsIn: task, maxSteps, imageFormat, maxTokens, sessionsDir, retention: sessionFlags.retention },
    {
      backend: () => createBackend(values, io.env, io.stderr),
      desktop: cliDesktop(values.display),
      secrets: sessionFlags.secrets,
      redactor: sessionFlags.redactor,
      onRetention: printRetention(io.stderr),
    },
  );
  const print = eventPrinter(values.json, io.stdout);
  print(runStartEvent(recorder, { task, backend, display }));
  const terminalConfirm =
    confirmPolicy && io.stdin ? createTerminalConfirm(confirmPolicy, { input: io.stdin, output: io.stderr }) : null;
  const stop = listenForStop(io.signals, { env: io.env, stderr: io.stderr });
  try {
    const result = await runAgent({
      task,
      backend,
      operator,
      display,
      recorder,
      maxSteps,
      signal: stop.signal,
      sampling: { ...DEFAULT_SAMPLING, maxTokens },
      maxPixels,
      imageFormat,
      onEvent: print,
      confirm: terminalConfirm?.confirm,
    });
    // The text printer already showed the ending; with --json, stdout holds only events, so say it on stderr.
    if (result.outcome.kind === 'error' && values.json) io.stderr.write(`deskhand: ${result.outcome.message}\n`);
    return result.exitCode;
  } finally {
    terminalConfirm?.close();
    stop.dispose();
  }
}

const DEVICES = ['auto', 'cuda', 'dml', 'webgpu', 'coreml', 'cpu'] as const;

async function createBackend(
  values: RunFlags,
  env: NodeJS.ProcessEnv,
  stderr: NodeJS.WritableStream,
): Promise<{ backend: ChatBackend; baseUrl: string | null }> {
  if (values.backend === 'local') {
    if (!values['model-dir'])
      throw new UsageError('--backend local needs --model-dir DIR (see `deskhand model check DIR`).');
    const device = values.device ?? 'auto';
    if (!isDevice(device)) throw new UsageError(`--device must be one of ${DEVICES.join(', ')}, got "${device}".`);
    const backend = await asUsageError(createLocalBackend({ modelDir: values['model-dir'], device }));
    if (backend.fallbackReason) stderr.write(`deskhand: ${backend.fallbackReason}\n`);
    return { backend, baseUrl: null };
  }
  if (values.backend === 'replay') {
    if (!values.replay) throw new UsageError('--backend replay needs --replay FILE (a JSONL file of model answers).');
    return { backend: await asUsageError(createReplayBackend(values.replay)), baseUrl: null };
  }
  if (values.backend !== 'openai') {
    throw new UsageError(
      `--backend must be openai, local or replay${values.backend ? `, got "${values.backend}"` : ''}.`,
    );
  }
  const baseUrl = values['base-url'] ?? env.DESKHAND_BASE_URL;
  if (!baseUrl)
    throw new UsageError('--backend openai needs --base-url, e.g. http://127.0.0.1:8000/v1 for a local vLLM server.');
  if (!/^https?:\/\//.test(baseUrl))
    throw new UsageError(`--base-url must start with http:// or https://, got "${baseUrl}".`);
  const apiKey = readApiKey(values['api-key-env'], env);
  const { model, replaced } = await asUsageError(preflightServer({ baseUrl, model: values.model, apiKey }));
  if (replaced !== null)
    stderr.write(`deskhand: the server serves only "${model}"; using it instead of "${replaced}".\n`);
  return { backend: createOpenAIBackend({ baseUrl, model, apiKey }), baseUrl };
}

/** The API key from the named environment variable (default DESKHAND_API_KEY); never from a flag, so it stays out of shell history. */
function readApiKey(variable: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (variable === undefined) return env.DESKHAND_API_KEY || undefined;
  const value = env[variable];
  if (!value)
    throw new UsageError(`--api-key-env names ${variable}, but that environment variable is empty or not set.`);
  return value;
}

function isDevice(device: string): device is (typeof DEVICES)[number] {
  return (DEVICES as readonly string[]).includes(device);
}

async function asUsageError<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof BackendError || error instanceof DesktopSetupError) throw new UsageError(error.message);
    throw error;
  }
}
