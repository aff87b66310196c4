// Seeded random weights for the tiny model: the same seed gives the same numbers, in the order they are asked for.
import { seededRandom } from '../sampling.js';

/**
 * Draws uniform values (no transcendental functions, so every platform produces identical bytes). The scales are
 * larger than HF's 0.02 init on purpose: a random tiny model must react visibly to positions and inputs.
 */
export class WeightSource {
  private readonly random: () => number;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  /** `count` values uniform in [center − bound, center + bound). */
  uniform(count: number, bound: number, center = 0): Float32Array {
    const values = new Float32Array(count);
    for (let index = 0; index < count; index++) values[index] = center + bound * (2 * this.random() - 1);
    return values;
  }

  /** A Linear weight stored as [in, out] for MatMul (torch keeps [out, in]); bound 1/√in like torch's default init. */
  linear(inFeatures: number, outFeatures: number): Float32Array {
    return this.uniform(inFeatures * outFeatures, 1 / Math.sqrt(inFeatures));
  }

  /** A norm scale near 1, so norms are not identities and a wrong norm placement changes the outputs. */
  normScale(size: number): Float32Array {
    return this.uniform(size, 0.2, 1);
  }
}
