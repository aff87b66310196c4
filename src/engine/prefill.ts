// A request's prefill inputs: images → pixel_values and grids, expanded prompt ids, merged inputs_embeds. Node only.
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { Tensor, type InferenceSession } from 'onnxruntime-node';
import { decodeImage } from './decode-image.js';
import { patchValues } from './patchify.js';
import { frameRgb, preprocessRgb, targetSize } from './preprocess.js';
import type { RgbImage } from './resize-rgb.js';
import type { PreprocessorConfig } from './preprocessor-config.js';
import { promptTokenIds } from './prompt-tokens.js';
import type { GridThw } from './rope-index.js';

export interface PrefillContext {
  tokenizer: PreTrainedTokenizer;
  preprocessor: PreprocessorConfig;
  imageTokenId: number;
  embed: InferenceSession;
  vision: InferenceSession;
  /** Reused pixel_values storage, grown when a request needs more (a 1080p frame is about 50 MB). */
  pixels: Float32Array;
}

export interface PromptInputs {
  ids: number[];
  /** The ids of the assistant prefix, the tail of `ids`. */
  prefixIds: number[];
  /** float32 [patches, 1176] of every image in order, a view of the context's buffer. */
  pixelValues: Float32Array;
  grids: GridThw[];
}

/** An image of a request: its encoded bytes, and the captured pixels when the caller has them. */
export interface EngineImage {
  data: Uint8Array;
  /** Packed RGB of exactly what the model should see; used instead of decoding `data` (no codec round trip). */
  rgb?: RgbImage;
}

/** Preprocesses every image (its pixels, else its decoded bytes) into one pixel_values run, and builds the ids. */
export async function prefillInputs(
  context: PrefillContext,
  images: ReadonlyArray<EngineImage>,
  prompt: string,
  assistantPrefix: string,
): Promise<PromptInputs> {
  const { preprocessor, tokenizer } = context;
  const frames = await Promise.all(images.map(async (image) => image.rgb ?? frameRgb(await decodeImage(image.data))));
  const lengths = frames.map((frame) => {
    const size = targetSize(frame.width, frame.height, preprocessor);
    return (size.width / preprocessor.patchSize) * (size.height / preprocessor.patchSize) * patchValues(preprocessor);
  });
  const total = lengths.reduce((sum, length) => sum + length, 0);
  if (context.pixels.length < total) context.pixels = new Float32Array(total);
  const grids: GridThw[] = [];
  const imageTokens: number[] = [];
  let offset = 0;
  for (const [index, frame] of frames.entries()) {
    // Each image is written straight into its slot of the shared run: no concatenation copy.
    const image = await preprocessRgb(frame, preprocessor, { out: context.pixels.subarray(offset) });
    grids.push(image.gridThw);
    imageTokens.push(image.imageTokens);
    offset += lengths[index]!;
  }
  const ids = promptTokenIds(tokenizer, context.imageTokenId, imageTokens, prompt, assistantPrefix);
  const prefixIds = assistantPrefix === '' ? [] : tokenizer.encode(assistantPrefix, { add_special_tokens: false });
  return { ids, prefixIds, pixelValues: context.pixels.subarray(0, total), grids };
}

/** embed_tokens over `ids` → inputs_embeds float32 [1, S, H]. */
export async function embedIds(embed: InferenceSession, ids: readonly number[]): Promise<Tensor> {
  const inputIds = new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]);
  const output = await embed.run({ input_ids: inputIds });
  return output.inputs_embeds as Tensor;
}

/**
 * The prompt's inputs_embeds with image features in place: the vision encoder runs once over all images, then
 * each row whose id is image_token_id takes the next feature row, in order, on the CPU in float32 (transformers.js
 * default_merge_input_ids_with_features; HF Glm4vModel's masked_scatter). Throws when the counts differ.
 */
export async function promptEmbeddings(context: PrefillContext, prompt: PromptInputs): Promise<Tensor> {
  const embeds = await embedIds(context.embed, prompt.ids);
  if (prompt.grids.length === 0) return embeds;
  const features = await encodeImages(context, prompt);
  const hidden = embeds.dims[2]!;
  const slots = prompt.ids.filter((id) => id === context.imageTokenId).length;
  if (features.dims[0] !== slots || features.dims[1] !== hidden) {
    throw new Error(
      `The vision encoder gave features [${features.dims.join(', ')}] for ${slots} image tokens of width ${hidden}.`,
    );
  }
  const rows = embeds.data as Float32Array;
  const featureRows = features.data as Float32Array;
  let next = 0;
  prompt.ids.forEach((id, row) => {
    if (id !== context.imageTokenId) return;
    rows.set(featureRows.subarray(next * hidden, (next + 1) * hidden), row * hidden);
    next += 1;
  });
  features.dispose();
  return embeds;
}

/** vision_encoder over all images at once (transformers.js encode_image): image_features [patches/4, H]. */
async function encodeImages(context: PrefillContext, prompt: PromptInputs): Promise<Tensor> {
  const width = patchValues(context.preprocessor);
  const output = await context.vision.run({
    pixel_values: new Tensor('float32', prompt.pixelValues, [prompt.pixelValues.length / width, width]),
    image_grid_thw: new Tensor('int64', BigInt64Array.from(prompt.grids.flat(), BigInt), [prompt.grids.length, 3]),
  });
  return output.image_features as Tensor;
}
