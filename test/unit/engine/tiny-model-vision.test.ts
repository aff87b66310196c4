// The tiny vision_encoder graph: merged feature count, per-image attention, dependence on the grid's shape.
import { join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyModelSpec } from '../../../src/engine/tiny-model/configs.js';
import { tinyModelDir } from '../../support/tiny-model.js';

const { text } = tinyModelSpec();
const PATCH_VALUES = 3 * 2 * 14 * 14;

let vision: InferenceSession;

beforeAll(async () => {
  vision = await InferenceSession.create(join(await tinyModelDir(), 'onnx/vision_encoder.onnx'));
});

/** Deterministic pixel rows standing in for normalised patches; `phase` makes images differ. */
function patches(count: number, phase: number): Float32Array {
  return Float32Array.from({ length: count * PATCH_VALUES }, (_, index) => Math.sin(index * 0.37 + phase));
}

async function encode(pixels: Float32Array, grids: number[][]): Promise<Tensor> {
  const output = await vision.run({
    pixel_values: new Tensor('float32', pixels, [pixels.length / PATCH_VALUES, PATCH_VALUES]),
    image_grid_thw: new Tensor('int64', BigInt64Array.from(grids.flat().map(BigInt)), [grids.length, 3]),
  });
  return output.image_features!;
}

const maxDifference = (a: Float32Array, b: Float32Array) =>
  Math.max(...a.map((value, index) => Math.abs(value - b[index]!)));

describe('tiny vision_encoder', () => {
  it('turns one [1, 4, 6] grid (24 patches) into 6 merged features of the text width', async () => {
    const features = await encode(patches(24, 0), [[1, 4, 6]]);
    expect(features.dims).toEqual([6, text.hiddenSize]);
    const values = features.data as Float32Array;
    expect(values.every(Number.isFinite)).toBe(true);
    expect(
      maxDifference(values.subarray(0, text.hiddenSize), values.subarray(text.hiddenSize, 2 * text.hiddenSize)),
    ).toBeGreaterThan(1e-3);
  });

  it('encodes images in one call as it encodes each alone (attention stays inside an image)', async () => {
    const first = patches(24, 0);
    const second = patches(16, 1);
    const together = await encode(Float32Array.from([...first, ...second]), [
      [1, 4, 6],
      [1, 4, 4],
    ]);
    const alone = [await encode(first, [[1, 4, 6]]), await encode(second, [[1, 4, 4]])];
    expect(together.dims).toEqual([10, text.hiddenSize]);
    const data = together.data as Float32Array;
    expect(maxDifference(data.subarray(0, 6 * text.hiddenSize), alone[0]!.data as Float32Array)).toBeLessThan(1e-5);
    expect(maxDifference(data.subarray(6 * text.hiddenSize), alone[1]!.data as Float32Array)).toBeLessThan(1e-5);
  });

  it('depends on the grid: the same 24 patches read as [1, 6, 4] give other features', async () => {
    const wide = await encode(patches(24, 0), [[1, 4, 6]]);
    const tall = await encode(patches(24, 0), [[1, 6, 4]]);
    expect(maxDifference(wide.data as Float32Array, tall.data as Float32Array)).toBeGreaterThan(1e-3);
  });
});
