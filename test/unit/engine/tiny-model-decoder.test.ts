// The tiny decoder graph: prefill shapes, KV-cache decoding equals full recompute, M-RoPE rows, padding, logits_to_keep.
import { join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyModelSpec } from '../../../src/engine/tiny-model/configs.js';
import { tinyModelFiles } from '../../../src/engine/tiny-model/write-model-folder.js';
import { tinyModelDir } from '../../support/tiny-model.js';

const spec = tinyModelSpec();
const { text, tokenIds } = spec;

/**
 * 12 tokens: `[gMASK]<sop><|user|><|begin_of_image|>`, six `<|image|>` of a [1,4,6] grid (2×3 merged), then
 * `<|end_of_image|>` and one letter. Positions follow HF get_rope_index: text 0–3, the image at t=4, h=4+row,
 * w=4+column, then text resumes at 4 + max(2, 3) = 7.
 */
const IDS = [
  tokenIds['[gMASK]'],
  tokenIds['<sop>'],
  tokenIds['<|user|>'],
  tokenIds['<|begin_of_image|>'],
  ...Array<number>(6).fill(tokenIds['<|image|>']),
  tokenIds['<|end_of_image|>'],
  'h'.charCodeAt(0),
];
const POSITIONS = [
  [0, 1, 2, 3, 4, 4, 4, 4, 4, 4, 7, 8],
  [0, 1, 2, 3, 4, 4, 4, 5, 5, 5, 7, 8],
  [0, 1, 2, 3, 4, 5, 6, 4, 5, 6, 7, 8],
];

let embed: InferenceSession;
let decoder: InferenceSession;

beforeAll(async () => {
  const dir = await tinyModelDir();
  embed = await InferenceSession.create(join(dir, 'onnx/embed_tokens.onnx'));
  decoder = await InferenceSession.create(join(dir, 'onnx/decoder_model_merged.onnx'));
});

const int64 = (values: number[], dims: number[]) => new Tensor('int64', BigInt64Array.from(values.map(BigInt)), dims);

async function embeddings(ids: number[][]): Promise<Tensor> {
  const output = await embed.run({ input_ids: int64(ids.flat(), [ids.length, ids[0]!.length]) });
  return output.inputs_embeds!;
}

function emptyPast(batch: number): Record<string, Tensor> {
  const past: Record<string, Tensor> = {};
  for (let layer = 0; layer < text.layers; layer++) {
    for (const kind of ['key', 'value']) {
      past[`past_key_values.${layer}.${kind}`] = new Tensor('float32', new Float32Array(0), [
        batch,
        text.kvHeads,
        0,
        text.headDim,
      ]);
    }
  }
  return past;
}

/** One decoder run over `ids` (one row per batch entry); returns logits and the cache renamed for the next run. */
async function run(ids: number[][], positions: number[][][], mask: number[][], past = emptyPast(ids.length)) {
  const [batch, sequence] = [ids.length, ids[0]!.length];
  const flatPositions = positions.flatMap((row) => row.flat());
  const output = await decoder.run({
    inputs_embeds: await embeddings(ids),
    attention_mask: int64(mask.flat(), [batch, mask[0]!.length]),
    position_ids: int64(flatPositions, [3, batch, sequence]),
    ...past,
  });
  const next: Record<string, Tensor> = {};
  for (const [name, tensor] of Object.entries(output)) {
    if (name.startsWith('present.')) next[name.replace('present.', 'past_key_values.')] = tensor;
  }
  return { logits: output.logits!, past: next };
}

/** Logits row of batch entry `b` at `position`. */
function row(logits: Tensor, b: number, position: number): Float32Array {
  const [, sequence, vocab] = logits.dims as [number, number, number];
  const start = (b * sequence + position) * vocab;
  return (logits.data as Float32Array).slice(start, start + vocab);
}

const maxDifference = (a: Float32Array, b: Float32Array) =>
  Math.max(...a.map((value, index) => Math.abs(value - b[index]!)));
const columns = (positions: number[][], from: number, to: number) => positions.map((axis) => [axis.slice(from, to)]);
const ones = (count: number) => [Array<number>(count).fill(1)];

