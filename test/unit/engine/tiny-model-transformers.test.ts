// The tiny model folder in transformers.js (offline): tokenizer round trips, chat template, GlmOcr generate.
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  AutoProcessor,
  AutoTokenizer,
  GlmOcrForConditionalGeneration,
  RawImage,
  env,
  type PretrainedConfig,
  type Tensor,
} from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { asGlmOcrConfig, tinyModelSpec } from '../../../src/engine/tiny-model/configs.js';
import { tinyModelDir } from '../../support/tiny-model.js';

const { tokenIds } = tinyModelSpec();
let modelId: string;
let dir: string;

beforeAll(async () => {
  dir = await tinyModelDir();
  env.allowRemoteModels = false;
  env.localModelPath = dirname(dir);
  modelId = basename(dir);
});

describe('tiny model in transformers.js', () => {
  it('round-trips text with special tokens kept whole', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(modelId);
    const textWithBox = 'héllo 你好 <|begin_of_box|>';
    const ids = tokenizer.encode(textWithBox);
    expect(ids.filter((id) => id === tokenIds['<|begin_of_box|>'])).toHaveLength(1);
    expect(ids.every((id) => id < tokenIds['<|endoftext|>'] || id === tokenIds['<|begin_of_box|>'])).toBe(true);
    expect(tokenizer.decode(ids)).toBe(textWithBox);
    expect(tokenizer.encode('<|image|><think>click</think>')).toEqual([
      tokenIds['<|image|>'],
      tokenIds['<think>'],
      ...tokenizer.encode('click'),
      tokenIds['</think>'],
    ]);
  });

  it('renders the official chat template', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(modelId);
    const messages = [{ role: 'user', content: [{ type: 'image' }, { type: 'text', text: 'Open the menu' }] }];
    const prompt = tokenizer.apply_chat_template(messages as never, { tokenize: false, add_generation_prompt: true });
    expect(prompt).toBe(
      '[gMASK]<sop><|user|>\n<|begin_of_image|><|image|><|end_of_image|>Open the menu<|assistant|>\n',
    );
  });

  it('loads as GlmOcr (relabelled config) and generates 4 tokens from an image prompt', async () => {
    const config = asGlmOcrConfig(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')));
    const model = await GlmOcrForConditionalGeneration.from_pretrained(modelId, {
      config: config as unknown as PretrainedConfig,
      dtype: 'fp32',
      device: 'cpu',
    });
    const processor = await AutoProcessor.from_pretrained(modelId);
    const prompt = '[gMASK]<sop><|user|>\n<|begin_of_image|><|image|><|end_of_image|>Click<|assistant|>\n';
    const pixels = Uint8ClampedArray.from({ length: 84 * 56 * 3 }, (_, index) => (index * 7) % 256);
    const inputs = await processor(prompt, new RawImage(pixels, 84, 56, 3));
    expect((inputs.image_grid_thw as Tensor).tolist()).toEqual([[1n, 4n, 6n]]);
    const promptLength = (inputs.input_ids as Tensor).dims[1]!;
    const output = (await model.generate({
      ...inputs,
      max_new_tokens: 4,
      min_new_tokens: 4,
      do_sample: false,
    })) as Tensor;
    expect(output.dims).toEqual([1, promptLength + 4]);
    await model.dispose();
  });
});
