// Deskhand's Node engine against transformers' reference (PyTorch, the PIL image processor, get_rope_index), on the
// fixtures `python -m models.export.reference` committed: no Python needed here. Prints every max diff it checks.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type Engine } from '../../../src/engine/generator.js';
import { emptyKvCache, runDecoder, type KvCache } from '../../../src/engine/kv-cache.js';
import { type ModelVariant } from '../../../src/engine/model-folder.js';
import { embedIds, prefillInputs, promptEmbeddings, type PrefillContext } from '../../../src/engine/prefill.js';
import { buildNormalizeLut, patchifyRgb, patchValues } from '../../../src/engine/patchify.js';
import { preprocessRgb } from '../../../src/engine/preprocess.js';
import { parsePreprocessorConfig } from '../../../src/engine/preprocessor-config.js';
import { loadTokenizer } from '../../../src/engine/prompt-tokens.js';
import { computeRopeIndex, decodePosition, type GridThw } from '../../../src/engine/rope-index.js';
import { argmax } from '../../../src/engine/sampling.js';
import { loadSessions, type ModelSessions } from '../../../src/engine/sessions.js';
import { ReferenceFixture } from '../../support/reference-fixture.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/glm41v-export');
const MODEL_DIR = join(FIXTURES, 'model');
const IMAGE_TOKEN_ID: number = JSON.parse(await readFile(join(MODEL_DIR, 'config.json'), 'utf8')).image_token_id;
const reference = ReferenceFixture.parse(JSON.parse(await readFile(join(FIXTURES, 'reference.json'), 'utf8')));

function maxAbsDiff(ours: ArrayLike<number>, theirs: ArrayLike<number>): number {
  expect(ours.length).toBe(theirs.length);
  let max = 0;
  for (let index = 0; index < ours.length; index++) max = Math.max(max, Math.abs(ours[index]! - theirs[index]!));
  return max;
}

