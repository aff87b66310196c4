import { GlmOcrForConditionalGeneration, Tensor } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { computeRopeIndex, decodePosition, type GridThw } from '../../../src/engine/rope-index.js';

const IMAGE = 151343;

/** transformers.js's GlmOcr rule, which follows HF Glm4v get_rope_index for images. */
function referenceRopeIndex(ids: number[], grids: GridThw[]) {
  const self = { config: { image_token_id: IMAGE, vision_config: { spatial_merge_size: 2 } } };
  const inputIds = new Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]);
  const gridTensor = new Tensor('int64', BigInt64Array.from(grids.flat().map(BigInt)), [grids.length, 3]);
  const getRopeIndex = GlmOcrForConditionalGeneration.prototype.get_rope_index as unknown as (
    this: unknown,
    ...args: unknown[]
  ) => [{ data: BigInt64Array }, { data: BigInt64Array }];
  Object.setPrototypeOf(self, GlmOcrForConditionalGeneration.prototype);
  const [positions, deltas] = getRopeIndex.call(self, inputIds, gridTensor, null, null);
  return { positions: Array.from(positions.data, Number), delta: Number(deltas.data[0]) };
}

function prompt(parts: Array<number | { image: GridThw }>): { ids: number[]; grids: GridThw[] } {
  const ids: number[] = [];
  const grids: GridThw[] = [];
  for (const part of parts) {
    if (typeof part === 'number') ids.push(...Array.from({ length: part }, (_, index) => 1000 + index));
    else {
      grids.push(part.image);
      ids.push(...Array(part.image[0] * (part.image[1] / 2) * (part.image[2] / 2)).fill(IMAGE));
    }
  }
  return { ids, grids };
}

describe('3D M-RoPE positions', () => {
  it.each([
    ['text only', prompt([7])],
    ['one image between text', prompt([4, { image: [1, 4, 6] }, 5])],
    ['a tall image first', prompt([{ image: [1, 8, 2] }, 3])],
    [
      'five images as in a desktop step',
      prompt([
        3,
        { image: [1, 6, 10] },
        2,
        { image: [1, 4, 4] },
        2,
        { image: [1, 4, 4] },
        2,
        { image: [1, 2, 4] },
        2,
        { image: [1, 4, 6] },
        9,
      ]),
    ],
  ])('match transformers.js GlmOcr for %s', (_name, { ids, grids }) => {
    const ours = computeRopeIndex(ids, IMAGE, grids);
    const reference = referenceRopeIndex(ids, grids);
    expect(Array.from(ours.positions, Number)).toEqual(reference.positions);
    expect(ours.ropeDelta).toBe(reference.delta);
  });

  it('gives an image its grid: t constant, h by row, w by column, and text resumes after the largest side', () => {
    const { positions, length, ropeDelta } = computeRopeIndex([1, IMAGE, IMAGE, IMAGE, IMAGE, IMAGE, IMAGE, 2], IMAGE, [
      [1, 4, 6],
    ]);
    const rows = [0, 1, 2].map((row) => Array.from(positions.subarray(row * length, (row + 1) * length), Number));
    expect(rows).toEqual([
      [0, 1, 1, 1, 1, 1, 1, 4],
      [0, 1, 1, 1, 2, 2, 2, 4],
      [0, 1, 2, 3, 1, 2, 3, 4],
    ]);
    expect(ropeDelta).toBe(5 - 8);
    expect(decodePosition(8, ropeDelta)).toBe(5n);
  });

  it('says when image runs and grids do not agree', () => {
    expect(() => computeRopeIndex([IMAGE, IMAGE], IMAGE, [])).toThrow(/more images/);
    expect(() => computeRopeIndex([1], IMAGE, [[1, 2, 2]])).toThrow(/0 images but 1 grids/);
    expect(() => computeRopeIndex([IMAGE], IMAGE, [[1, 4, 4]])).toThrow(/shorter than its grid/);
  });
});
