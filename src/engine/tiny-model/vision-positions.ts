// Per-patch grid coordinates for the vision tower, computed in-graph from image_grid_thw (any number of images). Node only.
import { int, type GraphBuilder } from './onnx-graph.js';

/** int64 [N] tensors describing each patch row of pixel_values. */
export interface PatchLayout {
  /** Row and column of the patch in its image's patch grid (HF rot_pos_emb's hpos_ids / wpos_ids). */
  row: string;
  column: string;
  /** The image's grid height and width in patches (HF image_shapes[:, 1:] per patch). */
  gridHeight: string;
  gridWidth: string;
  /** The first patch index of the patch's frame: equal values share one attention segment (HF cu_seqlens). */
  segment: string;
}

/**
 * Reproduces Glm4vVisionModel.rot_pos_emb's ordering: pixel_values rows come image by image, frame by frame, and
 * inside a frame in merge windows (mergeSize × mergeSize patches, row-major), the windows themselves row-major.
 * For patch p of an image with grid (t, h, w): local = p − start, f = local mod h·w, window = f div m²,
 * r = f mod m², row = (window div (w/m))·m + r div m, column = (window mod (w/m))·m + r mod m.
 */
export function patchLayout(graph: GraphBuilder, pixelValues: string, gridThw: string, mergeSize: number): PatchLayout {
  return graph.within('patch_layout', () => {
    const column = (index: number) => graph.op('Gather', [gridThw, graph.int64s([index], [])], { axis: int(1) });
    const [frames, heights, widths] = [column(0), column(1), column(2)];
    const patchesPerImage = graph.op('Mul', [frames, graph.op('Mul', [heights, widths])]);
    const ends = graph.op('CumSum', [patchesPerImage, graph.int64s([0], [])]);
    const starts = graph.op('Sub', [ends, patchesPerImage]);

    const count = graph.op('Gather', [graph.op('Shape', [pixelValues]), graph.int64s([0], [])]);
    const patch = graph.op('Range', [graph.int64s([0], []), count, graph.int64s([1], [])]);
    const image = imageIndex(graph, patch, ends);
    const perPatch = (values: string) => graph.op('Gather', [values, image], { axis: int(0) });
    const gridHeight = perPatch(heights);
    const gridWidth = perPatch(widths);

    const local = graph.op('Sub', [patch, perPatch(starts)]);
    const inFrame = graph.op('Mod', [local, graph.op('Mul', [gridHeight, gridWidth])]);
    const m = graph.int64s([mergeSize], []);
    const window = graph.op('Div', [inFrame, graph.int64s([mergeSize * mergeSize], [])]);
    const inWindow = graph.op('Mod', [inFrame, graph.int64s([mergeSize * mergeSize], [])]);
    const windowsPerRow = graph.op('Div', [gridWidth, m]);
    const row = graph.op('Add', [
      graph.op('Mul', [graph.op('Div', [window, windowsPerRow]), m]),
      graph.op('Div', [inWindow, m]),
    ]);
    const columnIndex = graph.op('Add', [
      graph.op('Mul', [graph.op('Mod', [window, windowsPerRow]), m]),
      graph.op('Mod', [inWindow, m]),
    ]);
    const segment = graph.op('Sub', [patch, inFrame]);
    return { row, column: columnIndex, gridHeight, gridWidth, segment };
  });
}

/** Which image each patch belongs to: the number of image ends at or before it. */
function imageIndex(graph: GraphBuilder, patch: string, ends: string): string {
  const passed = graph.op('GreaterOrEqual', [
    graph.op('Unsqueeze', [patch, graph.int64s([1])]),
    graph.op('Unsqueeze', [ends, graph.int64s([0])]),
  ]);
  const counted = graph.op('Cast', [passed], { to: int(7) });
  return graph.op('ReduceSum', [counted, graph.int64s([1])], { keepdims: int(0) });
}

/** bool [N, N]: patches attend only within their own frame of their own image (HF's per-cu_seqlens attention). */
export function sameSegment(graph: GraphBuilder, segment: string): string {
  return graph.op('Equal', [
    graph.op('Unsqueeze', [segment, graph.int64s([1])]),
    graph.op('Unsqueeze', [segment, graph.int64s([0])]),
  ]);
}

/** (column + 0.5) / width · 2 − 1, stacked (x, y) as [1, N, 1, 2]: grid_sample coordinates (Glm4vVisionEmbeddings). */
export function sampleGrid(graph: GraphBuilder, layout: PatchLayout): string {
  const normalise = (index: string, size: string) => {
    const toFloat = (value: string) => graph.op('Cast', [value], { to: int(1) });
    const centre = graph.op('Add', [toFloat(index), graph.floats([0.5], [])]);
    const unit = graph.op('Div', [centre, toFloat(size)]);
    const scaled = graph.op('Sub', [graph.op('Mul', [unit, graph.floats([2], [])]), graph.floats([1], [])]);
    return graph.op('Unsqueeze', [scaled, graph.int64s([1])]);
  };
  const xy = graph.op(
    'Concat',
    [normalise(layout.column, layout.gridWidth), normalise(layout.row, layout.gridHeight)],
    {
      axis: int(1),
    },
  );
  return graph.op('Reshape', [xy, graph.int64s([1, -1, 1, 2])]);
}
