// The engine's control flow on the tiny model: thinking budget, stop ids, max tokens, streaming, abort, bad folders.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InferenceSession } from 'onnxruntime-node';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadEngine, ModelFolderError, type Engine, type GenerateOptions } from '../../../src/engine/generator.js';
import { loadTokenizer } from '../../../src/engine/prompt-tokens.js';
import { DeviceUnavailableError } from '../../../src/engine/sessions.js';
import { tinyModelSpec } from '../../../src/engine/tiny-model/configs.js';
import { tinyModelDir } from '../../support/tiny-model.js';

const { tokenIds } = tinyModelSpec();
/** The tiny vocabulary's first 256 ids are the bytes themselves (byte-level BPE, GLM-4's tiktoken ranks). */
const bytes = (text: string) => [...new TextEncoder().encode(text)];

let dir: string;
let engine: Engine;
let png: Buffer;

beforeAll(async () => {
  dir = await tinyModelDir();
  engine = await loadEngine(dir, { device: 'cpu' });
  png = await sharp({ create: { width: 84, height: 56, channels: 3, background: '#3080c0' } })
    .png()
    .toBuffer();
}, 60_000);

afterAll(() => engine?.dispose());

/** Generates with `script` choosing each token from the ids so far, collecting the streamed deltas. */
async function scripted(
  script: (generated: readonly number[]) => number,
  maxTokens = 64,
  options: GenerateOptions = {},
) {
  const deltas: string[] = [];
  const result = await engine.generate(
    { images: [{ data: png }], prompt: 'Open the menu', maxTokens, temperature: 0 },
    { ...options, pickToken: (_logits, generated) => script(generated), onToken: (delta) => deltas.push(delta) },
  );
  return { ...result, deltas };
}

/** A script that emits `ids` in order, then repeats the last one. */
const sequence = (ids: number[]) => (generated: readonly number[]) => ids[Math.min(generated.length, ids.length - 1)]!;

describe('generate: control flow', () => {
  it('forces </think><answer> once the thinking budget is spent, then stops on </answer>', async () => {
    const answering = (generated: readonly number[]) =>
      generated.includes(tokenIds['<answer>'])
        ? sequence([...bytes('ok'), tokenIds['</answer>']])(
            generated.slice(generated.indexOf(tokenIds['<answer>']) + 1),
          )
        : generated.length === 0
          ? tokenIds['<think>']
          : 'm'.charCodeAt(0);
    const result = await scripted(answering, 64, { thinkingBudget: 5 });
    expect(result.text).toBe('<think>mmmm</think><answer>ok</answer>');
    expect(result.finishReason).toBe('stop');
    expect(result.completionTokens).toBe(10);
    const tokenizer = await loadTokenizer(dir);
    expect(result.deltas.join('')).toBe(tokenizer.decode(result.tokenIds, { skip_special_tokens: false }));
  });

  it('applies the budget to a <think> opened by the assistant prefix, which streams first', async () => {
    const result = await scripted(() => 'm'.charCodeAt(0), 6, { thinkingBudget: 3, assistantPrefix: '<think>' });
    expect(result.deltas[0]).toBe('<think>');
    expect(result.text).toBe('<think>mmm</think><answer>m');
    expect(result.tokenIds).toEqual([109, 109, 109, tokenIds['</think>'], tokenIds['<answer>'], 109]);
  });

  it('ends on a turn-ending stop id without streaming it', async () => {
    const result = await scripted(sequence([...bytes('hi'), tokenIds['<|user|>'], ...bytes('never')]));
    expect(result).toMatchObject({ text: 'hi', finishReason: 'stop', completionTokens: 3 });
    expect(result.tokenIds.at(-1)).toBe(tokenIds['<|user|>']);
  });

  it('stops at maxTokens with finish reason length', async () => {
    const result = await scripted(() => 'a'.charCodeAt(0), 7);
    expect(result).toMatchObject({ text: 'aaaaaaa', finishReason: 'length', completionTokens: 7 });
  });

  it('streams only complete UTF-8, and the deltas join to the decoded text', async () => {
    const text = 'héllo 你好 😀 <|begin_of_box|>';
    const ids = [...bytes('héllo 你好 😀 '), tokenIds['<|begin_of_box|>']];
    const result = await scripted(sequence(ids), ids.length);
    expect(result.deltas.some((delta) => delta.includes('\uFFFD'))).toBe(false);
    expect(result.deltas.length).toBeGreaterThan(5);
    expect(result.deltas.join('')).toBe(text);
    expect(result.text).toBe(text);
  });

  it('stops within one token of an abort, rejects with AbortError, and serves the next request', async () => {
    const controller = new AbortController();
    let picks = 0;
    let picksAtAbort = -1;
    // The abort arrives from the event loop while a decoder run is in flight, as a stop key or worker message does.
    const abortSoon = () =>
      setTimeout(() => {
        picksAtAbort = picks;
        controller.abort();
      }, 0);
    const running = engine.generate(
      { images: [{ data: png }], prompt: 'Go on', maxTokens: 100_000, temperature: 0 },
      { signal: controller.signal, pickToken: () => (++picks === 5 && abortSoon(), 'a'.charCodeAt(0)) },
    );
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(picksAtAbort).toBeGreaterThanOrEqual(5);
    expect(picks - picksAtAbort).toBeLessThanOrEqual(1);
    const next = await scripted(() => 'b'.charCodeAt(0), 3);
    expect(next.text).toBe('bbb');
  });

  it('samples (temperature, top-k, top-p, repetition penalty) and repeats exactly with a seed', async () => {
    const request = { images: [{ data: png }], prompt: 'Click', maxTokens: 12, temperature: 0.7 };
    const sampling = { topK: 50, topP: 0.95, repetitionPenalty: 1.1 };
    const first = await engine.generate(request, { sampling, seed: 7 });
    const second = await engine.generate(request, { sampling, seed: 7 });
    expect(second.tokenIds).toEqual(first.tokenIds);
    // [gMASK] <sop> <|user|> \n <|begin_of_image|> 6 × <|image|> <|end_of_image|> C l i c k <|assistant|> \n
    expect(first.promptTokens).toBe(19);
  });
});

