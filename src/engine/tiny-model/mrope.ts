// GLM-4.1V's 3D M-RoPE in ONNX: per-frequency position rows, interleaved pairs, partial rotary dims. Node only.
import { int, ints, type GraphBuilder } from './onnx-graph.js';
import type { TextSpec } from './configs.js';

/**
 * inv_freq of HF's default rope init over the rotary dims only (partial_rotary_factor):
 * 1 / theta^(2j / rotaryDim), each step rounded to float32 as torch computes it.
 */
export function inverseFrequencies(rotaryDim: number, theta: number): number[] {
  return Array.from({ length: rotaryDim / 2 }, (_, pair) =>
    Math.fround(1 / Math.fround(theta ** Math.fround((2 * pair) / rotaryDim))),
  );
}

/** Which position row (0 temporal, 1 height, 2 width) drives each frequency pair: mrope_section, in order. */
export function sectionAxes(mropeSection: readonly number[]): number[] {
  return mropeSection.flatMap((count, axis) => Array<number>(count).fill(axis));
}

/**
 * The [3, rotaryDim] matrix M with angles = positions[t,h,w] · M. It reproduces HF modeling_glm4v.py:
 * Glm4vTextRotaryEmbedding gives freqs[a] = position_ids[a] ⊗ inv_freq and emb = cat(freqs, freqs);
 * apply_multimodal_rotary_pos_emb splits emb by mrope_section·2, takes chunk i from row i % 3, keeps the first half
 * (so pair j uses row sectionAxes[j]) and repeat_interleave(2)s it: dims 2j and 2j+1 share pair j's angle.
 * Each angle is one product plus exact zeros, so the MatMul is bit-identical to HF's elementwise product.
 */
export function angleMatrix(text: TextSpec): number[] {
  const frequencies = inverseFrequencies(text.rotaryDim, text.ropeTheta);
  const axes = sectionAxes(text.mropeSection);
  if (axes.length !== frequencies.length) {
    throw new Error(`mrope_section ${text.mropeSection.join(',')} must sum to ${frequencies.length} pairs`);
  }
  const matrix = new Array<number>(3 * text.rotaryDim).fill(0);
  frequencies.forEach((frequency, pair) => {
    const row = axes[pair]! * text.rotaryDim;
    matrix[row + 2 * pair] = frequency;
    matrix[row + 2 * pair + 1] = frequency;
  });
  return matrix;
}

/** cos and sin of the M-RoPE angles, [batch, 1, seq, rotaryDim], from position_ids int64 [3, batch, seq]. */
export function mropeCosSin(graph: GraphBuilder, positionIds: string, text: TextSpec): { cos: string; sin: string } {
  return graph.within('rotary_emb', () => {
    const positions = graph.op('Cast', [positionIds], { to: int(1) });
    const perToken = graph.op('Transpose', [positions], { perm: ints([1, 2, 0]) });
    const angles = graph.op('MatMul', [perToken, graph.floats(angleMatrix(text), [3, text.rotaryDim])]);
    const perHead = graph.op('Unsqueeze', [angles, graph.int64s([1])]);
    return { cos: graph.op('Cos', [perHead]), sin: graph.op('Sin', [perHead]) };
  });
}

/**
 * rotate_half_llm as a matrix: pairs (x[2j], x[2j+1]) → (−x[2j+1], x[2j]) (GLM rotates interleaved pairs, GPT-J
 * style, unlike Qwen2-VL's half split). A ±1 permutation, so the product is exact.
 */
function interleavedRotation(rotaryDim: number): number[] {
  const matrix = new Array<number>(rotaryDim * rotaryDim).fill(0);
  for (let pair = 0; pair < rotaryDim / 2; pair++) {
    matrix[(2 * pair + 1) * rotaryDim + 2 * pair] = -1;
    matrix[2 * pair * rotaryDim + 2 * pair + 1] = 1;
  }
  return matrix;
}

/** q·cos + rotate_half_llm(q)·sin on the first rotaryDim dims of x [batch, heads, seq, headDim]; the rest pass. */
export function applyMrope(graph: GraphBuilder, x: string, rope: { cos: string; sin: string }, text: TextSpec): string {
  const axis = graph.int64s([3]);
  const rotary = graph.op('Slice', [x, graph.int64s([0]), graph.int64s([text.rotaryDim]), axis]);
  const passing = graph.op('Slice', [x, graph.int64s([text.rotaryDim]), graph.int64s([text.headDim]), axis]);
  const rotation = graph.floats(interleavedRotation(text.rotaryDim), [text.rotaryDim, text.rotaryDim]);
  const rotated = graph.op('MatMul', [rotary, rotation]);
  const embedded = graph.op('Add', [graph.op('Mul', [rotary, rope.cos]), graph.op('Mul', [rotated, rope.sin])]);
  return graph.op('Concat', [embedded, passing], { axis: int(-1) });
}
