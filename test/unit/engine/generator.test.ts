// The local engine on the tiny model against transformers.js GlmOcr generate, and its positions against a recompute.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  AutoProcessor,
  GlmOcrForConditionalGeneration,
  RawImage,
  Tensor as HfTensor,
  env,
  type PretrainedConfig,
  type PreTrainedModel,
  type Tensor as HfTensorType,
} from '@huggingface/transformers';
import { InferenceSession } from 'onnxruntime-node';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../../src/engine/decode-image.js';
import { loadEngine, type Engine } from '../../../src/engine/generator.js';
import { emptyKvCache, runDecoder } from '../../../src/engine/kv-cache.js';
import { prefillInputs, promptEmbeddings, type PrefillContext } from '../../../src/engine/prefill.js';
import { preprocessImage } from '../../../src/engine/preprocess.js';
import { parsePreprocessorConfig } from '../../../src/engine/preprocessor-config.js';
import { loadTokenizer, promptTokenIds, renderUserTurn } from '../../../src/engine/prompt-tokens.js';
import { computeRopeIndex } from '../../../src/engine/rope-index.js';
import { argmax } from '../../../src/engine/sampling.js';
import { asGlmOcrConfig, tinyModelSpec } from '../../../src/engine/tiny-model/configs.js';
import { tinyModelDir } from '../../support/tiny-model.js';

const { text, tokenIds } = tinyModelSpec();
const GREEDY = { repetitionPenalty: 1 };
/** 84×56 gives a [1, 4, 6] grid: 6 image tokens on a 2×3 merged grid, so the rope delta is 3 − 6 = −3. */
const [WIDTH, HEIGHT] = [84, 56];
const RGB = Uint8Array.from({ length: WIDTH * HEIGHT * 3 }, (_, index) => (index * 7) % 256);

let dir: string;
let engine: Engine;
let png: Buffer;
let hfModel: PreTrainedModel;

