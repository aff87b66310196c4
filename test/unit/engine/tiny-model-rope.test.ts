// The tiny model's rotary and patch-order subgraphs against line-by-line ports of HF modeling_glm4v.py.
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { tinyModelSpec, type TextSpec } from '../../../src/engine/tiny-model/configs.js';
import { applyMrope, mropeCosSin } from '../../../src/engine/tiny-model/mrope.js';
import { GraphBuilder } from '../../../src/engine/tiny-model/onnx-graph.js';
import { visionAngleMatrix } from '../../../src/engine/tiny-model/vision-rope.js';
import { patchLayout } from '../../../src/engine/tiny-model/vision-positions.js';

const { text } = tinyModelSpec();
const int64 = (values: number[], dims: number[]) => new Tensor('int64', BigInt64Array.from(values.map(BigInt)), dims);

/** HF default rope init over the rotary dims: 1 / theta^(arange(0, dim, 2) / dim), in float32. */
function hfInverseFrequencies(dim: number, theta: number): number[] {
  return Array.from({ length: dim / 2 }, (_, j) => Math.fround(1 / Math.fround(theta ** Math.fround((2 * j) / dim))));
}

/**
 * Port of Glm4vTextRotaryEmbedding.forward + apply_multimodal_rotary_pos_emb for one batch entry and one head row:
 * emb = cat(freqs, freqs); split by mrope_section * 2 taking chunk i from row i % 3; first half, repeat_interleave(2);
 * q_rot·cos + rotate_half_llm(q_rot)·sin; the dims past the rotary ones pass through.
 */
function hfMrope(x: number[], positions: [number, number, number], spec: TextSpec): number[] {
  const inv = hfInverseFrequencies(spec.rotaryDim, spec.ropeTheta);
  const emb = positions.map((position) => {
    const freqs = inv.map((frequency) => Math.fround(position * frequency));
    return [...freqs, ...freqs];
  });
  const chunks: number[] = [];
  let offset = 0;
  [...spec.mropeSection, ...spec.mropeSection].forEach((size, index) => {
    chunks.push(...emb[index % 3]!.slice(offset, offset + size));
    offset += size;
  });
  const angles = chunks.slice(0, chunks.length / 2).flatMap((angle) => [angle, angle]);
  const rotary = x.slice(0, spec.rotaryDim);
  const rotated = rotary.map((_, d) => (d % 2 === 0 ? -rotary[d + 1]! : rotary[d - 1]!));
  const embedded = rotary.map((value, d) => value * Math.cos(angles[d]!) + rotated[d]! * Math.sin(angles[d]!));
  return [...embedded, ...x.slice(spec.rotaryDim)];
}

/** Port of Glm4vVisionModel.rot_pos_emb's (h, w) ids and cu_seqlens for a list of grids. */
function hfPatchOrder(grids: number[][], merge: number) {
  const rows: number[] = [];
  const columns: number[] = [];
  const segments: number[] = [];
  for (const [t, h, w] of grids as Array<[number, number, number]>) {
    for (let frame = 0; frame < t; frame++) {
      const segment = rows.length;
      for (let bh = 0; bh < h / merge; bh++)
        for (let bw = 0; bw < w / merge; bw++)
          for (let i = 0; i < merge; i++)
            for (let j = 0; j < merge; j++) {
              rows.push(bh * merge + i);
              columns.push(bw * merge + j);
              segments.push(segment);
            }
    }
  }
  return { rows, columns, segments };
}

describe('tiny model rotary subgraphs', () => {
  it('applies M-RoPE exactly as HF apply_multimodal_rotary_pos_emb (sections, interleaved pairs, partial dims)', async () => {
    const graph = new GraphBuilder('mrope');
    const x = graph.input('x', 'float32', [1, 1, 'seq', text.headDim]);
    const positionIds = graph.input('position_ids', 'int64', [3, 1, 'seq']);
    graph.output(
      'y',
      'float32',
      [1, 1, 'seq', text.headDim],
      applyMrope(graph, x, mropeCosSin(graph, positionIds, text), text),
    );
    const session = await InferenceSession.create(graph.encode());
    const positions: Array<[number, number, number]> = [
      [0, 0, 0],
      [7, 7, 9],
      [7, 8, 7],
      [30, 2, 513],
      [4096, 4100, 4123],
    ];
    const values = positions.flatMap((_, s) =>
      Array.from({ length: text.headDim }, (_, d) => Math.sin(1 + s * 37 + d)),
    );
    const output = await session.run({
      x: new Tensor('float32', Float32Array.from(values), [1, 1, positions.length, text.headDim]),
      position_ids: int64(
        [0, 1, 2].flatMap((axis) => positions.map((position) => position[axis]!)),
        [3, 1, 5],
      ),
    });
    const actual = output.y!.data as Float32Array;
    positions.forEach((position, s) => {
      const row = Array.from(Float32Array.from(values.slice(s * text.headDim, (s + 1) * text.headDim)));
      const expected = hfMrope(row, position, text);
      expected.forEach((value, d) => expect(actual[s * text.headDim + d]).toBeCloseTo(value, 5));
    });
  });

  it('orders patches like HF rot_pos_emb and segments attention per frame (cu_seqlens)', async () => {
    const grids = [
      [1, 4, 6],
      [2, 2, 4],
      [1, 6, 2],
    ];
    const patches = grids.reduce((sum, [t, h, w]) => sum + t! * h! * w!, 0);
    const graph = new GraphBuilder('layout');
    const pixels = graph.input('pixel_values', 'float32', ['num_patches', 1]);
    const layout = patchLayout(graph, pixels, graph.input('image_grid_thw', 'int64', ['num_images', 3]), 2);
    for (const name of ['row', 'column', 'segment'] as const)
      graph.output(name, 'int64', ['num_patches'], layout[name]);
    const session = await InferenceSession.create(graph.encode());
    const output = await session.run({
      pixel_values: new Tensor('float32', new Float32Array(patches), [patches, 1]),
      image_grid_thw: int64(grids.flat(), [3, 3]),
    });
    const read = (name: string) => Array.from(output[name]!.data as BigInt64Array, Number);
    const expected = hfPatchOrder(grids, 2);
    expect({ rows: read('row'), columns: read('column'), segments: read('segment') }).toEqual(expected);
  });

  it('builds vision angles as HF: [h·inv, w·inv] doubled by cat(emb, emb)', () => {
    const headDim = 16;
    const inv = hfInverseFrequencies(headDim / 2, 10000);
    const matrix = visionAngleMatrix(headDim);
    const [row, column] = [3, 5];
    const angles = Array.from({ length: headDim }, (_, d) => row * matrix[d]! + column * matrix[headDim + d]!);
    const half = [...inv.map((frequency) => row * frequency), ...inv.map((frequency) => column * frequency)];
    expect(angles).toEqual([...half, ...half]);
  });
});
