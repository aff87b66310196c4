// Scaled dot-product attention with a boolean mask and GQA head repetition, as ONNX primitives. Node only.
import { int, ints, type GraphBuilder } from './onnx-graph.js';

/** torch.finfo(float32).min: what HF adds at masked positions, so a fully masked row stays finite (uniform). */
const FLOAT32_MIN = -3.4028234663852886e38;

/**
 * HF eager_attention_forward: softmax(q·kᵀ · scale, masked) · v over [batch, heads, query, key]. `allowed` is a bool
 * tensor broadcastable to the scores; Where (not an added bias) keeps two masks from overflowing to −inf.
 */
export function attend(graph: GraphBuilder, query: string, key: string, value: string, allowed: string, scale: number) {
  return graph.within('attention', () => {
    const keyT = graph.op('Transpose', [key], { perm: ints([0, 1, 3, 2]) });
    const scores = graph.op('Mul', [graph.op('MatMul', [query, keyT]), graph.floats([scale], [])]);
    const masked = graph.op('Where', [allowed, scores, graph.floats([FLOAT32_MIN], [])]);
    const probabilities = graph.op('Softmax', [masked], { axis: int(-1) });
    return graph.op('MatMul', [probabilities, value]);
  });
}

/**
 * HF repeat_kv: [batch, kvHeads, seq, dim] → [batch, kvHeads·groups, seq, dim], query head h reading KV head
 * h / groups (expand a new axis after the KV heads, then merge it).
 */
export function repeatKv(graph: GraphBuilder, x: string, kvHeads: number, groups: number, headDim: number): string {
  if (groups === 1) return x;
  const expanded = graph.op('Expand', [
    graph.op('Unsqueeze', [x, graph.int64s([2])]),
    graph.int64s([1, 1, groups, 1, 1]),
  ]);
  return graph.op('Reshape', [expanded, graph.int64s([0, kvHeads * groups, -1, headDim])]);
}

/** [batch, seq, heads·dim] → [batch, heads, seq, dim], as HF's view(...).transpose(1, 2). */
export function splitHeads(graph: GraphBuilder, x: string, heads: number, headDim: number): string {
  const split = graph.op('Reshape', [x, graph.int64s([0, 0, heads, headDim])]);
  return graph.op('Transpose', [split], { perm: ints([0, 2, 1, 3]) });
}

/** [batch, heads, seq, dim] → [batch, seq, heads·dim]. */
export function mergeHeads(graph: GraphBuilder, x: string, width: number): string {
  const transposed = graph.op('Transpose', [x], { perm: ints([0, 2, 1, 3]) });
  return graph.op('Reshape', [transposed, graph.int64s([0, 0, width])]);
}
