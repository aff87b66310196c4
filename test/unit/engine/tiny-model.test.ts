// The tiny GLM-4.1V model folder: valid files, the transformers.js tensor contract, determinism, and the CLI.
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import onnxProto from 'onnx-proto';
import { InferenceSession } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { modelCommand } from '../../../src/cli/model-command.js';
import { UsageError } from '../../../src/cli/usage.js';
import { checkModelFolder } from '../../../src/engine/model-folder.js';
import { tinyModelSpec } from '../../../src/engine/tiny-model/configs.js';
import { tinyModelFiles } from '../../../src/engine/tiny-model/write-model-folder.js';
import { tinyModelDir } from '../../support/tiny-model.js';

const { text } = tinyModelSpec();
const readJson = async (dir: string, file: string) =>
  JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, unknown>;

/** name → [type, dims] as onnxruntime reports them. */
function signature(metadata: readonly InferenceSession.ValueMetadata[]) {
  return Object.fromEntries(metadata.map((value) => [value.name, value.isTensor ? [value.type, value.shape] : null]));
}

describe('tiny model folder', () => {
  it('holds the transformers.js layout, every JSON parses, and the engine folder check passes', async () => {
    const dir = await tinyModelDir();
    expect((await readdir(dir)).sort()).toEqual([
      'chat_template.jinja',
      'config.glm_ocr.json',
      'config.json',
      'generation_config.json',
      'onnx',
      'preprocessor_config.json',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
    expect((await readdir(join(dir, 'onnx'))).sort()).toEqual([
      'decoder_model_merged.onnx',
      'embed_tokens.onnx',
      'vision_encoder.onnx',
    ]);
    const check = await checkModelFolder(dir);
    expect(check.errors).toEqual([]);
    expect(check.valid).toBe(true);
  });

  it('writes HF glm4v config keys whose token ids are the tokenizer’s', async () => {
    const dir = await tinyModelDir();
    const config = await readJson(dir, 'config.json');
    const tokenizer = (await readJson(dir, 'tokenizer.json')) as {
      added_tokens: Array<{ id: number; content: string }>;
    };
    const idOf = (content: string) => tokenizer.added_tokens.find((token) => token.content === content)?.id;
    expect(config).toMatchObject({
      model_type: 'glm4v',
      architectures: ['Glm4vForConditionalGeneration'],
      image_token_id: idOf('<|image|>'),
      image_start_token_id: idOf('<|begin_of_image|>'),
      image_end_token_id: idOf('<|end_of_image|>'),
      video_token_id: idOf('<|video|>'),
      eos_token_id: ['<|endoftext|>', '<|user|>', '<|observation|>', '</answer>'].map(idOf),
      text_config: { model_type: 'glm4v_text', partial_rotary_factor: 0.5, rope_scaling: { mrope_section: [2, 3, 3] } },
      vision_config: { patch_size: 14, temporal_patch_size: 2, spatial_merge_size: 2, out_hidden_size: 128 },
    });
    expect(await readJson(dir, 'config.glm_ocr.json')).toMatchObject({
      model_type: 'glm_ocr',
      architectures: ['GlmOcrForConditionalGeneration'],
      text_config: { model_type: 'glm_ocr_text' },
    });
    expect(tokenizer.added_tokens).toHaveLength(22);
    expect(Math.max(...tokenizer.added_tokens.map((token) => token.id))).toBe(text.vocabSize - 1);
    for (const file of ['generation_config.json', 'preprocessor_config.json', 'tokenizer_config.json']) {
      await expect(readJson(dir, file)).resolves.toBeTypeOf('object');
    }
  });

  it('declares the transformers.js tensor contract in each graph (IR 8, opset 17)', async () => {
    const dir = await tinyModelDir();
    const open = (name: string) => InferenceSession.create(join(dir, 'onnx', `${name}.onnx`));
    const [embed, vision, decoder] = await Promise.all(
      ['embed_tokens', 'vision_encoder', 'decoder_model_merged'].map(open),
    );
    expect([signature(embed!.inputMetadata), signature(embed!.outputMetadata)]).toEqual([
      { input_ids: ['int64', ['batch_size', 'sequence_length']] },
      { inputs_embeds: ['float32', ['batch_size', 'sequence_length', 128]] },
    ]);
    expect([signature(vision!.inputMetadata), signature(vision!.outputMetadata)]).toEqual([
      { pixel_values: ['float32', ['num_patches', 1176]], image_grid_thw: ['int64', ['num_images', 3]] },
      { image_features: ['float32', ['num_merged_patches', 128]] },
    ]);
    const past = ['float32', ['batch_size', 2, 'past_sequence_length', 32]];
    const present = ['float32', ['batch_size', 2, 'total_sequence_length', 32]];
    expect([signature(decoder!.inputMetadata), signature(decoder!.outputMetadata)]).toEqual([
      {
        inputs_embeds: ['float32', ['batch_size', 'sequence_length', 128]],
        attention_mask: ['int64', ['batch_size', 'total_sequence_length']],
        position_ids: ['int64', [3, 'batch_size', 'sequence_length']],
        'past_key_values.0.key': past,
        'past_key_values.0.value': past,
        'past_key_values.1.key': past,
        'past_key_values.1.value': past,
      },
      {
        'present.0.key': present,
        'present.0.value': present,
        'present.1.key': present,
        'present.1.value': present,
        logits: ['float32', ['batch_size', 'sequence_length', text.vocabSize]],
      },
    ]);
    const model = onnxProto.onnx.ModelProto.decode(await readFile(join(dir, 'onnx/decoder_model_merged.onnx')));
    expect([Number(model.irVersion), model.opsetImport.map((opset) => [opset.domain, Number(opset.version)])]).toEqual([
      8,
      [['', 17]],
    ]);
  });

  it('is deterministic per seed and small', async () => {
    const first = tinyModelFiles({ seed: 1 });
    const again = tinyModelFiles({ seed: 1 });
    const other = tinyModelFiles({ seed: 2 });
    const dir = await tinyModelDir();
    for (const [path, bytes] of first) {
      expect(Buffer.compare(bytes, again.get(path)!), path).toBe(0);
      expect(Buffer.compare(bytes, await readFile(join(dir, path))), path).toBe(0);
      const sameForOtherSeed = Buffer.compare(bytes, other.get(path)!) === 0;
      expect(sameForOtherSeed, path).toBe(!path.endsWith('.onnx'));
    }
    const total = [...first.values()].reduce((sum, bytes) => sum + bytes.length, 0);
    expect(total).toBeLessThan(4 * 1024 * 1024);
  });
});

describe('deskhand model tiny', () => {
  const io = () => {
    const stdout = new PassThrough();
    let written = '';
    stdout.on('data', (chunk: Buffer) => (written += chunk.toString()));
    return { stdout, stderr: new PassThrough(), env: {}, signals: new EventEmitter(), written: () => written };
  };

  it('writes the folder and prints its absolute path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskhand-model-command-'));
    try {
      const streams = io();
      const out = join(dir, 'tiny');
      await expect(modelCommand(['tiny', '--out', out, '--seed', '3'], streams)).resolves.toBe(0);
      expect(streams.written()).toBe(`${out}\n`);
      const written = await readFile(join(out, 'onnx/decoder_model_merged.onnx'));
      expect(Buffer.compare(written, tinyModelFiles({ seed: 3 }).get('onnx/decoder_model_merged.onnx')!)).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['tiny']],
    [['tiny', '--out']],
    [['tiny', '--out', 'x', '--bogus']],
    [['huge', '--out', 'x']],
    [[]],
    [['tiny', 'extra', '--out', 'x']],
    [['tiny', '--out', 'x', '--seed', 'zero']],
  ])('refuses %j with a UsageError (exit 2)', async (args) => {
    await expect(modelCommand(args, io())).rejects.toBeInstanceOf(UsageError);
  });
});
