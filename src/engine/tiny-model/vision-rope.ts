// The vision tower's 2D rotary embedding (HF Glm4vVisionRotaryEmbedding + apply_rotary_pos_emb_vision). Node only.
import { int, type GraphBuilder } from './onnx-graph.js';
import type { PatchLayout } from './vision-positions.js';

/**
 * The [2, headDim] matrix M with angles = [row, column] · M. HF: Glm4vVisionRotaryEmbedding(headDim / 2) has
 * headDim / 4 frequencies 1/10000^(2j / (headDim/2)); rot_pos_emb concatenates the row's and the column's angles
 * (headDim / 2 values) and the tower doubles them with cat(emb, emb). One product per entry, so exact.
 */
export function visionAngleMatrix(headDim: number): number[] {
  const half = headDim / 2;
  const frequencies = Array.from({ length: half / 2 }, (_, pair) =>
    Math.fround(1 / Math.fround(10000 ** Math.fround((2 * pair) / half))),
  );
  const matrix = new Array<number>(2 * headDim).fill(0);
  for (let dim = 0; dim < headDim; dim++) {
    const inHalf = dim % half;
    const axis = inHalf < frequencies.length ? 0 : 1;
    matrix[axis * headDim + dim] = frequencies[inHalf % frequencies.length]!;
  }
  return matrix;
}

/** cos and sin [N, 1, headDim] for q/k laid out [N, heads, headDim]. */
export function visionCosSin(graph: GraphBuilder, layout: PatchLayout, headDim: number) {
  return graph.within('rotary_pos_emb', () => {
    const toColumn = (value: string) =>
      graph.op('Unsqueeze', [graph.op('Cast', [value], { to: int(1) }), graph.int64s([1])]);
    const positions = graph.op('Concat', [toColumn(layout.row), toColumn(layout.column)], { axis: int(1) });
    const angles = graph.op('MatMul', [positions, graph.floats(visionAngleMatrix(headDim), [2, headDim])]);
    const perHead = graph.op('Unsqueeze', [angles, graph.int64s([1])]);
    return { cos: graph.op('Cos', [perHead]), sin: graph.op('Sin', [perHead]) };
  });
}

/** HF rotate_half (non-interleaved): [x1, x2] → [−x2, x1], as a ±1 permutation matrix. */
function halfRotation(headDim: number): number[] {
  const half = headDim / 2;
  const matrix = new Array<number>(headDim * headDim).fill(0);
  for (let dim = 0; dim < half; dim++) {
    matrix[(dim + half) * headDim + dim] = -1;
    matrix[dim * headDim + dim + half] = 1;
  }
  return matrix;
}

/** apply_rotary_pos_emb_vision: x·cos + rotate_half(x)·sin over the whole head. */
export function applyVisionRope(graph: GraphBuilder, x: string, rope: { cos: string; sin: string }, headDim: number) {
  const rotated = graph.op('MatMul', [x, graph.floats(halfRotation(headDim), [headDim, headDim])]);
  return graph.op('Add', [graph.op('Mul', [x, rope.cos]), graph.op('Mul', [rotated, rope.sin])]);
}
