// Picks the next token from the last position's logits: repetition penalty, temperature, top-k, top-p, or greedy.
// HF LogitsProcessor semantics. Node only (engine), but pure given its random source.

export interface SamplingOptions {
  /** ≤ 0 (or below 1e-5) means greedy. Official agent: 0.001, i.e. effectively greedy. */
  temperature: number;
  topK: number;
  topP: number;
  /** HF semantics: a seen token's positive logit is divided by it, a negative one multiplied. 1 = off. */
  repetitionPenalty: number;
}

/**
 * The official GLM-V agent's sampling, as the served path sends it: temperature 0.001 and nothing else (top-p 1, no
 * top-k, no repetition penalty). The chat CLI's 1.1 penalty over prompt and output would punish the agent for typing
 * the task's own words.
 */
export const OFFICIAL_SAMPLING: SamplingOptions = { temperature: 0.001, topK: 0, topP: 1, repetitionPenalty: 1 };

/** A seeded uniform [0, 1) source (mulberry32), so sampled runs repeat exactly in tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Applies the repetition penalty in place to the logits of tokens already in the context. */
export function applyRepetitionPenalty(logits: Float32Array, seen: Iterable<number>, penalty: number): void {
  if (penalty === 1) return;
  // A Set is used as is: the engine passes one that grows with the context, and copying it cost O(context) a token.
  for (const token of seen instanceof Set ? seen : new Set(seen)) {
    if (token < 0 || token >= logits.length) continue;
    const value = logits[token]!;
    logits[token] = value > 0 ? value / penalty : value * penalty;
  }
}

/** The index of the largest logit (the first one on ties). */
export function argmax(logits: Float32Array): number {
  let best = 0;
  for (let index = 1; index < logits.length; index++) if (logits[index]! > logits[best]!) best = index;
  return best;
}

/** The next token. `logits` is modified (penalty) — pass a copy if it is needed afterwards. */
export function sampleToken(
  logits: Float32Array,
  seen: Iterable<number>,
  options: SamplingOptions,
  random: () => number = Math.random,
): number {
  applyRepetitionPenalty(logits, seen, options.repetitionPenalty);
  if (options.temperature < 1e-5 || options.topK === 1) return argmax(logits);
  if (options.topK <= 0 && options.topP >= 1) return sampleWhole(logits, options.temperature, random);
  const candidates = topCandidates(logits, options.topK);
  const probabilities = softmax(candidates.map((index) => logits[index]! / options.temperature));
  const kept = nucleus(probabilities, options.topP);
  let draw = random() * kept.total;
  for (let rank = 0; rank < kept.count; rank++) {
    draw -= probabilities[rank]!;
    if (draw <= 0) return candidates[rank]!;
  }
  return candidates[kept.count - 1]!;
}

/** A draw from softmax(logits / temperature) over the whole vocabulary in two passes, without sorting it. */
function sampleWhole(logits: Float32Array, temperature: number, random: () => number): number {
  const best = logits[argmax(logits)]!;
  let total = 0;
  for (const value of logits) total += Math.exp((value - best) / temperature);
  let draw = random() * total;
  for (let index = 0; index < logits.length; index++) {
    draw -= Math.exp((logits[index]! - best) / temperature);
    if (draw <= 0) return index;
  }
  return argmax(logits);
}

/** Indices of the `topK` largest logits (all when topK ≤ 0), largest first. */
function topCandidates(logits: Float32Array, topK: number): number[] {
  const indices = Array.from(logits.keys());
  indices.sort((a, b) => logits[b]! - logits[a]!);
  return topK > 0 ? indices.slice(0, topK) : indices;
}

function softmax(values: number[]): number[] {
  const max = Math.max(...values);
  const exps = values.map((value) => Math.exp(value - max));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

/** How many of the sorted probabilities make up top-p (at least one), and their total. */
function nucleus(sortedProbabilities: number[], topP: number): { count: number; total: number } {
  let total = 0;
  let count = 0;
  for (const probability of sortedProbabilities) {
    total += probability;
    count += 1;
    if (total >= topP) break;
  }
  return { count, total };
}
