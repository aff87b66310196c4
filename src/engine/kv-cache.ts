// The decoder's KV cache between steps: an empty first past, presents renamed to the next past, disposal. Node only.
import { Tensor, type InferenceSession } from 'onnxruntime-node';

/** past_key_values.{i}.key/value tensors by input name, and how many positions they hold. */
export interface KvCache {
  tensors: Record<string, Tensor>;
  length: number;
}

const PAST_PREFIX = 'past_key_values.';
const PRESENT_PREFIX = 'present.';

/**
 * A zero-length past for every past_key_values input, as transformers.js's addPastKeyValues builds it: the
 * declared shape with batch 1, the KV heads and head size taken from the model config where the graph leaves a
 * dimension symbolic, and 0 positions. Its element type is whatever the graph declares (float32 or float16).
 */
export function emptyKvCache(decoder: InferenceSession, kvHeads: number, headDim: number): KvCache {
  const tensors: Record<string, Tensor> = {};
  for (const input of decoder.inputMetadata) {
    if (!input.name.startsWith(PAST_PREFIX)) continue;
    const declared = input.isTensor ? input.shape : [];
    const fallback = [1, kvHeads, 0, headDim];
    const dims = fallback.map((size, axis) => (axis === 2 ? 0 : (numeric(declared[axis]) ?? size)));
    const type = input.isTensor && input.type === 'float16' ? 'float16' : 'float32';
    const data = type === 'float16' ? new Uint16Array(0) : new Float32Array(0);
    tensors[input.name] = new Tensor(type, data, dims);
  }
  return { tensors, length: 0 };
}

function numeric(dim: number | string | undefined): number | undefined {
  return typeof dim === 'number' && dim > 0 ? dim : undefined;
}

/** The next step's past: the decoder's present.* outputs under their past_key_values.* input names. */
export function kvCacheFromOutputs(outputs: InferenceSession.OnnxValueMapType, length: number): KvCache {
  const tensors: Record<string, Tensor> = {};
  for (const [name, value] of Object.entries(outputs)) {
    if (name.startsWith(PRESENT_PREFIX)) tensors[PAST_PREFIX + name.slice(PRESENT_PREFIX.length)] = value as Tensor;
  }
  return { tensors, length };
}

/** Frees the cache's tensors: GPU buffers at once on WebGPU; CPU tensors just drop their data for the collector. */
export function disposeKvCache(cache: KvCache): void {
  for (const tensor of Object.values(cache.tensors)) tensor.dispose();
}

/** What one decoder run gives back: the last position's logits (a copy the caller may modify) and the new cache. */
export interface DecoderStep {
  logits: Float32Array;
  cache: KvCache;
}

/**
 * Runs the decoder over `embeds` ([1, S, H]) at `positions` (3 rows of S, M-RoPE t/h/w) after `cache`, with an
 * all-ones attention mask over past + S, as transformers.js's generate does for one unpadded sequence. The old
 * cache is disposed once the new one exists; `keepLogits` feeds num_logits_to_keep = 1 (setNumLogitsToKeep).
 */
export async function runDecoder(
  decoder: InferenceSession,
  embeds: Tensor,
  positions: BigInt64Array,
  cache: KvCache,
  keepLogits: boolean,
): Promise<DecoderStep> {
  const length = embeds.dims[1]!;
  const total = cache.length + length;
  const feeds: Record<string, Tensor> = {
    inputs_embeds: embeds,
    attention_mask: new Tensor('int64', new BigInt64Array(total).fill(1n), [1, total]),
    position_ids: new Tensor('int64', positions, [3, 1, length]),
    ...cache.tensors,
  };
  if (keepLogits) feeds.num_logits_to_keep = new Tensor('int64', BigInt64Array.of(1n), []);
  const outputs = await decoder.run(feeds);
  const logits = outputs.logits as Tensor;
  const [, rows, vocab] = logits.dims as [number, number, number];
  const last = (logits.data as Float32Array).slice((rows - 1) * vocab, rows * vocab);
  logits.dispose();
  disposeKvCache(cache);
  return { logits: last, cache: kvCacheFromOutputs(outputs, total) };
}