describe('tiny decoder_model_merged', () => {
  it('prefills 12 tokens with an empty past into [1, 12, V] logits and [1, kv, 12, hd] presents', async () => {
    const { logits, past } = await run([IDS], columns(POSITIONS, 0, 12), ones(12));
    expect(logits.dims).toEqual([1, 12, text.vocabSize]);
    expect(past['past_key_values.1.value']!.dims).toEqual([1, text.kvHeads, 12, text.headDim]);
    expect([...(logits.data as Float32Array)].every(Number.isFinite)).toBe(true);
  });

  it('decodes with the KV cache exactly as a full recompute (prefill 8, then 4 single steps)', async () => {
    const full = await run([IDS], columns(POSITIONS, 0, 12), ones(12));
    let { past } = await run([IDS.slice(0, 8)], columns(POSITIONS, 0, 8), ones(8));
    for (let position = 8; position < 12; position++) {
      const step = await run([[IDS[position]!]], columns(POSITIONS, position, position + 1), ones(position + 1), past);
      expect(step.logits.dims).toEqual([1, 1, text.vocabSize]);
      expect(maxDifference(row(step.logits, 0, 0), row(full.logits, 0, position))).toBeLessThanOrEqual(1e-4);
      past = step.past;
    }
  });

  it('honours the mrope sections: swapping the height and width rows changes the image and later logits', async () => {
    const original = await run([IDS], columns(POSITIONS, 0, 12), ones(12));
    const swapped = await run([IDS], columns([POSITIONS[0]!, POSITIONS[2]!, POSITIONS[1]!], 0, 12), ones(12));
    expect(maxDifference(row(original.logits, 0, 3), row(swapped.logits, 0, 3))).toBe(0);
    // Position 4 has h = w, so only later tokens can move; seed 1 moves them by up to ~0.02.
    const moved = [5, 6, 7, 8, 9, 10, 11].map((position) =>
      maxDifference(row(original.logits, 0, position), row(swapped.logits, 0, position)),
    );
    expect(Math.max(...moved)).toBeGreaterThan(5e-3);
    expect(Math.min(...moved)).toBeGreaterThan(1e-4);
  });

  it('ignores left padding: a padded batch row matches the same tokens alone', async () => {
    const tokens = IDS.slice(2);
    const sequential = Array.from(tokens, (_, index) => index);
    const alone = await run(
      [tokens],
      [0, 1, 2].map(() => [sequential]),
      ones(10),
    );
    const pad = tokenIds['<|endoftext|>'];
    // Row 0 is left-padded by two; its pad positions are 1, as transformers.js's cumsum-masked fill makes them.
    const padded = await run(
      [[pad, pad, ...tokens], IDS],
      POSITIONS.map((axis) => [[1, 1, ...sequential], axis]),
      [[0, 0, ...ones(10)[0]!], ones(12)[0]!],
    );
    for (let position = 0; position < 10; position++) {
      const difference = maxDifference(row(padded.logits, 0, position + 2), row(alone.logits, 0, position));
      expect(difference).toBeLessThanOrEqual(1e-4);
    }
    const unpadded = await run([IDS], columns(POSITIONS, 0, 12), ones(12));
    expect(maxDifference(row(padded.logits, 1, 11), row(unpadded.logits, 0, 11))).toBeLessThanOrEqual(1e-4);
  });

  it('keeps only the last positions when built with num_logits_to_keep', async () => {
    const bytes = tinyModelFiles({ numLogitsToKeep: true }).get('onnx/decoder_model_merged.onnx')!;
    const keeping = await InferenceSession.create(bytes);
    const feeds = {
      inputs_embeds: await embeddings([IDS]),
      attention_mask: int64(ones(12)[0]!, [1, 12]),
      position_ids: int64(POSITIONS.flat(), [3, 1, 12]),
      ...emptyPast(1),
    };
    const full = await run([IDS], columns(POSITIONS, 0, 12), ones(12));
    const last = await keeping.run({ ...feeds, num_logits_to_keep: new Tensor('int64', BigInt64Array.from([1n]), []) });
    expect(last.logits!.dims).toEqual([1, 1, text.vocabSize]);
    expect(maxDifference(row(last.logits!, 0, 0), row(full.logits, 0, 11))).toBeLessThanOrEqual(1e-5);
    const all = await keeping.run({ ...feeds, num_logits_to_keep: new Tensor('int64', BigInt64Array.from([0n]), []) });
    expect(all.logits!.dims).toEqual([1, 12, text.vocabSize]);
  });
});
