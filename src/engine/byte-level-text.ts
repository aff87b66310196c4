// Streams generated ids to text in O(1) per token for byte-level BPE tokenizers (GLM's), from tokenizer.json. Node only.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** The parts of tokenizer.json this reads; anything else in the file is ignored. */
const TokenizerJson = z.object({
  added_tokens: z.array(z.object({ id: z.number().int(), content: z.string() })),
  decoder: z.object({ type: z.string() }).nullable(),
  model: z.object({ type: z.string(), vocab: z.record(z.string(), z.number().int()) }),
});

/** Each id's bytes (vocabulary tokens) or text (added tokens, which HF decoding inserts verbatim). */
export interface ByteLevelTable {
  bytes: Array<Uint8Array | undefined>;
  added: Array<string | undefined>;
}

/**
 * GPT-2's byte ↔ printable-character map, which byte-level BPE vocabularies are written in: printable Latin-1
 * bytes stand for themselves, the other 68 bytes for U+0100 onwards, in byte order.
 */
function unicodeToByte(): Map<string, number> {
  const map = new Map<string, number>();
  let shifted = 0;
  for (let byte = 0; byte < 256; byte++) {
    const printable = (byte >= 0x21 && byte <= 0x7e) || (byte >= 0xa1 && byte <= 0xac) || byte >= 0xae;
    map.set(String.fromCodePoint(printable ? byte : 256 + shifted++), byte);
  }
  return map;
}

/**
 * The table for a folder whose tokenizer is a BPE model with a plain ByteLevel decoder; null for any other
 * tokenizer (the caller then decodes through transformers.js, which is exact for every tokenizer but slower).
 */
export async function loadByteLevelTable(dir: string): Promise<ByteLevelTable | null> {
  const parsed = TokenizerJson.safeParse(JSON.parse(await readFile(join(dir, 'tokenizer.json'), 'utf8')));
  if (!parsed.success) return null;
  const { model, decoder, added_tokens: addedTokens } = parsed.data;
  if (model.type !== 'BPE' || decoder?.type !== 'ByteLevel') return null;
  const toByte = unicodeToByte();
  const table: ByteLevelTable = { bytes: [], added: [] };
  for (const [token, id] of Object.entries(model.vocab)) {
    const bytes = Array.from(token, (char) => toByte.get(char));
    if (bytes.some((byte) => byte === undefined)) return null;
    table.bytes[id] = Uint8Array.from(bytes as number[]);
  }
  for (const { id, content } of addedTokens) table.added[id] = content;
  return table;
}

/**
 * A text stream over the table: vocabulary bytes go through a streaming UTF-8 decoder, which holds back a split
 * character until its last byte arrives; an added token first flushes what is held (as U+FFFD, as HF's lossy
 * decoding of the run before it does), then appears verbatim. Unknown ids decode to nothing, as in HF.
 */
export function createByteLevelStream(table: ByteLevelTable): { push(id: number): string; flush(): string } {
  const utf8 = new TextDecoder('utf-8');
  return {
    push(id) {
      const added = table.added[id];
      if (added !== undefined) return utf8.decode() + added;
      const bytes = table.bytes[id];
      return bytes ? utf8.decode(bytes, { stream: true }) : '';
    },
    flush: () => utf8.decode(),
  };
}
