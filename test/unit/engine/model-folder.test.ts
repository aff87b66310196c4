// The model-folder contract check: every break is named (file, tensor, what was expected) before anything loads.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkModelFolder } from '../../../src/engine/model-folder.js';
import { REQUIRED_SPECIAL_TOKENS } from '../../../src/engine/model-config.js';

const { onnx } = onnxProto;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskhand-model-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CONFIG = {
  model_type: 'glm4v',
  image_token_id: 151343,
  eos_token_id: [151329, 151336, 151338],
  text_config: {
    num_hidden_layers: 1,
    num_key_value_heads: 2,
    num_attention_heads: 4,
    hidden_size: 64,
    head_dim: 16,
    vocab_size: 300,
  },
  vision_config: { spatial_merge_size: 2 },
};

/** A graph file that declares only inputs and outputs (an Identity keeps it valid). */
function graphFile(inputs: Array<[string, number, number]>, outputs: Array<[string, number, number]>): Uint8Array {
  const value = ([name, elemType, rank]: [string, number, number]) => ({
    name,
    type: {
      tensorType: { elemType, shape: { dim: Array.from({ length: rank }, (_, index) => ({ dimParam: `d${index}` })) } },
    },
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'g',
      input: inputs.map(value),
      output: outputs.map(value),
      node: outputs.map(([name]) => ({ opType: 'Identity', input: [inputs[0]![0]], output: [name] })),
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

async function writeFolder(
  options: { tokens?: readonly string[]; decoderInputs?: Array<[string, number, number]> } = {},
) {
  await mkdir(join(dir, 'onnx'));
  await writeFile(join(dir, 'config.json'), JSON.stringify(CONFIG));
  await writeFile(join(dir, 'preprocessor_config.json'), '{}');
  await writeFile(join(dir, 'tokenizer_config.json'), '{}');
  const tokens = options.tokens ?? REQUIRED_SPECIAL_TOKENS;
  await writeFile(
    join(dir, 'tokenizer.json'),
    JSON.stringify({ added_tokens: tokens.map((content, id) => ({ id, content })) }),
  );
  await writeFile(join(dir, 'onnx', 'embed_tokens.onnx'), graphFile([['input_ids', 7, 2]], [['inputs_embeds', 1, 3]]));
  await writeFile(
    join(dir, 'onnx', 'vision_encoder.onnx'),
    graphFile(
      [
        ['pixel_values', 1, 2],
        ['image_grid_thw', 7, 2],
      ],
      [['image_features', 1, 2]],
    ),
  );
  const decoderInputs = options.decoderInputs ?? [
    ['inputs_embeds', 1, 3],
    ['attention_mask', 7, 2],
    ['position_ids', 7, 3],
    ['past_key_values.0.key', 1, 4],
    ['past_key_values.0.value', 1, 4],
  ];
  await writeFile(
    join(dir, 'onnx', 'decoder_model_merged.onnx'),
    graphFile(decoderInputs, [
      ['logits', 1, 3],
      ['present.0.key', 1, 4],
      ['present.0.value', 1, 4],
    ]),
  );
}

describe('model folder check', () => {
  it('accepts a folder that meets the contract and estimates files plus an 8k-token KV cache', async () => {
    await writeFolder();
    const check = await checkModelFolder(dir);
    expect(check.errors).toEqual([]);
    expect(check.valid).toBe(true);
    expect(check.estimatedBytes).toBeGreaterThan(1 * 2 * 2 * 16 * 4 * 8192);
  });

  it('names the file and the tensor for a wrong graph', async () => {
    await writeFolder({
      decoderInputs: [
        ['inputs_embeds', 1, 3],
        ['attention_mask', 1, 2],
        ['position_ids', 7, 2],
        ['past_key_values.0.key', 1, 4],
      ],
    });
    const file = join(dir, 'onnx', 'decoder_model_merged.onnx');
    expect((await checkModelFolder(dir)).errors).toEqual([
      `${file}: input "attention_mask" is float32, expected int64`,
      `${file}: input "position_ids" has rank 2, expected 3`,
      `${file}: missing input "past_key_values.0.value" (float32, rank 4)`,
    ]);
  });

  it('names missing files, broken JSON, config keys and special tokens', async () => {
    await writeFolder({
      tokens: REQUIRED_SPECIAL_TOKENS.filter((token) => token !== '<|image|>' && token !== '</answer>'),
    });
    await writeFile(
      join(dir, 'config.json'),
      JSON.stringify({ ...CONFIG, text_config: { ...CONFIG.text_config, num_hidden_layers: 0 } }),
    );
    await writeFile(join(dir, 'preprocessor_config.json'), '{ oops');
    await rm(join(dir, 'onnx', 'vision_encoder.onnx'));
    const check = await checkModelFolder(dir);
    expect(check.valid).toBe(false);
    expect(check.errors).toEqual([
      `${join(dir, 'config.json')}: text_config.num_hidden_layers: Too small: expected number to be >0`,
      `${join(dir, 'preprocessor_config.json')}: not valid JSON`,
      `${join(dir, 'tokenizer.json')}: missing special tokens <|image|> </answer>`,
      `${join(dir, 'onnx', 'vision_encoder.onnx')}: missing`,
    ]);
  });

  it('says a file that is not ONNX is not readable', async () => {
    await writeFolder();
    await writeFile(join(dir, 'onnx', 'embed_tokens.onnx'), 'not a protobuf at all, just text');
    const [error] = (await checkModelFolder(dir)).errors;
    expect(error).toMatch(/embed_tokens\.onnx: not a readable ONNX model/);
  });
});
