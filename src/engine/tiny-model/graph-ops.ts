// Layers built from ONNX primitives (Linear, RMSNorm, LayerNorm, SiLU, GELU) with HF parameter names. Node only.
import { float, int, ints, type GraphBuilder } from './onnx-graph.js';
import type { WeightSource } from './weights.js';

/** What every layer builder needs: the graph being built and the source of its random weights. */
export interface BuildContext {
  graph: GraphBuilder;
  weights: WeightSource;
}

/**
 * torch nn.Linear as MatMul (+ Add): the weight is stored transposed, [in, out], under the HF parameter name, as
 * torch.onnx export would fold it. `bias` is drawn small so it matters without dominating.
 */
export function linear(
  { graph, weights }: BuildContext,
  x: string,
  name: string,
  inFeatures: number,
  outFeatures: number,
  options: { bias: boolean },
): string {
  const weight = graph.weight(`${name}.weight`, [inFeatures, outFeatures], weights.linear(inFeatures, outFeatures));
  const product = graph.op('MatMul', [x, weight]);
  if (!options.bias) return product;
  const bias = graph.weight(`${name}.bias`, [outFeatures], weights.uniform(outFeatures, 0.1));
  return graph.op('Add', [product, bias]);
}

/**
 * HF Glm4vRMSNorm.forward: x · 1/√(mean(x²) + eps), times the weight. Built from Pow/ReduceMean/Add/Sqrt/Div/Mul
 * because opset 17 has no RMSNormalization and every execution provider runs these.
 */
export function rmsNorm({ graph, weights }: BuildContext, x: string, name: string, size: number, eps: number): string {
  const weight = graph.weight(`${name}.weight`, [size], weights.normScale(size));
  const squared = graph.op('Pow', [x, graph.floats([2], [])]);
  const variance = graph.op('ReduceMean', [squared], { axes: ints([-1]), keepdims: int(1) });
  const root = graph.op('Sqrt', [graph.op('Add', [variance, graph.floats([eps], [])])]);
  return graph.op('Mul', [graph.op('Div', [x, root]), weight]);
}

/** torch nn.LayerNorm over the last axis (opset 17 LayerNormalization), weight and bias included. */
export function layerNorm(
  { graph, weights }: BuildContext,
  x: string,
  name: string,
  size: number,
  eps: number,
): string {
  const weight = graph.weight(`${name}.weight`, [size], weights.normScale(size));
  const bias = graph.weight(`${name}.bias`, [size], weights.uniform(size, 0.1));
  return graph.op('LayerNormalization', [x, weight, bias], { axis: int(-1), epsilon: float(eps) });
}

/** SiLU (HF ACT2FN["silu"]): x · sigmoid(x). */
export function silu(graph: GraphBuilder, x: string): string {
  return graph.op('Mul', [x, graph.op('Sigmoid', [x])]);
}

/** Exact GELU (torch nn.GELU() default): 0.5 · x · (1 + erf(x / √2)). */
export function gelu(graph: GraphBuilder, x: string): string {
  const erf = graph.op('Erf', [graph.op('Div', [x, graph.floats([Math.SQRT2], [])])]);
  const onePlus = graph.op('Add', [erf, graph.floats([1], [])]);
  return graph.op('Mul', [graph.op('Mul', [x, onePlus]), graph.floats([0.5], [])]);
}

/** Element `index` of a 1-D int64 shape tensor, kept 1-D ([1]) so it can be concatenated into new shapes. */
export function shapeElement(graph: GraphBuilder, shape: string, index: number): string {
  return graph.op('Gather', [shape, graph.int64s([index])], { axis: int(0) });
}
