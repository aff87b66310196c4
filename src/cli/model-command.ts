// `deskhand model tiny|check`: the tiny random GLM-4.1V folder used by engine tests, and the model-folder check. Node only.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { positiveInteger, UsageError } from './usage.js';
import type { ModelVariant } from '../engine/model-folder.js';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  signals: NodeJS.EventEmitter;
}

const MODEL_USAGE =
  'Use `deskhand model tiny --out DIR [--seed N]`, `deskhand model check DIR [--variant fp32|fp16|q4f16] [--json]` ' +
  'or `deskhand model download …`.';

/** Writes the folder and prints its absolute path on stdout (one line, so scripts can capture it). */
export async function modelCommand(args: string[], io: Io): Promise<number> {
  // download has flags of its own, so it parses its arguments itself.
  if (args[0] === 'download')
    return (await import('./model-download-command.js')).modelDownloadCommand(args.slice(1), io);
  const { verb, out, seed, target, json, variant } = parseModelArgs(args);
  if (verb === 'check') return checkCommand(target, variant, json, io);
  if (verb !== 'tiny')
    throw new UsageError(verb === undefined ? MODEL_USAGE : `Unknown model verb "${verb}". ${MODEL_USAGE}`);
  if (out === undefined) throw new UsageError(`--out is required. ${MODEL_USAGE}`);
  const dir = resolve(out);
  const weightSeed = positiveInteger('--seed', seed, 1);
  // Loaded on demand: the builder pulls in onnx-proto, which no other command needs.
  const { writeTinyModel } = await import('../engine/tiny-model/write-model-folder.js');
  await writeTinyModel(dir, { seed: weightSeed });
  io.stdout.write(`${dir}\n`);
  return 0;
}

/**
 * `model check DIR [--variant V] [--json]`: exit 0 when the folder meets the contract, 2 when it does not. Without
 * --variant every variant the folder holds is checked (an exported folder often holds several); the estimate is the
 * one `--device auto` would load.
 */
async function checkCommand(
  target: string | undefined,
  variant: string | undefined,
  json: boolean,
  io: Io,
): Promise<number> {
  if (target === undefined) throw new UsageError(`model check needs the model folder. ${MODEL_USAGE}`);
  const [{ checkModelFolder, presentVariants, preferredVariant, VARIANT_SUFFIXES }, { availableProviders }] =
    await Promise.all([import('../engine/model-folder.js'), import('../engine/providers.js')]);
  if (variant !== undefined && !(variant in VARIANT_SUFFIXES)) {
    throw new UsageError(`--variant must be fp32, fp16 or q4f16, got "${variant}". ${MODEL_USAGE}`);
  }
  const dir = resolve(target);
  const providers = await availableProviders();
  const present = await presentVariants(dir);
  const variants = variant !== undefined ? [variant as ModelVariant] : present.length > 0 ? present : ['fp32' as const];
  const checks = await Promise.all(variants.map((name) => checkModelFolder(dir, name)));
  const loaded = preferredVariant(variants, providers.find((name) => name !== 'cpu') ?? 'cpu');
  const report = {
    valid: checks.every((check) => check.valid),
    errors: [...new Set(checks.flatMap((check) => check.errors))],
    providers,
    estimatedBytes: checks[variants.indexOf(loaded)]!.estimatedBytes,
  };
  if (json) io.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    const size = `${(report.estimatedBytes / 2 ** 30).toFixed(2)} GiB`;
    io.stdout.write(
      report.valid
        ? `Valid model folder (${variants.join(', ')}); needs about ${size}; providers: ${report.providers.join(', ')}\n`
        : '',
    );
    for (const error of report.errors) io.stderr.write(`${error}\n`);
  }
  return report.valid ? 0 : 2;
}

/** node:util parseArgs, with its ERR_PARSE_ARGS_* errors turned into UsageErrors that name the fix. */
function parseModelArgs(args: string[]): {
  verb: string | undefined;
  out: string | undefined;
  seed: string | undefined;
  target: string | undefined;
  json: boolean;
  variant: string | undefined;
} {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        seed: { type: 'string' },
        variant: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: true,
    });
    const [verb, ...rest] = positionals;
    const target = verb === 'check' ? rest.shift() : undefined;
    if (rest.length > 0) throw new UsageError(`Unexpected arguments: ${rest.join(' ')}. ${MODEL_USAGE}`);
    return { verb, out: values.out, seed: values.seed, target, json: values.json, variant: values.variant };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${(error as Error).message} ${MODEL_USAGE}`);
  }
}
