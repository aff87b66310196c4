// The keys of a model folder's config.json the engine needs (HF glm4v names). Node only.
import { z } from 'zod';

const TokenIds = z.union([z.number().int(), z.array(z.number().int()).min(1)]);

export const ModelConfig = z.object({
  model_type: z.enum(['glm4v', 'glm_ocr']),
  image_token_id: z.number().int().nonnegative(),
  eos_token_id: TokenIds.optional(),
  text_config: z.object({
    num_hidden_layers: z.number().int().positive(),
    num_key_value_heads: z.number().int().positive(),
    num_attention_heads: z.number().int().positive(),
    hidden_size: z.number().int().positive(),
    head_dim: z.number().int().positive().optional(),
    vocab_size: z.number().int().positive(),
    eos_token_id: TokenIds.optional(),
  }),
  vision_config: z.object({ spatial_merge_size: z.number().int().positive().default(2) }).passthrough(),
});
export type ModelConfig = z.infer<typeof ModelConfig>;

/** Head size: explicit head_dim, else hidden / heads (as HF does). */
export function headDim(config: ModelConfig): number {
  return config.text_config.head_dim ?? config.text_config.hidden_size / config.text_config.num_attention_heads;
}

/** Stop ids: the config's eos ids plus GLM's turn ends when the folder names them (read from the tokenizer). */
export function eosTokenIds(config: ModelConfig): number[] {
  const ids = config.eos_token_id ?? config.text_config.eos_token_id ?? [];
  return Array.isArray(ids) ? ids : [ids];
}

/** GLM special tokens the engine relies on; a tokenizer.json without one of them breaks the contract. */
export const REQUIRED_SPECIAL_TOKENS = [
  '[gMASK]',
  '<sop>',
  '<|user|>',
  '<|assistant|>',
  '<|begin_of_image|>',
  '<|image|>',
  '<|end_of_image|>',
  '<|endoftext|>',
  '<think>',
  '</think>',
  '<answer>',
  '</answer>',
  '<|begin_of_box|>',
  '<|end_of_box|>',
] as const;