describe('loadEngine devices', () => {
  it("'auto' ends on a provider that loads, with a reason to show when that is the CPU", async () => {
    const auto = await loadEngine(dir, { device: 'auto' });
    try {
      if (auto.device === 'cpu') expect(auto.fallbackReason).toMatch(/running on the CPU\.$/);
      else expect(auto.fallbackReason).toBeNull();
      const result = await auto.generate({ images: [], prompt: 'hi', maxTokens: 2, temperature: 0 });
      expect(result.completionTokens).toBeGreaterThan(0);
    } finally {
      await auto.dispose();
    }
  });

  it('refuses a provider this install lacks, naming the ones it has', async () => {
    const missing = process.platform === 'win32' ? 'coreml' : 'dml';
    const error = await loadEngine(dir, { device: missing }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeviceUnavailableError);
    expect((error as Error).message).toContain(`"${missing}" is not available`);
    expect((error as Error).message).toContain('cpu');
  });
});

describe('loadEngine on a broken folder', () => {
  it('throws one error naming every problem before any session is created', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'deskhand-broken-model-'));
    try {
      await cp(dir, broken, { recursive: true });
      await rm(join(broken, 'onnx', 'vision_encoder.onnx'));
      const config = JSON.parse(await readFile(join(broken, 'config.json'), 'utf8'));
      config.text_config.num_key_value_heads = 'two';
      await writeFile(join(broken, 'config.json'), JSON.stringify(config));
      const create = vi.spyOn(InferenceSession, 'create');
      const error = await loadEngine(broken, { device: 'cpu' }).catch((caught: unknown) => caught);
      expect(create).not.toHaveBeenCalled();
      create.mockRestore();
      expect(error).toBeInstanceOf(ModelFolderError);
      const message = (error as Error).message;
      expect(message).toContain(`${join(broken, 'onnx', 'vision_encoder.onnx')}: missing`);
      expect(message).toContain(`${join(broken, 'config.json')}: text_config.num_key_value_heads`);
      expect((error as ModelFolderError).problems).toHaveLength(2);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});
