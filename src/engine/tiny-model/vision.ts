// onnx/vision_encoder.onnx: GLM-4.1V's vision tower (HF Glm4vVisionModel) at toy sizes. Node only.
import { attend } from './attention.js';
import { gelu, layerNorm, linear, rmsNorm, silu, type BuildContext } from './graph-ops.js';
import { GraphBuilder, int, ints, str } from './onnx-graph.js';
import { applyVisionRope, visionCosSin } from './vision-rope.js';
import { patchLayout, sameSegment, sampleGrid, type PatchLayout } from './vision-positions.js';
import type { VisionSpec } from './configs.js';
import type { WeightSource } from './weights.js';

/**
 * pixel_values float32 [N, C·T·P·P = 1176], image_grid_thw int64 [images, 3] → image_features [N / m², D].
 * Glm4vVisionModel.forward: patch_embed → post_conv_layernorm → + bicubic-resampled absolute positions → blocks
 * (2D RoPE, attention within each frame) → post_layernorm → 2×2 Conv2d downsample → merger.
 */
export function visionModel(weights: WeightSource, vision: VisionSpec): Uint8Array {
  const graph = new GraphBuilder('vision_encoder');
  const context: BuildContext = { graph, weights };
  const patchValues = vision.inChannels * vision.temporalPatchSize * vision.patchSize ** 2;
  const pixelValues = graph.input('pixel_values', 'float32', ['num_patches', patchValues]);
  const gridThw = graph.input('image_grid_thw', 'int64', ['num_images', 3]);
  const layout = patchLayout(graph, pixelValues, gridThw, vision.spatialMergeSize);
  const { hiddenSize: width, rmsNormEps: eps } = vision;

  // Conv3d(kernel = stride = [T, P, P]) on view(-1, C, T, P, P) is this MatMul with the kernel flattened (c, t, i, j).
  let hidden = linear(context, pixelValues, 'model.visual.patch_embed.proj', patchValues, width, { bias: true });
  hidden = rmsNorm(context, hidden, 'model.visual.post_conv_layernorm', width, eps);
  hidden = graph.op('Add', [hidden, absolutePositions(context, vision, layout)]);
  const rope = visionCosSin(graph, layout, width / vision.heads);
  const allowed = sameSegment(graph, layout.segment);
  for (let block = 0; block < vision.depth; block++) {
    hidden = graph.within(`blocks.${block}`, () => visionBlock(context, vision, block, hidden, rope, allowed));
  }
  hidden = rmsNorm(context, hidden, 'model.visual.post_layernorm', width, eps);
  const merged = downsample(context, vision, hidden);
  graph.output(
    'image_features',
    'float32',
    ['num_merged_patches', vision.outHiddenSize],
    merger(context, vision, merged),
  );
  return graph.encode();
}

/**
 * Glm4vVisionEmbeddings: the learned positionGrid² table, viewed as [1, C, g, g], sampled at each patch's centre
 * with grid_sample(bicubic, align_corners=False, padding_mode=border); ONNX GridSample-16 has the same semantics.
 */
function absolutePositions({ graph, weights }: BuildContext, vision: VisionSpec, layout: PatchLayout): string {
  return graph.within('embeddings', () => {
    const side = vision.positionGrid;
    const table = graph.weight(
      'model.visual.embeddings.position_embedding.weight',
      [side * side, vision.hiddenSize],
      weights.uniform(side * side * vision.hiddenSize, 1),
    );
    const image = graph.op('Transpose', [graph.op('Reshape', [table, graph.int64s([1, side, side, -1])])], {
      perm: ints([0, 3, 1, 2]),
    });
    const sampled = graph.op('GridSample', [image, sampleGrid(graph, layout)], {
      mode: str('bicubic'),
      align_corners: int(0),
      padding_mode: str('border'),
    });
    const channelsFirst = graph.op('Reshape', [sampled, graph.int64s([vision.hiddenSize, -1])]);
    return graph.op('Transpose', [channelsFirst], { perm: ints([1, 0]) });
  });
}

/** Glm4vVisionBlock: x + attn(norm1(x)), then h + mlp(norm2(h)). */
function visionBlock(
  context: BuildContext,
  vision: VisionSpec,
  block: number,
  x: string,
  rope: { cos: string; sin: string },
  allowed: string,
): string {
  const { graph } = context;
  const name = `model.visual.blocks.${block}`;
  const norm = (value: string, which: string) =>
    rmsNorm(context, value, `${name}.${which}`, vision.hiddenSize, vision.rmsNormEps);
  const attention = visionAttention(context, vision, `${name}.attn`, norm(x, 'norm1'), rope, allowed);
  const afterAttention = graph.op('Add', [x, attention]);
  return graph.op('Add', [afterAttention, visionMlp(context, vision, `${name}.mlp`, norm(afterAttention, 'norm2'))]);
}

