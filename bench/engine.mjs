// Local engine speed on the tiny model: prefill, decode tokens/s, a bare session.run floor, transformers.js. Node only.
// `npm run build && node bench/engine.mjs` prints the JSON; the model is written to a temp folder and removed.
import { Blob } from 'node:buffer';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Tokens per timed run; each figure is the median of RUNS runs after one warm-up. */
const NEW_TOKENS = 512;
const RUNS = 15;
const PROMPT = 'Click the start button';

/** All four figures on one freshly written tiny model, CPU provider, this process. */
export async function measureEngine() {
  const { writeTinyModel } = await import('../dist/src/engine/tiny-model/write-model-folder.js');
  const dir = await mkdtemp(join(tmpdir(), 'deskhand-bench-engine-'));
  try {
    await writeTinyModel(dir);
    const sharp = (await import('sharp')).default;
    const png = await sharp({ create: { width: 84, height: 56, channels: 3, background: '#3080c0' } })
      .png()
      .toBuffer();
    // Interleaved rounds (ours, floor, transformers.js, repeated) so a noisy neighbour slows all three alike.
    const ours = await oursRunner(dir, png);
    const contenders = [ours, await floorRunner(dir, ours.promptTokens), await transformersJsRunner(dir, png)];
    const samples = contenders.map(() => []);
    for (let run = 0; run <= RUNS; run++) {
      for (const [index, contender] of contenders.entries()) {
        const sample = await contender.runOnce();
        if (run > 0) samples[index].push(sample);
      }
    }
    await Promise.all(contenders.map((contender) => contender.dispose()));
    const [oursSamples, floor, transformersJs] = samples;
    return {
      newTokens: NEW_TOKENS,
      promptTokens: ours.promptTokens,
      prefillMs: round(median(oursSamples.map((sample) => sample.prefillMs))),
      decodeTokPerS: round(median(oursSamples.map((sample) => sample.decodeTokPerS))),
      floorTokPerS: round(median(floor)),
      transformersJsTokPerS: round(median(transformersJs)),
      // Ratios of the runs of one round, then their median: a slow spell of the machine cancels out within a round.
      decodeVsFloor: pairedRatio(
        oursSamples.map((sample) => sample.decodeTokPerS),
        floor,
      ),
      decodeVsTransformersJs: pairedRatio(
        oursSamples.map((sample) => sample.decodeTokPerS),
        transformersJs,
      ),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (value) => Math.round(value * 10) / 10;
const pairedRatio = (ours, theirs) => Math.round(median(ours.map((value, at) => value / theirs[at])) * 100) / 100;

/** Our generate on an image prompt: greedy (argmax) with stop ids swapped out so every run makes NEW_TOKENS. */
async function oursRunner(dir, png) {
  const { loadEngine } = await import('../dist/src/engine/generator.js');
  const { argmax } = await import('../dist/src/engine/sampling.js');
  const engine = await loadEngine(dir, { device: 'cpu' });
  const stops = new Set(engine.config.eos_token_id);
  const request = { images: [{ data: png }], prompt: PROMPT, maxTokens: NEW_TOKENS, temperature: 0 };
  const runOnce = async () => {
    let firstPick = 0;
    const started = performance.now();
    const pickToken = (logits) => {
      firstPick ||= performance.now();
      const id = argmax(logits);
      return stops.has(id) ? 97 : id;
    };
    const result = await engine.generate(request, { pickToken, onToken: () => undefined });
    runner.promptTokens = result.promptTokens;
    return {
      prefillMs: firstPick - started,
      decodeTokPerS: (NEW_TOKENS - 1) / ((performance.now() - firstPick) / 1000),
    };
  };
  const runner = { runOnce, dispose: () => engine.dispose(), promptTokens: 0 };
  await runOnce(); // learns the prompt length, which the floor's context must match
  return runner;
}

/**
 * The floor: embed_tokens + decoder_model_merged session.run per token with the KV cache, nothing else, after an
 * untimed prefill as long as our prompt, so both decode over the same context lengths.
 */
async function floorRunner(dir, promptTokens) {
  const { InferenceSession, Tensor } = await import('onnxruntime-node');
  const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
  const { num_hidden_layers: layers, num_key_value_heads: heads, head_dim: size } = config.text_config;
  const options = { executionProviders: ['cpu'], graphOptimizationLevel: 'all' };
  const embed = await InferenceSession.create(join(dir, 'onnx/embed_tokens.onnx'), options);
  const decoder = await InferenceSession.create(join(dir, 'onnx/decoder_model_merged.onnx'), options);
  const int64 = (values, dims) => new Tensor('int64', BigInt64Array.from(values, BigInt), dims);
  const runOnce = async () => {
    let past = {};
    for (let layer = 0; layer < layers; layer++) {
      for (const kind of ['key', 'value']) {
        past[`past_key_values.${layer}.${kind}`] = new Tensor('float32', new Float32Array(0), [1, heads, 0, size]);
      }
    }
    const keepLogits = decoder.inputNames.includes('num_logits_to_keep') ? { num_logits_to_keep: int64([1], []) } : {};
    const runDecoder = async (ids, from) => {
      const { inputs_embeds } = await embed.run({ input_ids: int64(ids, [1, ids.length]) });
      const total = from + ids.length;
      const positions = ids.map((_, at) => from + at);
      const outputs = await decoder.run({
        inputs_embeds,
        attention_mask: new Tensor('int64', new BigInt64Array(total).fill(1n), [1, total]),
        position_ids: int64([...positions, ...positions, ...positions], [3, 1, ids.length]),
        ...past,
        ...keepLogits,
      });
      past = {};
      for (const [name, tensor] of Object.entries(outputs)) {
        if (name.startsWith('present.')) past[name.replace('present.', 'past_key_values.')] = tensor;
      }
    };
    await runDecoder(Array(promptTokens).fill(97), 0);
    const started = performance.now();
    for (let step = 0; step < NEW_TOKENS; step++) await runDecoder([97], promptTokens + step);
    return NEW_TOKENS / ((performance.now() - started) / 1000);
  };
  return { runOnce, dispose: () => Promise.all([embed.release(), decoder.release()]) };
}

/** transformers.js GlmOcr generate (greedy, min_new_tokens so no early stop); decode rate from N vs 1 tokens. */
async function transformersJsRunner(dir, png) {
  const { AutoProcessor, GlmOcrForConditionalGeneration, RawImage, env } = await import('@huggingface/transformers');
  const { asGlmOcrConfig } = await import('../dist/src/engine/tiny-model/configs.js');
  const { renderUserTurn } = await import('../dist/src/engine/prompt-tokens.js');
  env.allowRemoteModels = false;
  env.localModelPath = dirname(dir);
  const config = asGlmOcrConfig(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')));
  const model = await GlmOcrForConditionalGeneration.from_pretrained(basename(dir), {
    config,
    dtype: 'fp32',
    device: 'cpu',
  });
  const processor = await AutoProcessor.from_pretrained(basename(dir));
  const inputs = await processor(renderUserTurn(1, PROMPT), await RawImage.fromBlob(new Blob([png])));
  const timed = async (tokens) => {
    const started = performance.now();
    await model.generate({ ...inputs, max_new_tokens: tokens, min_new_tokens: tokens, do_sample: false });
    return performance.now() - started;
  };
  const runOnce = async () => {
    const [one, many] = [await timed(1), await timed(NEW_TOKENS)];
    return (NEW_TOKENS - 1) / ((many - one) / 1000);
  };
  return { runOnce, dispose: () => model.dispose() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(await measureEngine(), null, 2)}\n`);
}
