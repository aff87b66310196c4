import { describe, expect, it } from 'vitest';
import {
  applyRepetitionPenalty,
  argmax,
  OFFICIAL_SAMPLING,
  sampleToken,
  seededRandom,
} from '../../../src/engine/sampling.js';

const logits = () => Float32Array.from([1.0, 3.0, 2.9, -1.0, 0.5]);

describe('sampling', () => {
  it('greedy picks the largest logit, first on ties', () => {
    expect(argmax(Float32Array.from([0, 2, 2, 1]))).toBe(1);
    expect(sampleToken(logits(), [], { ...OFFICIAL_SAMPLING, repetitionPenalty: 1 })).toBe(1);
  });

  it("is the official agent's by default: temperature 0.001, no top-k or top-p cut, no repetition penalty", () => {
    expect(OFFICIAL_SAMPLING).toEqual({ temperature: 0.001, topK: 0, topP: 1, repetitionPenalty: 1 });
    // Token 1 is in the prompt (the task's own word): it stays the pick, as the served path would give it.
    const random = seededRandom(3);
    for (let draw = 0; draw < 50; draw++) expect(sampleToken(logits(), [1], OFFICIAL_SAMPLING, random)).toBe(1);
  });

  it('at temperature 1 with no cut, samples the whole vocabulary in proportion', () => {
    const random = seededRandom(5);
    const counts = [0, 0, 0, 0, 0];
    const options = { temperature: 1, topK: 0, topP: 1, repetitionPenalty: 1 };
    for (let draw = 0; draw < 4000; draw++) counts[sampleToken(logits(), [], options, random)]! += 1;
    const weights = Array.from(logits(), Math.exp);
    const total = weights.reduce((sum, value) => sum + value, 0);
    counts.forEach((count, index) => expect(Math.abs(count / 4000 - weights[index]! / total)).toBeLessThan(0.03));
  });

  it('the repetition penalty divides positive and multiplies negative logits of seen tokens (HF semantics)', () => {
    const values = logits();
    applyRepetitionPenalty(values, [1, 3, 1, 99], 2);
    expect(Array.from(values)).toEqual([1, 1.5, Math.fround(2.9), -2, 0.5]);
    expect(sampleToken(logits(), [1], { ...OFFICIAL_SAMPLING, repetitionPenalty: 1.1 })).toBe(2);
  });

  it('top-k 2 only ever samples the two best tokens, in proportion to their probabilities', () => {
    const random = seededRandom(7);
    const counts = new Map<number, number>();
    for (let draw = 0; draw < 2000; draw++) {
      const token = sampleToken(logits(), [], { temperature: 1, topK: 2, topP: 1, repetitionPenalty: 1 }, random);
      counts.set(token, (counts.get(token) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([1, 2]);
    const expectedShare = 1 / (1 + Math.exp(2.9 - 3.0));
    expect(counts.get(1)! / 2000).toBeCloseTo(expectedShare, 1);
  });

  it('top-p keeps the smallest set reaching p, and a tiny p is greedy', () => {
    const random = seededRandom(3);
    // Probabilities ≈ 0.467 (token 1), 0.423 (2), 0.063 (0), 0.038 (4), 0.009 (3).
    const drawn = (topP: number) => {
      const seen = new Set<number>();
      for (let draw = 0; draw < 500; draw++) {
        seen.add(sampleToken(logits(), [], { temperature: 1, topK: 0, topP, repetitionPenalty: 1 }, random));
      }
      return [...seen].sort();
    };
    expect(drawn(0.8)).toEqual([1, 2]);
    expect(drawn(0.93)).toEqual([0, 1, 2]);
    expect(sampleToken(logits(), [], { temperature: 1, topK: 0, topP: 1e-5, repetitionPenalty: 1 }, random)).toBe(1);
  });

  it('a seeded source repeats exactly', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });
});