/** Glm4vVisionAttention: fused qkv (no bias), 2D RoPE on q and k, attention within each frame, proj (no bias). */
function visionAttention(
  context: BuildContext,
  vision: VisionSpec,
  name: string,
  x: string,
  rope: { cos: string; sin: string },
  allowed: string,
): string {
  const { graph } = context;
  const { hiddenSize: width, heads } = vision;
  const headDim = width / heads;
  const qkv = linear(context, x, `${name}.qkv`, width, 3 * width, { bias: false });
  // qkv.reshape(N, 3, heads, d).permute(1, 0, 2, 3).unbind(0), then each to [1, heads, N, d].
  const split = graph.op('Reshape', [qkv, graph.int64s([-1, 3, heads, headDim])]);
  const part = (index: number) => graph.op('Gather', [split, graph.int64s([index], [])], { axis: int(1) });
  const headsFirst = (value: string) =>
    graph.op('Unsqueeze', [graph.op('Transpose', [value], { perm: ints([1, 0, 2]) }), graph.int64s([0])]);
  const query = headsFirst(applyVisionRope(graph, part(0), rope, headDim));
  const key = headsFirst(applyVisionRope(graph, part(1), rope, headDim));
  const attended = attend(graph, query, key, headsFirst(part(2)), allowed, 1 / Math.sqrt(headDim));
  const patchesFirst = graph.op('Transpose', [graph.op('Squeeze', [attended, graph.int64s([0])])], {
    perm: ints([1, 0, 2]),
  });
  const flat = graph.op('Reshape', [patchesFirst, graph.int64s([-1, width])]);
  return linear(context, flat, `${name}.proj`, width, width, { bias: false });
}

/** Glm4VisionMlp: down(silu(gate(x)) · up(x)) of width out_hidden_size, no biases. */
function visionMlp(context: BuildContext, vision: VisionSpec, name: string, x: string): string {
  const { graph } = context;
  const { hiddenSize: width, outHiddenSize: inner } = vision;
  const gate = silu(graph, linear(context, x, `${name}.gate_proj`, width, inner, { bias: false }));
  const up = linear(context, x, `${name}.up_proj`, width, inner, { bias: false });
  return linear(context, graph.op('Mul', [gate, up]), `${name}.down_proj`, inner, width, { bias: false });
}

/**
 * view(-1, m, m, C).permute(0, 3, 1, 2) then Conv2d(C → D, kernel = stride = m): each merge window of m² consecutive
 * patches becomes one token. Kept as a real Conv with torch's weight layout [D, C, m, m].
 */
function downsample({ graph, weights }: BuildContext, vision: VisionSpec, x: string): string {
  return graph.within('downsample', () => {
    const m = vision.spatialMergeSize;
    const { hiddenSize: width, outHiddenSize: out } = vision;
    const windows = graph.op('Transpose', [graph.op('Reshape', [x, graph.int64s([-1, m, m, width])])], {
      perm: ints([0, 3, 1, 2]),
    });
    const fanIn = width * m * m;
    const weight = graph.weight('model.visual.downsample.weight', [out, width, m, m], weights.linear(fanIn, out));
    const bias = graph.weight('model.visual.downsample.bias', [out], weights.uniform(out, 0.1));
    const convolved = graph.op('Conv', [windows, weight, bias], { kernel_shape: ints([m, m]), strides: ints([m, m]) });
    return graph.op('Reshape', [convolved, graph.int64s([-1, out])]);
  });
}

/** Glm4vVisionPatchMerger: proj → LayerNorm → GELU → down(silu(gate) · up); no biases. */
function merger(context: BuildContext, vision: VisionSpec, x: string): string {
  const { graph } = context;
  return graph.within('merger', () => {
    const { outHiddenSize: width, intermediateSize: inner } = vision;
    const name = 'model.visual.merger';
    const projected = linear(context, x, `${name}.proj`, width, width, { bias: false });
    const activated = gelu(graph, layerNorm(context, projected, `${name}.post_projection_norm`, width, 1e-5));
    const gate = silu(graph, linear(context, activated, `${name}.gate_proj`, width, inner, { bias: false }));
    const up = linear(context, activated, `${name}.up_proj`, width, inner, { bias: false });
    return linear(context, graph.op('Mul', [gate, up]), `${name}.down_proj`, inner, width, { bias: false });
  });
}
