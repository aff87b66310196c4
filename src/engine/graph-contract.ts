// The tensor contract each ONNX graph of a model folder must meet (transformers.js's VLM layout). Node only.
import { readFile } from 'node:fs/promises';
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';

const { onnx } = onnxProto;

/** ONNX TensorProto element types used by the contract. */
const FLOAT = 1;
const INT64 = 7;
const TYPE_NAMES: Record<number, string> = { 1: 'float32', 7: 'int64', 10: 'float16' };

export interface TensorSpec {
  name: string;
  elemType: number;
  rank: number;
  optional?: boolean;
}

/** What one graph must declare; `layers` expands the past/present cache tensors. */
export function graphContract(graph: 'embed_tokens' | 'vision_encoder' | 'decoder_model_merged', layers: number) {
  const float = (name: string, rank: number): TensorSpec => ({ name, elemType: FLOAT, rank });
  const int64 = (name: string, rank: number): TensorSpec => ({ name, elemType: INT64, rank });
  if (graph === 'embed_tokens') return { inputs: [int64('input_ids', 2)], outputs: [float('inputs_embeds', 3)] };
  if (graph === 'vision_encoder') {
    return { inputs: [float('pixel_values', 2), int64('image_grid_thw', 2)], outputs: [float('image_features', 2)] };
  }
  const cache = (prefix: string) =>
    Array.from({ length: layers }, (_, layer) => [
      float(`${prefix}.${layer}.key`, 4),
      float(`${prefix}.${layer}.value`, 4),
    ]).flat();
  return {
    inputs: [
      float('inputs_embeds', 3),
      int64('attention_mask', 2),
      int64('position_ids', 3),
      ...cache('past_key_values'),
      { ...int64('num_logits_to_keep', 0), optional: true },
    ],
    outputs: [float('logits', 3), ...cache('present')],
  };
}

interface DeclaredTensor {
  elemType: number;
  rank: number;
}

/** The inputs and outputs a graph file declares, read from the graph alone (external weights are not loaded). */
export async function readGraphSignature(
  file: string,
): Promise<{ inputs: Map<string, DeclaredTensor>; outputs: Map<string, DeclaredTensor> }> {
  const model = onnx.ModelProto.decode(await readFile(file));
  const initializers = new Set((model.graph?.initializer ?? []).map((tensor) => tensor.name));
  const describe = (values: OnnxTypes.IValueInfoProto[] | null | undefined) =>
    new Map(
      (values ?? [])
        .filter((value) => !initializers.has(value.name ?? ''))
        .map((value) => [
          value.name ?? '',
          { elemType: value.type?.tensorType?.elemType ?? 0, rank: value.type?.tensorType?.shape?.dim?.length ?? 0 },
        ]),
    );
  return { inputs: describe(model.graph?.input), outputs: describe(model.graph?.output) };
}

/** Every way `declared` breaks `expected`, each naming the file, the tensor and what was expected. */
export function contractErrors(
  file: string,
  expected: TensorSpec[],
  declared: Map<string, DeclaredTensor>,
  side: 'input' | 'output',
): string[] {
  const errors: string[] = [];
  for (const spec of expected) {
    const tensor = declared.get(spec.name);
    if (!tensor) {
      if (!spec.optional)
        errors.push(`${file}: missing ${side} "${spec.name}" (${TYPE_NAMES[spec.elemType]}, rank ${spec.rank})`);
      continue;
    }
    if (tensor.elemType !== spec.elemType) {
      errors.push(
        `${file}: ${side} "${spec.name}" is ${TYPE_NAMES[tensor.elemType] ?? `type ${tensor.elemType}`}, expected ${TYPE_NAMES[spec.elemType]}`,
      );
    }
    if (tensor.rank !== spec.rank)
      errors.push(`${file}: ${side} "${spec.name}" has rank ${tensor.rank}, expected ${spec.rank}`);
  }
  return errors;
}
