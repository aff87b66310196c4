// 3D M-RoPE positions for GLM-4.1V prompts: text runs count up, an image's tokens get (t, h, w) grid positions.
// Same rule as HF Glm4vModel.get_rope_index for images (t = 1). Node only (engine), but pure.

/** An image's patch grid [t, h, w] as the vision encoder reports it (before the 2×2 merge). */
export type GridThw = readonly [number, number, number];

export interface RopeIndex {
  /** Positions as 3 rows of `length`: temporal, then height, then width. */
  positions: BigInt64Array;
  length: number;
  /** Added to the cache length to position decoded tokens: max position + 1 − prompt length. */
  ropeDelta: number;
}

/** Positions for a prompt whose image tokens are `imageTokenId` runs, one run per grid in order. */
export function computeRopeIndex(
  inputIds: ArrayLike<number>,
  imageTokenId: number,
  grids: readonly GridThw[],
  spatialMergeSize = 2,
): RopeIndex {
  const length = inputIds.length;
  const positions = new BigInt64Array(3 * length);
  let next = 0;
  let imageIndex = 0;
  let index = 0;
  while (index < length) {
    if (inputIds[index] !== imageTokenId) {
      for (let row = 0; row < 3; row++) positions[row * length + index] = BigInt(next);
      next += 1;
      index += 1;
      continue;
    }
    const grid = grids[imageIndex++];
    if (!grid) throw new Error(`The prompt has more images than the ${grids.length} grids given.`);
    index = writeImagePositions(positions, length, index, next, grid, spatialMergeSize);
    // After an image the text goes on from the largest position the image used, plus one.
    next += Math.max(grid[1], grid[2]) / spatialMergeSize;
  }
  if (imageIndex !== grids.length) throw new Error(`The prompt has ${imageIndex} images but ${grids.length} grids.`);
  return { positions, length, ropeDelta: next - length };
}

function writeImagePositions(
  positions: BigInt64Array,
  length: number,
  start: number,
  base: number,
  grid: GridThw,
  mergeSize: number,
): number {
  const height = grid[1] / mergeSize;
  const width = grid[2] / mergeSize;
  const tokens = grid[0] * height * width;
  for (let offset = 0; offset < tokens; offset++) {
    const at = start + offset;
    if (at >= length) throw new Error('An image token run is shorter than its grid says.');
    positions[at] = BigInt(base + Math.floor(offset / (height * width)));
    positions[length + at] = BigInt(base + (Math.floor(offset / width) % height));
    positions[2 * length + at] = BigInt(base + (offset % width));
  }
  return start + tokens;
}

/** The position of the decoded token that follows `cacheLength` tokens (the same in all 3 rows). */
export function decodePosition(cacheLength: number, ropeDelta: number): bigint {
  return BigInt(cacheLength + ropeDelta);
}