async function readRgb(file: string) {
  const { data, info } = await sharp(join(FIXTURES, file)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The engine's own prefill and decode steps, one variant, over its own sessions. */
async function openVariant(variant: ModelVariant) {
  const config = JSON.parse(await readFile(join(MODEL_DIR, 'config.json'), 'utf8'));
  const sessions: ModelSessions = await loadSessions(MODEL_DIR, 'cpu', variant, config.text_config.num_hidden_layers);
  const context: PrefillContext = {
    tokenizer: await loadTokenizer(MODEL_DIR),
    preprocessor: parsePreprocessorConfig(
      JSON.parse(await readFile(join(MODEL_DIR, 'preprocessor_config.json'), 'utf8')),
    ),
    imageTokenId: config.image_token_id,
    embed: sessions.embed,
    vision: sessions.vision,
    pixels: new Float32Array(0),
  };
  const kvHeads = config.text_config.num_key_value_heads;
  const headDim = config.text_config.hidden_size / config.text_config.num_attention_heads;
  const step = async (token: number, cache: KvCache, ropeDelta: number) => {
    const position = decodePosition(cache.length, ropeDelta);
    return runDecoder(
      sessions.decoder,
      await embedIds(sessions.embed, [token]),
      BigInt64Array.of(position, position, position),
      cache,
      false,
    );
  };
  const prefill = async (embeds: Awaited<ReturnType<typeof promptEmbeddings>>, positions: BigInt64Array) =>
    runDecoder(sessions.decoder, embeds, positions, emptyKvCache(sessions.decoder, kvHeads, headDim), false);
  const close = () =>
    Promise.all([sessions.embed, sessions.vision, sessions.decoder].map((session) => session.release()));
  return { context, prefill, step, close };
}

describe.each(reference.cases)('the Node engine against transformers on $name', (fixture) => {
  let engine: Awaited<ReturnType<typeof openVariant>>;
  let images: Array<{ data: Uint8Array }>;
  beforeAll(async () => {
    engine = await openVariant('fp32');
    images = await Promise.all(fixture.images.map(async (name) => ({ data: await readFile(join(FIXTURES, name)) })));
  });
  afterAll(() => engine?.close());

  it('builds the same input ids, pixel_values, grids, position ids and rope delta', async () => {
    const prompt = await prefillInputs(engine.context, images, fixture.prompt, '');
    expect(prompt.ids).toEqual(fixture.inputIds);
    expect(prompt.grids).toEqual(fixture.imageGridThw);
    const theirs = new Float32Array((await readFile(join(FIXTURES, fixture.pixelValues.file))).buffer.slice(0));
    const pixelDiff = maxAbsDiff(prompt.pixelValues, theirs);
    console.log(`${fixture.name}: pixel_values max abs diff ${pixelDiff.toExponential(2)}`);
    expect(pixelDiff).toBeLessThanOrEqual(1e-3);
    const rope = computeRopeIndex(prompt.ids, engine.context.imageTokenId, prompt.grids);
    expect(Array.from(rope.positions, Number)).toEqual(fixture.positionIds.flat());
    expect(rope.ropeDelta).toBe(fixture.ropeDelta);
  });

  it('gives the prefill and 8 decode steps within 1e-3 of PyTorch, and the same 32 greedy tokens (fp32)', async () => {
    const prompt = await prefillInputs(engine.context, images, fixture.prompt, '');
    const rope = computeRopeIndex(prompt.ids, engine.context.imageTokenId, prompt.grids);
    let step = await engine.prefill(await promptEmbeddings(engine.context, prompt), rope.positions);
    const prefillDiff = maxAbsDiff(step.logits, fixture.prefillLogits);
    let decodeDiff = 0;
    const greedy: number[] = [];
    for (let index = 0; index < fixture.greedyTokens.length; index++) {
      greedy.push(argmax(step.logits));
      if (index === fixture.greedyTokens.length - 1) break;
      // Fed the reference's own token, so a step's logits are comparable even if an earlier pick differed.
      step = await engine.step(fixture.greedyTokens[index]!, step.cache, rope.ropeDelta);
      if (index < fixture.decodeLogits.length)
        decodeDiff = Math.max(decodeDiff, maxAbsDiff(step.logits, fixture.decodeLogits[index]!));
    }
    console.log(
      `${fixture.name} fp32: prefill logits max abs diff ${prefillDiff.toExponential(2)}, ` +
        `decode steps 1-8 ${decodeDiff.toExponential(2)}, greedy tokens identical ${greedy.join() === fixture.greedyTokens.join()}`,
    );
    expect(prefillDiff).toBeLessThanOrEqual(1e-3);
    expect(decodeDiff).toBeLessThanOrEqual(1e-3);
    expect(greedy).toEqual(fixture.greedyTokens);
  });

  it.each(['fp16', 'q4f16'] as const)('runs the %s variant as onnxruntime in Python does', async (variant) => {
    const other = await openVariant(variant);
    try {
      const prompt = await prefillInputs(other.context, images, fixture.prompt, '');
      const rope = computeRopeIndex(prompt.ids, other.context.imageTokenId, prompt.grids);
      let step = await other.prefill(await promptEmbeddings(other.context, prompt), rope.positions);
      const prefillDiff = maxAbsDiff(step.logits, fixture.prefillLogits);
      const greedy: number[] = [];
      for (let index = 0; index < fixture.greedyTokens.length; index++) {
        greedy.push(argmax(step.logits));
        if (index < fixture.greedyTokens.length - 1)
          step = await other.step(greedy.at(-1)!, step.cache, rope.ropeDelta);
      }
      const python = fixture.onnxruntimePython[variant];
      const agree = greedy.filter((token, index) => token === fixture.greedyTokens[index]).length;
      console.log(
        `${fixture.name} ${variant}: prefill logits max abs diff ${prefillDiff.toExponential(2)} ` +
          `(Python onnxruntime ${python.prefillLogitsMaxAbsDiff.toExponential(2)}), ` +
          `${agree}/${greedy.length} greedy tokens as PyTorch's`,
      );
      // The same graph on the same CPU kernels: Node must land where Python's onnxruntime did.
      expect(prefillDiff).toBeLessThanOrEqual(python.prefillLogitsMaxAbsDiff * 1.5 + 1e-3);
      expect(greedy.slice(0, 4)).toEqual(python.greedyTokens.slice(0, 4));
    } finally {
      await other.close();
    }
  });
});

describe('generate() on the exported folder', () => {
  let engine: Engine;
  beforeAll(async () => void (engine = await loadEngine(MODEL_DIR, { device: 'cpu' })));
  afterAll(() => engine?.dispose());

  it('streams the reference greedy tokens for one image, fed the captured pixels', async () => {
    const fixture = reference.cases[0]!;
    const rgb = await readRgb(fixture.images[0]!);
    const result = await engine.generate(
      { images: [{ data: new Uint8Array(0), rgb }], prompt: fixture.prompt, maxTokens: 32, temperature: 0 },
      { pickToken: (logits) => argmax(logits) },
    );
    expect(result.promptTokens).toBe(fixture.inputIds.length);
    expect(result.tokenIds).toEqual(fixture.greedyTokens.slice(0, result.tokenIds.length));
  });

  it("samples as the official agent does: at temperature 0.001 the reference's greedy tokens, repeats included", async () => {
    // The reference's greedy run repeats tokens (and the prompt's): a repetition penalty would change them.
    const fixture = reference.cases[0]!;
    expect(new Set(fixture.greedyTokens).size).toBeLessThan(fixture.greedyTokens.length);
    const images = await Promise.all(
      fixture.images.map(async (name) => ({ data: await readFile(join(FIXTURES, name)) })),
    );
    const result = await engine.generate(
      { images, prompt: fixture.prompt, maxTokens: 32, temperature: 0.001 },
      { seed: 1 },
    );
    expect(result.tokenIds).toEqual(fixture.greedyTokens.slice(0, result.tokenIds.length));
    expect(result.tokenIds.length).toBeGreaterThan(8);
  });
});

describe('preprocessing against the reference image processor (PIL)', () => {
  const config = parsePreprocessorConfig(reference.preprocessing.preprocessorConfig);
  const lut = buildNormalizeLut(config);

  it.each(reference.preprocessing.frames)('$width×$height: same grid, pixel_values within 1e-3', async (frame) => {
    const ours = await preprocessRgb(await readRgb(frame.frame), config);
    expect(ours.gridThw).toEqual(frame.grid);
    expect([ours.resizedWidth, ours.resizedHeight]).toEqual([frame.resizedWidth, frame.resizedHeight]);
    // The reference's resized pixels (lossless PNG), normalised and patchified: the processor's pixel_values, which
    // the generator checked to 1e-6; its first values and sum are checked here too.
    const resized = await readRgb(frame.resized);
    const theirs = new Float32Array(ours.pixelValues.length);
    patchifyRgb(resized.data, resized.width, resized.height, lut, config, theirs);
    expect(maxAbsDiff(theirs.subarray(0, 64), frame.pixelValues.first)).toBeLessThan(1e-6);
    const sum = theirs.reduce((total, value) => total + value, 0);
    expect(Math.abs(sum - frame.pixelValues.sum)).toBeLessThan(1e-6 * frame.pixelValues.count);
    const diff = maxAbsDiff(ours.pixelValues, theirs);
    console.log(`${frame.width}×${frame.height} → grid ${frame.grid.join('×')}: pixel_values max abs diff ${diff}`);
    expect(diff).toBeLessThanOrEqual(1e-3);
    expect(ours.pixelValues.length).toBe(frame.pixelValues.count);
    expect(patchValues(config)).toBe(1176);
  });
});

describe('computeRopeIndex against get_rope_index', () => {
  it.each(reference.ropeIndex)('$images image(s): identical position ids and rope delta', (fixture) => {
    const rope = computeRopeIndex(fixture.inputIds, IMAGE_TOKEN_ID, fixture.grids as GridThw[]);
    expect(Array.from(rope.positions, Number)).toEqual(fixture.positionIds.flat());
    expect(rope.ropeDelta).toBe(fixture.ropeDelta);
  });
});
