// The tiny model's sizes and its JSON configs (config.json in HF glm4v keys, generation, preprocessor). Node only.
import { CLIP_MEAN, CLIP_STD } from '../preprocessor-config.js';
import { EOS_TOKENS, specialTokenIds, type SpecialToken } from './special-tokens.js';
import { buildVocabulary, type TinyVocabulary } from './tokenizer.js';

/** Text decoder sizes (HF Glm4vTextConfig names in comments). */
export interface TextSpec {
  vocabSize: number;
  hiddenSize: number;
  intermediateSize: number;
  layers: number;
  heads: number;
  kvHeads: number;
  headDim: number;
  /** Rotary dims = headDim · partial_rotary_factor (GLM: 0.5). */
  rotaryDim: number;
  ropeTheta: number;
  /** How many rotary frequency pairs follow the temporal, height and width position rows; sums to rotaryDim / 2. */
  mropeSection: [number, number, number];
  rmsNormEps: number;
}

/** Vision tower sizes (HF Glm4vVisionConfig names in comments). */
export interface VisionSpec {
  hiddenSize: number;
  depth: number;
  heads: number;
  patchSize: number;
  temporalPatchSize: number;
  spatialMergeSize: number;
  inChannels: number;
  /** image_size / patch_size: the side of the learned absolute position table (24 in GLM-4.1V). */
  positionGrid: number;
  /** = the text hidden size: the merger's output. */
  outHiddenSize: number;
  /** The merger's SwiGLU width. */
  intermediateSize: number;
  rmsNormEps: number;
}

export interface TinyModelSpec {
  text: TextSpec;
  vision: VisionSpec;
  vocabulary: TinyVocabulary;
  tokenIds: Record<SpecialToken, number>;
}

/**
 * GLM-4.1V's shape at toy sizes. head_dim 32 keeps GLM's partial rotary (16 of 32 dims rotate, 8 frequency pairs), and
 * mrope_section [2,3,3] is GLM's [8,12,12] (32 pairs) scaled by 8/32, so all three sections stay non-empty and ordered.
 * Query/KV heads 4/2 keep grouped-query attention (GLM: 32/2).
 */
export function tinyModelSpec(): TinyModelSpec {
  const vocabulary = buildVocabulary();
  const text: TextSpec = {
    vocabSize: vocabulary.tokens.length,
    hiddenSize: 128,
    intermediateSize: 256,
    layers: 2,
    heads: 4,
    kvHeads: 2,
    headDim: 32,
    rotaryDim: 16,
    ropeTheta: 10000,
    mropeSection: [2, 3, 3],
    rmsNormEps: 1e-5,
  };
  const vision: VisionSpec = {
    hiddenSize: 32,
    depth: 2,
    heads: 2,
    patchSize: 14,
    temporalPatchSize: 2,
    spatialMergeSize: 2,
    inChannels: 3,
    positionGrid: 4,
    outHiddenSize: text.hiddenSize,
    intermediateSize: 256,
    rmsNormEps: 1e-5,
  };
  return { text, vision, vocabulary, tokenIds: specialTokenIds(vocabulary.firstSpecialId) };
}

