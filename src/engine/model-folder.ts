// Checks a model folder against the engine's contract before anything is loaded, and estimates its memory. Node only.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { contractErrors, graphContract, readGraphSignature } from './graph-contract.js';
import { headDim, ModelConfig, REQUIRED_SPECIAL_TOKENS } from './model-config.js';

export const MODEL_GRAPHS = ['embed_tokens', 'vision_encoder', 'decoder_model_merged'] as const;
/** transformers.js file suffixes: fp32 has none. */
export const VARIANT_SUFFIXES = { fp32: '', fp16: '_fp16', q4f16: '_q4f16' } as const;
export type ModelVariant = keyof typeof VARIANT_SUFFIXES;

/** The variants whose three graph files are all in `dir/onnx` (an exported folder may hold several). */
export async function presentVariants(dir: string): Promise<ModelVariant[]> {
  const names = new Set(await readdir(join(dir, 'onnx')).catch(() => [] as string[]));
  return (Object.keys(VARIANT_SUFFIXES) as ModelVariant[]).filter((variant) =>
    MODEL_GRAPHS.every((graph) => names.has(`${graph}${VARIANT_SUFFIXES[variant]}.onnx`)),
  );
}

/**
 * The variant to load when none is named: on the CPU fp32 first (onnxruntime's CPU kernels are float32; fp16 runs
 * through casts), on a GPU the smallest first. `present` is presentVariants' answer; fp32 when it is empty, so the
 * check names the missing files.
 */
export function preferredVariant(present: readonly ModelVariant[], device: string): ModelVariant {
  const order: ModelVariant[] = device === 'cpu' ? ['fp32', 'q4f16', 'fp16'] : ['q4f16', 'fp16', 'fp32'];
  return order.find((variant) => present.includes(variant)) ?? 'fp32';
}

/** The context the memory estimate reserves a KV cache for (tokens). */
const ESTIMATE_CONTEXT_TOKENS = 8192;

export interface ModelCheck {
  valid: boolean;
  errors: string[];
  /** Bytes of graph and weight files plus an fp32 KV cache for 8k tokens. */
  estimatedBytes: number;
  config: ModelConfig | null;
}

const TokenizerFile = z.object({ added_tokens: z.array(z.object({ id: z.number().int(), content: z.string() })) });

export async function checkModelFolder(dir: string, variant: ModelVariant = 'fp32'): Promise<ModelCheck> {
  const errors: string[] = [];
  const config = await readJson(join(dir, 'config.json'), ModelConfig, errors);
  await readJson(join(dir, 'preprocessor_config.json'), z.object({}).passthrough(), errors);
  await readJson(join(dir, 'tokenizer_config.json'), z.object({}).passthrough(), errors);
  const tokenizer = await readJson(join(dir, 'tokenizer.json'), TokenizerFile, errors);
  if (tokenizer) {
    const present = new Set(tokenizer.added_tokens.map((token) => token.content));
    const missing = REQUIRED_SPECIAL_TOKENS.filter((token) => !present.has(token));
    if (missing.length > 0) errors.push(`${join(dir, 'tokenizer.json')}: missing special tokens ${missing.join(' ')}`);
  }
  let weightBytes = 0;
  for (const graph of MODEL_GRAPHS) {
    const file = join(dir, 'onnx', `${graph}${VARIANT_SUFFIXES[variant]}.onnx`);
    weightBytes += await graphBytes(file, errors);
    if (!config || errors.some((error) => error.startsWith(file))) continue;
    errors.push(...(await graphErrors(file, graph, config.text_config.num_hidden_layers)));
  }
  const kvBytes = config
    ? config.text_config.num_hidden_layers *
      2 *
      config.text_config.num_key_value_heads *
      headDim(config) *
      4 *
      ESTIMATE_CONTEXT_TOKENS
    : 0;
  return { valid: errors.length === 0, errors, estimatedBytes: weightBytes + kvBytes, config };
}

async function readJson<T>(file: string, schema: z.ZodType<T>, errors: string[]): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    errors.push(`${file}: missing`);
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    errors.push(`${file}: not valid JSON`);
    return null;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  errors.push(`${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  return null;
}

/** Size of a graph and its external weight files (`name.onnx_data`, `name.onnx_data_1`, …). */
async function graphBytes(file: string, errors: string[]): Promise<number> {
  const info = await stat(file).catch(() => null);
  if (!info) {
    errors.push(`${file}: missing`);
    return 0;
  }
  const folder = join(file, '..');
  const base = file.split('/').at(-1)!;
  const external = (await readdir(folder)).filter((name) => name.startsWith(`${base}_data`));
  const sizes = await Promise.all(external.map(async (name) => (await stat(join(folder, name))).size));
  return info.size + sizes.reduce((sum, size) => sum + size, 0);
}

async function graphErrors(file: string, graph: (typeof MODEL_GRAPHS)[number], layers: number): Promise<string[]> {
  let signature;
  try {
    signature = await readGraphSignature(file);
  } catch (error) {
    return [`${file}: not a readable ONNX model (${error instanceof Error ? error.message : String(error)})`];
  }
  const contract = graphContract(graph, layers);
  return [
    ...contractErrors(file, contract.inputs, signature.inputs, 'input'),
    ...contractErrors(file, contract.outputs, signature.outputs, 'output'),
  ];
}
