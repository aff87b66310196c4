// onnx/decoder_model_merged.onnx: GLM-4.1V's text decoder with KV cache, in transformers.js's tensor names. Node only.
import { decoderLayer } from './decoder-layer.js';
import { linear, rmsNorm, shapeElement, type BuildContext } from './graph-ops.js';
import { mropeCosSin } from './mrope.js';
import { GraphBuilder, int } from './onnx-graph.js';
import type { TextSpec } from './configs.js';
import type { WeightSource } from './weights.js';

/** Symbolic dims, as optimum/transformers.js exports name them. */
const BATCH = 'batch_size';
const SEQUENCE = 'sequence_length';
const PAST = 'past_sequence_length';
const TOTAL = 'total_sequence_length';

export interface DecoderOptions {
  /** Adds the optional int64 scalar input `num_logits_to_keep` (0 keeps all positions, HF logits_to_keep). */
  numLogitsToKeep?: boolean;
}

/**
 * inputs_embeds [B,S,D], attention_mask int64 [B,P+S], position_ids int64 [3,B,S], past_key_values.{i}.key/value
 * [B,kv,P,hd] → logits [B,S,V], present.{i}.key/value [B,kv,P+S,hd]. One graph serves prefill and decode: an empty
 * past (P = 0) is valid, which is how transformers.js starts generation.
 */
export function decoderModel(weights: WeightSource, text: TextSpec, options: DecoderOptions = {}): Uint8Array {
  const graph = new GraphBuilder('decoder_model_merged');
  const context: BuildContext = { graph, weights };
  const embeds = graph.input('inputs_embeds', 'float32', [BATCH, SEQUENCE, text.hiddenSize]);
  const attentionMask = graph.input('attention_mask', 'int64', [BATCH, TOTAL]);
  const positionIds = graph.input('position_ids', 'int64', [3, BATCH, SEQUENCE]);
  const cacheDims = (length: string) => [BATCH, text.kvHeads, length, text.headDim];
  const pasts = Array.from({ length: text.layers }, (_, layer) => ({
    key: graph.input(`past_key_values.${layer}.key`, 'float32', cacheDims(PAST)),
    value: graph.input(`past_key_values.${layer}.value`, 'float32', cacheDims(PAST)),
  }));
  const keep = options.numLogitsToKeep ? graph.input('num_logits_to_keep', 'int64', []) : null;

  const rope = mropeCosSin(graph, positionIds, text);
  const allowed = attentionAllowed(graph, embeds, attentionMask);
  let hidden = embeds;
  const presents: Array<[string, string]> = [];
  pasts.forEach((past, layer) => {
    const output = decoderLayer(context, text, layer, hidden, {
      rope,
      allowed,
      pastKey: past.key,
      pastValue: past.value,
    });
    hidden = output.hidden;
    presents.push([`present.${layer}.key`, output.presentKey], [`present.${layer}.value`, output.presentValue]);
  });
  hidden = rmsNorm(context, hidden, 'model.language_model.norm', text.hiddenSize, text.rmsNormEps);
  if (keep) hidden = lastPositions(graph, hidden, keep);
  const logits = linear(context, hidden, 'lm_head', text.hiddenSize, text.vocabSize, { bias: false });
  // Output order as optimum exports it: logits first, then the cache.
  graph.output('logits', 'float32', [BATCH, keep ? 'num_logits' : SEQUENCE, text.vocabSize], logits);
  for (const [name, tensor] of presents) graph.output(name, 'float32', cacheDims(TOTAL), tensor);
  return graph.encode();
}

/**
 * bool [B,1,S,P+S]: key j is visible to query i when attention_mask[b,j] is 1 and j ≤ P + i, where P + i is the
 * query's index in the cache (HF create_causal_mask over cache_position; M-RoPE positions do not decide causality).
 */
function attentionAllowed(graph: GraphBuilder, embeds: string, attentionMask: string): string {
  return graph.within('attention_mask', () => {
    const scalar = (shape: string, index: number) => graph.op('Gather', [shape, graph.int64s([index], [])]);
    const total = scalar(graph.op('Shape', [attentionMask]), 1);
    const sequence = scalar(graph.op('Shape', [embeds]), 1);
    const zero = graph.int64s([0], []);
    const one = graph.int64s([1], []);
    const queryIndex = graph.op('Add', [graph.op('Range', [zero, sequence, one]), graph.op('Sub', [total, sequence])]);
    const keyIndex = graph.op('Range', [zero, total, one]);
    const causal = graph.op('LessOrEqual', [keyIndex, graph.op('Unsqueeze', [queryIndex, graph.int64s([1])])]);
    const padding = graph.op('Unsqueeze', [graph.op('Cast', [attentionMask], { to: int(9) }), graph.int64s([1, 2])]);
    return graph.op('And', [causal, padding]);
  });
}

/** hidden[:, −k:, :] before lm_head (HF logits_to_keep); k = 0 keeps every position, as slice(−0, None) does. */
function lastPositions(graph: GraphBuilder, hidden: string, keep: string): string {
  const start = graph.op('Neg', [graph.op('Reshape', [keep, graph.int64s([1])])]);
  const end = shapeElement(graph, graph.op('Shape', [hidden]), 1);
  return graph.op('Slice', [hidden, start, end, graph.int64s([1])]);
}
