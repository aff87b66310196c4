// The local GLM-4.1V engine: loads a model folder, prefills images + prompt, then decodes with a KV cache. Node only.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { throwIfAborted } from '../abortable.js';
import { disposeKvCache, emptyKvCache, runDecoder, type KvCache } from './kv-cache.js';
import { eosTokenIds, headDim, type ModelConfig } from './model-config.js';
import { checkModelFolder, preferredVariant, presentVariants, type ModelVariant } from './model-folder.js';
import { parsePreprocessorConfig } from './preprocessor-config.js';
import { embedIds, prefillInputs, promptEmbeddings, type EngineImage, type PrefillContext } from './prefill.js';
import { createByteLevelStream, loadByteLevelTable, type ByteLevelTable } from './byte-level-text.js';
import { createTextOutput, createTextStream, loadTokenizer, specialIds, type SpecialIds } from './prompt-tokens.js';
import { computeRopeIndex, decodePosition } from './rope-index.js';
import { OFFICIAL_SAMPLING, sampleToken, seededRandom, type SamplingOptions } from './sampling.js';
import { loadSessions, type EngineDevice, type ModelSessions } from './sessions.js';

export type { EngineDevice } from './sessions.js';

export interface LoadEngineOptions {
  device: EngineDevice;
  /** Which graph files to load (transformers.js suffixes); default the folder's preferredVariant for the device. */
  variant?: ModelVariant;
}

