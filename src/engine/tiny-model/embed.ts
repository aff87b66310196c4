// onnx/embed_tokens.onnx: token ids → embeddings (HF nn.Embedding as a Gather). Node only.
import { GraphBuilder, int } from './onnx-graph.js';
import type { TextSpec } from './configs.js';
import type { WeightSource } from './weights.js';

/**
 * input_ids int64 [batch, seq] → inputs_embeds float32 [batch, seq, D]. Kept apart from the decoder because
 * transformers.js scatters image features into these rows on the CPU before the decoder runs.
 */
export function embedModel(weights: WeightSource, text: TextSpec): Uint8Array {
  const graph = new GraphBuilder('embed_tokens');
  const inputIds = graph.input('input_ids', 'int64', ['batch_size', 'sequence_length']);
  const table = graph.weight(
    'model.language_model.embed_tokens.weight',
    [text.vocabSize, text.hiddenSize],
    weights.uniform(text.vocabSize * text.hiddenSize, 1),
  );
  const embeds = graph.op('Gather', [table, inputIds], { axis: int(0) });
  graph.output('inputs_embeds', 'float32', ['batch_size', 'sequence_length', text.hiddenSize], embeds);
  return graph.encode();
}
