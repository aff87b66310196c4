// Validates GLM-4.1V's preprocessor_config.json (HF Glm4vImageProcessor keys) into a typed config. Node only.
import { z } from 'zod';

/** OpenAI CLIP statistics: the HF Glm4vImageProcessor defaults. */
export const CLIP_MEAN = [0.48145466, 0.4578275, 0.40821073] as const;
export const CLIP_STD = [0.26862954, 0.26130258, 0.27577711] as const;

/**
 * Pixel budget when the config names none: HF Python's Glm4vImageProcessor class default (112·112, 28·28·15000).
 * transformers.js would use 3136 and 1,003,520 here; shipped GLM configs always set `size`, so this rarely matters.
 */
export const DEFAULT_MIN_PIXELS = 12_544;
export const DEFAULT_MAX_PIXELS = 11_760_000;

/** PIL resampling codes, as transformers.js maps them; box (4) and hamming (5) are refused, not silently swapped. */
export const RESAMPLE_NAMES = { 0: 'nearest', 1: 'lanczos', 2: 'bilinear', 3: 'bicubic' } as const;
export type Resample = keyof typeof RESAMPLE_NAMES;

const positiveInt = z.number().int().positive();
const channelStats = z.array(z.number()).length(3);

/**
 * The keys that shape pixel_values. Defaults follow HF Python, not transformers.js: GLM-4.1V's shipped config omits
 * `do_normalize` and `resample`, and transformers.js would then skip normalisation and resize bilinearly.
 */
const preprocessorConfigSchema = z.object({
  patch_size: positiveInt.default(14),
  merge_size: positiveInt.default(2),
  temporal_patch_size: positiveInt.default(2),
  image_mean: channelStats.default([...CLIP_MEAN]),
  image_std: channelStats
    .refine((std) => std.every((value) => value > 0), 'every entry must be > 0')
    .default([...CLIP_STD]),
  do_rescale: z.boolean().default(true),
  rescale_factor: z
    .number()
    .positive()
    .default(1 / 255),
  do_resize: z.boolean().default(true),
  do_normalize: z.boolean().default(true),
  resample: z
    .literal([0, 1, 2, 3], { error: 'must be 0 (nearest), 1 (lanczos), 2 (bilinear) or 3 (bicubic)' })
    .default(3),
  size: z.object({ shortest_edge: positiveInt.optional(), longest_edge: positiveInt.optional() }).optional(),
  min_pixels: positiveInt.optional(),
  max_pixels: positiveInt.optional(),
});

/** A validated preprocessor config, in the names the engine uses. */
export interface PreprocessorConfig {
  patchSize: number;
  mergeSize: number;
  temporalPatchSize: number;
  imageMean: readonly [number, number, number];
  imageStd: readonly [number, number, number];
  /** 1 when `do_rescale` is false. */
  rescaleFactor: number;
  doResize: boolean;
  doNormalize: boolean;
  resample: Resample;
  minPixels: number;
  maxPixels: number;
}

/** Turns zod issues into one line that names each bad key, e.g. `image_std.1: every entry must be > 0`. */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
}

/** Parses the JSON object of a preprocessor_config.json; throws an Error naming the offending keys. */
export function parsePreprocessorConfig(json: unknown): PreprocessorConfig {
  const parsed = preprocessorConfigSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Invalid preprocessor_config.json: ${describeIssues(parsed.error)}`);
  const raw = parsed.data;
  // The flat keys win over `size`, as in transformers.js's Qwen2VLImageProcessor.
  const minPixels = raw.min_pixels ?? raw.size?.shortest_edge ?? DEFAULT_MIN_PIXELS;
  const maxPixels = raw.max_pixels ?? raw.size?.longest_edge ?? DEFAULT_MAX_PIXELS;
  if (minPixels > maxPixels) {
    throw new Error(`Invalid preprocessor_config.json: min pixels (${minPixels}) exceed max pixels (${maxPixels})`);
  }
  return {
    patchSize: raw.patch_size,
    mergeSize: raw.merge_size,
    temporalPatchSize: raw.temporal_patch_size,
    imageMean: raw.image_mean as [number, number, number],
    imageStd: raw.image_std as [number, number, number],
    rescaleFactor: raw.do_rescale ? raw.rescale_factor : 1,
    doResize: raw.do_resize,
    doNormalize: raw.do_normalize,
    resample: raw.resample,
    minPixels,
    maxPixels,
  };
}