/** A model folder that breaks the engine's contract; `problems` name each file, tensor and expectation. */
export class ModelFolderError extends Error {
  override readonly name = 'ModelFolderError';
  constructor(
    readonly dir: string,
    readonly problems: string[],
  ) {
    super(`The model folder ${dir} cannot be used:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  }
}

/** A ChatRequest as the engine needs it: the images (captured pixels, else PNG/JPEG bytes), the prompt, the limits. */
export interface GenerateRequest {
  images: ReadonlyArray<EngineImage>;
  prompt: string;
  maxTokens: number;
  temperature: number;
}

export interface GenerateOptions {
  /** Merged over OFFICIAL_SAMPLING; the request's temperature always wins. */
  sampling?: Partial<SamplingOptions>;
  /** Seeds the sampler so a sampled run repeats exactly; default Math.random. */
  seed?: number;
  /** Tokens after which an unclosed `<think>` gets `</think><answer>` forced in (GLM-V trans_infer_bench.py). */
  thinkingBudget?: number;
  /** Text the answer starts with, fed after `<|assistant|>\n` and streamed first (e.g. `<think>`). */
  assistantPrefix?: string;
  signal?: AbortSignal;
  /** Receives each piece of decoded text (special tokens kept) as soon as it is complete UTF-8. */
  onToken?: (textDelta: string) => void;
  /** Replaces sampling (tests, experiments): gets the raw logits and the ids generated so far. */
  pickToken?: (logits: Float32Array, generated: readonly number[]) => number;
}

export interface GenerateResult {
  /** The streamed text joined: the prefix, then every generated token but a turn-ending stop token. */
  text: string;
  /** Every generated id, the stop token included, forced ones too. */
  tokenIds: number[];
  promptTokens: number;
  completionTokens: number;
  finishReason: 'stop' | 'length';
}

export interface Engine {
  /** The provider the vision encoder and decoder run on. */
  readonly device: ModelSessions['device'];
  /** Why 'auto' fell back to the CPU, for the UI; null otherwise. */
  readonly fallbackReason: string | null;
  readonly config: ModelConfig;
  /** One generation at a time: a second call waits for the first. */
  generate(request: GenerateRequest, options?: GenerateOptions): Promise<GenerateResult>;
  dispose(): Promise<void>;
}

/** Everything generate() needs, loaded once. */
interface Loaded extends PrefillContext {
  sessions: ModelSessions;
  config: ModelConfig;
  special: SpecialIds;
  keepLogits: boolean;
  /** O(1)-per-token detokenizing for byte-level BPE (GLM's); null falls back to transformers.js decoding. */
  byteLevel: ByteLevelTable | null;
}

/** Checks the folder (one error listing every problem, before any session exists), then loads it. */
export async function loadEngine(dir: string, options: LoadEngineOptions): Promise<Engine> {
  const variant = options.variant ?? preferredVariant(await presentVariants(dir), options.device);
  const check = await checkModelFolder(dir, variant);
  if (!check.valid || !check.config) throw new ModelFolderError(dir, check.errors);
  const config = check.config;
  const { preprocessor, tokenizer, special, byteLevel } = await readFolderFiles(dir, config);
  const sessions = await loadSessions(dir, options.device, variant, config.text_config.num_hidden_layers);
  const loaded: Loaded = {
    sessions,
    tokenizer,
    config,
    preprocessor,
    imageTokenId: config.image_token_id,
    embed: sessions.embed,
    vision: sessions.vision,
    special,
    keepLogits: sessions.decoder.inputNames.includes('num_logits_to_keep'),
    byteLevel,
    pixels: new Float32Array(0),
  };
  let queue: Promise<unknown> = Promise.resolve();
  return {
    device: sessions.device,
    fallbackReason: sessions.fallbackReason,
    config,
    generate(request, generateOptions = {}) {
      const run = queue.then(() => generate(loaded, request, generateOptions));
      queue = run.catch(() => undefined);
      return run;
    },
    async dispose() {
      await queue;
      await Promise.all([sessions.embed, sessions.vision, sessions.decoder].map((session) => session.release()));
    },
  };
}

/** The folder's preprocessor config, tokenizer and special ids; a failure is reported as a folder problem. */
async function readFolderFiles(dir: string, config: ModelConfig) {
  const problem = (file: string) => (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    throw new ModelFolderError(dir, [message.includes(join(dir, file)) ? message : `${join(dir, file)}: ${message}`]);
  };
  const preprocessorFile = join(dir, 'preprocessor_config.json');
  const preprocessor = await readFile(preprocessorFile, 'utf8')
    .then((text) => parsePreprocessorConfig(JSON.parse(text)))
    .catch(problem('preprocessor_config.json'));
  const tokenizer = await loadTokenizer(dir).catch(problem('tokenizer.json'));
  const special = await specialIds(dir, tokenizer, eosTokenIds(config)).catch(problem('generation_config.json'));
  const byteLevel = await loadByteLevelTable(dir).catch(problem('tokenizer.json'));
  return { preprocessor, tokenizer, special, byteLevel };
}

async function generate(loaded: Loaded, request: GenerateRequest, options: GenerateOptions): Promise<GenerateResult> {
  const signal = options.signal ?? new AbortController().signal;
  throwIfAborted(signal);
  const prompt = await prefillInputs(loaded, request.images, request.prompt, options.assistantPrefix ?? '');
  throwIfAborted(signal);
  const embeds = await promptEmbeddings(loaded, prompt);
  const { config, sessions } = loaded;
  const rope = computeRopeIndex(
    prompt.ids,
    config.image_token_id,
    prompt.grids,
    config.vision_config.spatial_merge_size,
  );
  const textStream = loaded.byteLevel ? createByteLevelStream(loaded.byteLevel) : createTextStream(loaded.tokenizer);
  const output = createTextOutput(textStream, loaded.special.silentStop, options.onToken);
  for (const id of prompt.prefixIds) output.stream(id);
  const pick = tokenPicker(request, options, new Set(prompt.ids));
  const generated: number[] = [];
  let thinking = prompt.prefixIds.reduce(nextThinkState(loaded), 'none' as ThinkState);
  let cache: KvCache = emptyKvCache(sessions.decoder, config.text_config.num_key_value_heads, headDim(config));
  let finishReason: GenerateResult['finishReason'] = 'length';
  try {
    throwIfAborted(signal);
    let step = await runDecoder(sessions.decoder, embeds, rope.positions, cache, loaded.keepLogits);
    cache = step.cache;
    while (generated.length < request.maxTokens) {
      const forceAnswer = thinking === 'open' && generated.length >= (options.thinkingBudget ?? Infinity);
      const next = forceAnswer
        ? loaded.special.forcedAnswer.slice(0, request.maxTokens - generated.length)
        : [pick(step.logits, generated)];
      generated.push(...next);
      next.forEach(output.stream);
      thinking = next.reduce(nextThinkState(loaded), thinking);
      if (next.some((id) => loaded.special.stop.has(id))) finishReason = 'stop';
      if (finishReason === 'stop' || generated.length >= request.maxTokens) break;
      // Checked after the token streamed out and before the next decoder run: an abort costs at most one token.
      throwIfAborted(signal);
      const positions = decodePositions(decodePosition(cache.length, rope.ropeDelta), next.length);
      step = await runDecoder(
        sessions.decoder,
        await embedIds(sessions.embed, next),
        positions,
        cache,
        loaded.keepLogits,
      );
      cache = step.cache;
    }
  } finally {
    disposeKvCache(cache);
  }
  const text = output.end();
  const usage = { promptTokens: prompt.ids.length, completionTokens: generated.length };
  return { text, tokenIds: generated, ...usage, finishReason };
}

/** `count` consecutive decode positions from `first`, the same in the t, h and w rows ([3, 1, count]). */
function decodePositions(first: bigint, count: number): BigInt64Array {
  return BigInt64Array.from({ length: 3 * count }, (_, at) => first + BigInt(at % count));
}

/**
 * The sampler for one request: OFFICIAL_SAMPLING under the caller's settings and the request's temperature. A
 * repetition penalty, when a caller sets one, covers the prompt and the generated ids, as HF's
 * RepetitionPenaltyLogitsProcessor does (it penalises all of input_ids).
 */
function tokenPicker(
  request: GenerateRequest,
  options: GenerateOptions,
  seen: Set<number>,
): (logits: Float32Array, generated: readonly number[]) => number {
  if (options.pickToken) return options.pickToken;
  const sampling = { ...OFFICIAL_SAMPLING, ...options.sampling, temperature: request.temperature };
  const random = options.seed === undefined ? Math.random : seededRandom(options.seed);
  let counted = 0;
  return (logits, generated) => {
    for (; counted < generated.length; counted++) seen.add(generated[counted]!);
    return sampleToken(logits, seen, sampling, random);
  };
}

type ThinkState = 'none' | 'open' | 'closed';

/** How one more id moves the `<think>` state: the first `<think>` opens it, `</think>` closes it for good. */
function nextThinkState({ special }: Loaded): (state: ThinkState, id: number) => ThinkState {
  return (state, id) => {
    if (id === special.thinkClose) return 'closed';
    return id === special.thinkOpen && state === 'none' ? 'open' : state;
  };
}
