// GLM-4.1V's special tokens in their real order, and the compact ids the tiny model gives them. Node only.

/**
 * The added tokens, in GLM-4's id order. `realId` is the GLM-4.1V-9B-Thinking id where research/glm41v.md §2 could
 * verify it (151329–151344); the reasoning and box tokens are single tokens there too, but their ids were not verified,
 * so they follow in an assumed order. The tiny vocabulary keeps this order and renumbers compactly (see tokenizer.ts),
 * so a tiny id is `firstSpecialId + index`; config.json and tokenizer.json always agree.
 */
export const SPECIAL_TOKENS = [
  { content: '<|endoftext|>', realId: 151329 },
  { content: '[MASK]', realId: 151330 },
  { content: '[gMASK]', realId: 151331 },
  { content: '[sMASK]', realId: 151332 },
  { content: '<sop>', realId: 151333 },
  { content: '<eop>', realId: 151334 },
  { content: '<|system|>', realId: 151335 },
  { content: '<|user|>', realId: 151336 },
  { content: '<|assistant|>', realId: 151337 },
  { content: '<|observation|>', realId: 151338 },
  { content: '<|begin_of_image|>', realId: 151339 },
  { content: '<|end_of_image|>', realId: 151340 },
  { content: '<|begin_of_video|>', realId: 151341 },
  { content: '<|end_of_video|>', realId: 151342 },
  { content: '<|image|>', realId: 151343 },
  { content: '<|video|>', realId: 151344 },
  { content: '<|begin_of_box|>', realId: null },
  { content: '<|end_of_box|>', realId: null },
  { content: '<think>', realId: null },
  { content: '</think>', realId: null },
  { content: '<answer>', realId: null },
  { content: '</answer>', realId: null },
] as const;

export type SpecialToken = (typeof SPECIAL_TOKENS)[number]['content'];

/** The id of every special token, given where the specials start in the vocabulary. */
export function specialTokenIds(firstSpecialId: number): Record<SpecialToken, number> {
  return Object.fromEntries(SPECIAL_TOKENS.map((token, index) => [token.content, firstSpecialId + index])) as Record<
    SpecialToken,
    number
  >;
}

/**
 * GLM-4.1V's stop tokens: `<|endoftext|>`, `<|user|>`, `<|observation|>`, plus the fourth id of the real eos list
 * (151348), taken here to be `</answer>` (glm41v.md §2: plausible, not proven).
 */
export const EOS_TOKENS = [
  '<|endoftext|>',
  '<|user|>',
  '<|observation|>',
  '</answer>',
] as const satisfies SpecialToken[];