beforeAll(async () => {
  dir = await tinyModelDir();
  env.allowRemoteModels = false;
  env.localModelPath = dirname(dir);
  engine = await loadEngine(dir, { device: 'cpu' });
  png = await sharp(Buffer.from(RGB), { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .png()
    .toBuffer();
  const config = asGlmOcrConfig(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')));
  hfModel = await GlmOcrForConditionalGeneration.from_pretrained(basename(dir), {
    config: config as unknown as PretrainedConfig,
    dtype: 'fp32',
    device: 'cpu',
  });
}, 60_000);

afterAll(async () => {
  await engine?.dispose();
  await hfModel?.dispose();
});

/** transformers.js's greedy continuation (repetition_penalty 1, eos from generation_config.json). */
async function transformersJsIds(inputs: Record<string, unknown>, maxNewTokens: number): Promise<number[]> {
  const promptLength = (inputs.input_ids as HfTensorType).dims[1]!;
  const output = (await hfModel.generate({
    ...inputs,
    max_new_tokens: maxNewTokens,
    do_sample: false,
    repetition_penalty: 1,
  })) as HfTensorType;
  return (output.tolist() as bigint[][])[0]!.slice(promptLength).map(Number);
}

interface TextOnlyRope {
  _get_text_only_rope_index(inputIds: HfTensorType, mask: HfTensorType): [HfTensorType, HfTensorType];
}

/**
 * transformers.js 4.3.1 Qwen2VL _get_text_only_rope_index computes the delta as max + 1 + S where HF
 * Qwen2VLModel.get_rope_index has max + 1 − S (0 for an unpadded prompt), so its text-only decode steps sit 2·S
 * positions late. Our engine follows HF Python; the reference gets HF's delta here so the comparison is fair.
 */
function fixTextOnlyRopeDelta(model: object): void {
  const target = model as TextOnlyRope;
  const original = target._get_text_only_rope_index.bind(target);
  target._get_text_only_rope_index = (inputIds, mask) => {
    const [positions, deltas] = original(inputIds, mask);
    const twiceLength = 2n * BigInt(mask.dims[1]!);
    const fixed = BigInt64Array.from(deltas.data as BigInt64Array, (delta) => delta - twiceLength);
    return [positions, new HfTensor('int64', fixed, deltas.dims)];
  };
}

/** Our pixel_values for the PNG: what the engine feeds, so both sides see the same floats. */
async function ourPixelValues(): Promise<Float32Array> {
  const preprocessor = parsePreprocessorConfig(
    JSON.parse(await readFile(join(dir, 'preprocessor_config.json'), 'utf8')),
  );
  return (await preprocessImage(await decodeImage(png), preprocessor)).pixelValues;
}

describe('generate against transformers.js GlmOcr (greedy, token ids)', () => {
  it('renders the prompt as the folder chat template does and tokenizes it as the processor does', async () => {
    const tokenizer = await loadTokenizer(dir);
    const messages = [{ role: 'user', content: [{ type: 'image' }, { type: 'text', text: 'Open the menu' }] }];
    const rendered = tokenizer.apply_chat_template(messages as never, { tokenize: false, add_generation_prompt: true });
    expect(renderUserTurn(1, 'Open the menu')).toBe(rendered);
    const processor = await AutoProcessor.from_pretrained(basename(dir));
    const inputs = await processor(
      renderUserTurn(1, 'Click'),
      new RawImage(new Uint8ClampedArray(RGB), WIDTH, HEIGHT, 3),
    );
    const theirs = (inputs.input_ids as HfTensorType).tolist() as bigint[][];
    expect(promptTokenIds(tokenizer, tokenIds['<|image|>'], [6], 'Click')).toEqual(theirs[0]!.map(Number));
    // Our preprocessing equals the processor's to float rounding; the comparisons below feed ours to both sides.
    const ours = await ourPixelValues();
    const hf = (inputs.pixel_values as HfTensorType).data as Float32Array;
    expect(ours.length).toBe(hf.length);
    expect(Math.max(...ours.map((value, index) => Math.abs(value - hf[index]!)))).toBeLessThan(1e-5);
  });

  it('generates the same 24 tokens on a text-only prompt', async () => {
    fixTextOnlyRopeDelta(hfModel);
    const prompt = 'Say hello and click the start button';
    const tokenizer = await loadTokenizer(dir);
    const ids = tokenizer.encode(renderUserTurn(0, prompt), { add_special_tokens: false });
    const theirs = await transformersJsIds(
      {
        input_ids: new HfTensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
        attention_mask: new HfTensor('int64', new BigInt64Array(ids.length).fill(1n), [1, ids.length]),
      },
      24,
    );
    const ours = await engine.generate({ images: [], prompt, maxTokens: 24, temperature: 0 }, { sampling: GREEDY });
    expect(ours.tokenIds).toEqual(theirs);
    expect(ours.promptTokens).toBe(ids.length);
    expect(ours.tokenIds.length).toBeGreaterThanOrEqual(8);
  });

  it('generates the same 24 tokens on a prompt with one image', async () => {
    const processor = await AutoProcessor.from_pretrained(basename(dir));
    const prompt = 'Click the start button';
    const inputs = await processor(
      renderUserTurn(1, prompt),
      new RawImage(new Uint8ClampedArray(RGB), WIDTH, HEIGHT, 3),
    );
    const pixels = await ourPixelValues();
    const theirs = await transformersJsIds(
      { ...inputs, pixel_values: new HfTensor('float32', pixels, [pixels.length / 1176, 1176]) },
      24,
    );
    const request = { images: [{ data: png }], prompt, maxTokens: 24, temperature: 0 };
    const ours = await engine.generate(request, { sampling: GREEDY });
    expect(ours.tokenIds).toEqual(theirs);
    expect(ours.promptTokens).toBe((inputs.input_ids as HfTensorType).dims[1]);
    expect(ours.tokenIds.length).toBeGreaterThanOrEqual(8);
  });
});

describe('decode positions after an image', () => {
  it('gives each cached step the logits of a full recompute at positions cache length + rope delta', async () => {
    const steps: Float32Array[] = [];
    const result = await engine.generate(
      { images: [{ data: png }], prompt: 'Find the menu', maxTokens: 6, temperature: 0 },
      { pickToken: (logits) => (steps.push(logits.slice()), argmax(logits)) },
    );
    expect(result.tokenIds).toHaveLength(6);
    const tokenizer = await loadTokenizer(dir);
    const preprocessor = parsePreprocessorConfig(
      JSON.parse(await readFile(join(dir, 'preprocessor_config.json'), 'utf8')),
    );
    const [embed, vision, decoder] = await Promise.all(
      ['embed_tokens', 'vision_encoder', 'decoder_model_merged'].map((graph) =>
        InferenceSession.create(join(dir, 'onnx', `${graph}.onnx`)),
      ),
    );
    const context: PrefillContext = {
      tokenizer,
      preprocessor,
      imageTokenId: tokenIds['<|image|>'],
      embed: embed!,
      vision: vision!,
      pixels: new Float32Array(0),
    };
    const prompt = await prefillInputs(context, [{ data: png }], 'Find the menu', '');
    // The whole sequence at once: the prompt plus every generated token but the last, positioned by get_rope_index.
    const ids = [...prompt.ids, ...result.tokenIds.slice(0, -1)];
    const rope = computeRopeIndex(ids, tokenIds['<|image|>'], prompt.grids);
    expect(computeRopeIndex(prompt.ids, tokenIds['<|image|>'], prompt.grids).ropeDelta).toBe(-3);
    const full = await runDecoder(
      decoder!,
      await promptEmbeddings(context, { ...prompt, ids }),
      rope.positions,
      emptyKvCache(decoder!, text.kvHeads, text.headDim),
      false,
    );
    // runDecoder keeps the last row only: compare it to our last step, then every step through prefixes.
    expect(maxDifference(full.logits, steps.at(-1)!)).toBeLessThan(1e-4);
    for (let step = 0; step < steps.length - 1; step++) {
      const prefix = ids.slice(0, prompt.ids.length + step);
      const recompute = await runDecoder(
        decoder!,
        await promptEmbeddings(context, { ...prompt, ids: prefix }),
        computeRopeIndex(prefix, tokenIds['<|image|>'], prompt.grids).positions,
        emptyKvCache(decoder!, text.kvHeads, text.headDim),
        false,
      );
      expect(maxDifference(recompute.logits, steps[step]!)).toBeLessThan(1e-4);
    }
    // The check has teeth: the same recompute with the generated tokens 3 positions later (no rope delta) differs.
    const shifted = rope.positions.map((position, at) =>
      at % ids.length >= prompt.ids.length ? position + 3n : position,
    );
    const undelta = await runDecoder(
      decoder!,
      await promptEmbeddings(context, { ...prompt, ids }),
      shifted,
      emptyKvCache(decoder!, text.kvHeads, text.headDim),
      false,
    );
    expect(maxDifference(undelta.logits, steps.at(-1)!)).toBeGreaterThan(1e-3);
    await Promise.all([embed, vision, decoder].map((session) => session!.release()));
  });
});

function maxDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let index = 0; index < a.length; index++) max = Math.max(max, Math.abs(a[index]! - b[index]!));
  return max;
}
