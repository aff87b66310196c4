// One GLM-4.1V decoder layer (HF Glm4vTextDecoderLayer): sandwich norms, biased q/k/v, M-RoPE, GQA, SwiGLU. Node only.
import { attend, mergeHeads, repeatKv, splitHeads } from './attention.js';
import { linear, rmsNorm, silu, type BuildContext } from './graph-ops.js';
import { applyMrope } from './mrope.js';
import { int } from './onnx-graph.js';
import type { TextSpec } from './configs.js';

/** What a layer reads besides the hidden states: rotary tables, the attention mask and this layer's cache. */
export interface LayerInputs {
  rope: { cos: string; sin: string };
  /** bool [batch, 1, seq, past + seq]: padding and causality combined. */
  allowed: string;
  pastKey: string;
  pastValue: string;
}

/**
 * Glm4vTextDecoderLayer.forward: x + post_self_attn_layernorm(attn(input_layernorm(x))), then
 * h + post_mlp_layernorm(mlp(post_attention_layernorm(h))). Returns the new states and this layer's present k/v.
 */
export function decoderLayer(
  context: BuildContext,
  text: TextSpec,
  layer: number,
  hidden: string,
  inputs: LayerInputs,
): { hidden: string; presentKey: string; presentValue: string } {
  const { graph } = context;
  const prefix = `model.language_model.layers.${layer}`;
  const norm = (x: string, name: string) => rmsNorm(context, x, `${prefix}.${name}`, text.hiddenSize, text.rmsNormEps);
  return graph.within(`layers.${layer}`, () => {
    const attention = selfAttention(context, text, `${prefix}.self_attn`, norm(hidden, 'input_layernorm'), inputs);
    const afterAttention = graph.op('Add', [hidden, norm(attention.output, 'post_self_attn_layernorm')]);
    const mlpOut = mlp(context, text, `${prefix}.mlp`, norm(afterAttention, 'post_attention_layernorm'));
    const afterMlp = graph.op('Add', [afterAttention, norm(mlpOut, 'post_mlp_layernorm')]);
    return { ...attention.present, hidden: afterMlp };
  });
}

/**
 * Glm4vTextAttention.forward: q/k/v with bias (o_proj without), M-RoPE on q and k, the new k/v appended to the past
 * (the present outputs hold the rotated keys, as HF's DynamicCache does), then causal GQA attention.
 */
function selfAttention(context: BuildContext, text: TextSpec, name: string, x: string, inputs: LayerInputs) {
  const { graph } = context;
  const { hiddenSize, heads, kvHeads, headDim } = text;
  return graph.within('self_attn', () => {
    const project = (projection: string, count: number, bias: boolean) =>
      splitHeads(
        graph,
        linear(context, x, `${name}.${projection}`, hiddenSize, count * headDim, { bias }),
        count,
        headDim,
      );
    const query = applyMrope(graph, project('q_proj', heads, true), inputs.rope, text);
    const key = applyMrope(graph, project('k_proj', kvHeads, true), inputs.rope, text);
    const value = project('v_proj', kvHeads, true);
    const presentKey = graph.op('Concat', [inputs.pastKey, key], { axis: int(2) });
    const presentValue = graph.op('Concat', [inputs.pastValue, value], { axis: int(2) });
    const groups = heads / kvHeads;
    const attended = attend(
      graph,
      query,
      repeatKv(graph, presentKey, kvHeads, groups, headDim),
      repeatKv(graph, presentValue, kvHeads, groups, headDim),
      inputs.allowed,
      1 / Math.sqrt(headDim),
    );
    const merged = mergeHeads(graph, attended, heads * headDim);
    const output = linear(context, merged, `${name}.o_proj`, heads * headDim, hiddenSize, { bias: false });
    return { output, present: { presentKey, presentValue } };
  });
}

/** Glm4vTextMLP: fused gate_up_proj, chunk(2) into gate then up, up · silu(gate), down_proj; no biases. */
function mlp(context: BuildContext, text: TextSpec, name: string, x: string): string {
  const { graph } = context;
  return graph.within('mlp', () => {
    const size = text.intermediateSize;
    const gateUp = linear(context, x, `${name}.gate_up_proj`, text.hiddenSize, 2 * size, { bias: false });
    const axis = graph.int64s([-1]);
    const gate = graph.op('Slice', [gateUp, graph.int64s([0]), graph.int64s([size]), axis]);
    const up = graph.op('Slice', [gateUp, graph.int64s([size]), graph.int64s([2 * size]), axis]);
    const activated = graph.op('Mul', [up, silu(graph, gate)]);
    return linear(context, activated, `${name}.down_proj`, size, text.hiddenSize, { bias: false });
  });
}