/** config.json with HF's glm4v keys and values, at the tiny sizes. */
export function configJson({ text, vision, tokenIds }: TinyModelSpec): Record<string, unknown> {
  const eos = EOS_TOKENS.map((token) => tokenIds[token]);
  return {
    architectures: ['Glm4vForConditionalGeneration'],
    model_type: 'glm4v',
    image_token_id: tokenIds['<|image|>'],
    image_start_token_id: tokenIds['<|begin_of_image|>'],
    image_end_token_id: tokenIds['<|end_of_image|>'],
    video_token_id: tokenIds['<|video|>'],
    video_start_token_id: tokenIds['<|begin_of_video|>'],
    video_end_token_id: tokenIds['<|end_of_video|>'],
    eos_token_id: eos,
    pad_token_id: tokenIds['<|endoftext|>'],
    tie_word_embeddings: false,
    torch_dtype: 'float32',
    text_config: {
      model_type: 'glm4v_text',
      vocab_size: text.vocabSize,
      hidden_size: text.hiddenSize,
      intermediate_size: text.intermediateSize,
      num_hidden_layers: text.layers,
      num_attention_heads: text.heads,
      num_key_value_heads: text.kvHeads,
      head_dim: text.headDim,
      hidden_act: 'silu',
      attention_bias: true,
      attention_dropout: 0,
      max_position_embeddings: 4096,
      rms_norm_eps: text.rmsNormEps,
      rope_theta: text.ropeTheta,
      partial_rotary_factor: text.rotaryDim / text.headDim,
      rope_scaling: { rope_type: 'default', type: 'default', mrope_section: text.mropeSection },
      eos_token_id: eos,
      pad_token_id: tokenIds['<|endoftext|>'],
      image_token_id: null,
      video_token_id: null,
      tie_word_embeddings: false,
      use_cache: true,
      initializer_range: 0.02,
    },
    vision_config: {
      model_type: 'glm4v',
      hidden_size: vision.hiddenSize,
      depth: vision.depth,
      num_heads: vision.heads,
      patch_size: vision.patchSize,
      temporal_patch_size: vision.temporalPatchSize,
      spatial_merge_size: vision.spatialMergeSize,
      in_channels: vision.inChannels,
      image_size: vision.positionGrid * vision.patchSize,
      out_hidden_size: vision.outHiddenSize,
      intermediate_size: vision.intermediateSize,
      hidden_act: 'silu',
      rms_norm_eps: vision.rmsNormEps,
      attention_bias: false,
      attention_dropout: 0,
      initializer_range: 0.02,
    },
    'transformers.js_config': { dtype: 'fp32' },
  };
}

/**
 * The same config relabelled as GLM-OCR, the only GLM-V family transformers.js 4.3 registers (onnx-export.md §2):
 * glm_ocr's text stack is Glm4vTextModel, its rope index groups image tokens exactly like glm4v. Pass it as
 * `from_pretrained(dir, { config })`; nothing else in the folder changes.
 */
export function asGlmOcrConfig(config: Record<string, unknown>): Record<string, unknown> {
  const textConfig = config.text_config as Record<string, unknown>;
  return {
    ...config,
    architectures: ['GlmOcrForConditionalGeneration'],
    model_type: 'glm_ocr',
    text_config: { ...textConfig, model_type: 'glm_ocr_text' },
  };
}

/** generation_config.json: the eos list and greedy decoding, so tests are deterministic. */
export function generationConfigJson({ tokenIds }: TinyModelSpec): Record<string, unknown> {
  return {
    eos_token_id: EOS_TOKENS.map((token) => tokenIds[token]),
    pad_token_id: tokenIds['<|endoftext|>'],
    do_sample: false,
  };
}

/**
 * preprocessor_config.json for transformers.js's Glm46VImageProcessor (HF Glm4vImageProcessor keys). The pixel
 * budget is tiny so tests stay fast: at most 24 merged tokens per image (the temporal factor 2 halves max pixels).
 */
export function preprocessorConfigJson({ vision }: TinyModelSpec): Record<string, unknown> {
  const factor = vision.patchSize * vision.spatialMergeSize;
  return {
    image_processor_type: 'Glm46VImageProcessor',
    processor_class: 'Glm46VProcessor',
    do_resize: true,
    do_rescale: true,
    do_normalize: true,
    do_convert_rgb: true,
    resample: 3,
    rescale_factor: 1 / 255,
    image_mean: [...CLIP_MEAN],
    image_std: [...CLIP_STD],
    patch_size: vision.patchSize,
    temporal_patch_size: vision.temporalPatchSize,
    merge_size: vision.spatialMergeSize,
    size: { shortest_edge: factor * factor, longest_edge: vision.temporalPatchSize * factor * factor * 24 },
  };
}
