// The O(1) byte-level detokenizer against transformers.js's decode of the same ids, on the tiny model's tokenizer.
import { writeFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createByteLevelStream, loadByteLevelTable } from '../../../src/engine/byte-level-text.js';
import { createTextStream, loadTokenizer } from '../../../src/engine/prompt-tokens.js';
import { tinyModelDir } from '../../support/tiny-model.js';

const decodeAll = (tokenizer: Awaited<ReturnType<typeof loadTokenizer>>, ids: number[]) =>
  ids.length === 0 ? '' : tokenizer.decode(ids, { skip_special_tokens: false, clean_up_tokenization_spaces: false });

function streamAll(stream: { push(id: number): string; flush(): string }, ids: number[]): string[] {
  return [...ids.map((id) => stream.push(id)), stream.flush()];
}

describe('byte-level streaming detokenizer', () => {
  it('joins to exactly what transformers.js decodes, for 500 random id sequences including split UTF-8 and added tokens', async () => {
    const dir = await tinyModelDir();
    const tokenizer = await loadTokenizer(dir);
    const table = (await loadByteLevelTable(dir))!;
    expect(table).not.toBeNull();
    const vocabSize = Math.max(table.bytes.length, table.added.length);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: vocabSize - 1 }), { maxLength: 40 }), (ids) => {
        expect(streamAll(createByteLevelStream(table), ids).join('')).toBe(decodeAll(tokenizer, ids));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('streams a character split across tokens only once it is whole, as the library stream does', async () => {
    const dir = await tinyModelDir();
    const tokenizer = await loadTokenizer(dir);
    const table = (await loadByteLevelTable(dir))!;
    const ids = tokenizer.encode('Grüße ✓ 你好 <think>ok</think>', { add_special_tokens: false });
    const ours = streamAll(createByteLevelStream(table), ids);
    expect(ours.join('')).toBe(decodeAll(tokenizer, ids));
    expect(ours.some((piece) => piece.includes('\uFFFD'))).toBe(false);
    expect(streamAll(createTextStream(tokenizer), ids).join('')).toBe(ours.join(''));
  });

  it('declines tokenizers that are not byte-level BPE, so decoding falls back to the library', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskhand-tokenizer-'));
    try {
      const json = JSON.parse(await readFile(join(await tinyModelDir(), 'tokenizer.json'), 'utf8'));
      await writeFile(join(dir, 'tokenizer.json'), JSON.stringify({ ...json, decoder: { type: 'Metaspace' } }));
      expect(await loadByteLevelTable(dir)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
