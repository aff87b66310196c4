// Writes the tiny GLM-4.1V model folder (configs, tokenizer, three ONNX graphs) with seeded random weights. Node only.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GLM41V_CHAT_TEMPLATE } from './chat-template.js';
import {
  asGlmOcrConfig,
  configJson,
  generationConfigJson,
  preprocessorConfigJson,
  tinyModelSpec,
  type TinyModelSpec,
} from './configs.js';
import { decoderModel, type DecoderOptions } from './decoder.js';
import { embedModel } from './embed.js';
import { tokenizerConfigJson, tokenizerJson } from './tokenizer.js';
import { visionModel } from './vision.js';
import { WeightSource } from './weights.js';

export interface TinyModelOptions extends DecoderOptions {
  /** Weight seed; the same seed writes byte-identical files. Default 1. */
  seed?: number;
}

/** Every file of the folder, relative path → bytes, in the transformers.js layout (no suffix = fp32). */
export function tinyModelFiles(options: TinyModelOptions = {}): Map<string, Uint8Array> {
  const spec = tinyModelSpec();
  const weights = new WeightSource(options.seed ?? 1);
  const config = configJson(spec);
  const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  return new Map([
    ['config.json', json(config)],
    // A labelled copy for transformers.js, which registers GLM-OCR but not glm4v (see asGlmOcrConfig).
    ['config.glm_ocr.json', json(asGlmOcrConfig(config))],
    ['generation_config.json', json(generationConfigJson(spec))],
    ['preprocessor_config.json', json(preprocessorConfigJson(spec))],
    ['tokenizer.json', json(tokenizerJson(spec.vocabulary))],
    ['tokenizer_config.json', json(tokenizerConfigJson(spec.vocabulary))],
    ['chat_template.jinja', new TextEncoder().encode(GLM41V_CHAT_TEMPLATE)],
    // Drawn in this order from one seed: changing the order changes every weight after it.
    ['onnx/embed_tokens.onnx', embedModel(weights, spec.text)],
    ['onnx/vision_encoder.onnx', visionModel(weights, spec.vision)],
    ['onnx/decoder_model_merged.onnx', decoderModel(weights, spec.text, options)],
  ]);
}

/** Writes the folder into `dir` (created if missing) and returns the sizes it was built with. */
export async function writeTinyModel(dir: string, options: TinyModelOptions = {}): Promise<TinyModelSpec> {
  await mkdir(join(dir, 'onnx'), { recursive: true });
  for (const [path, bytes] of tinyModelFiles(options)) await writeFile(join(dir, path), bytes);
  return tinyModelSpec();
}
