// Streaming one answer: a stream far longer than any answer is stopped with a clear error, not held in memory.
import { describe, expect, it } from 'vitest';
import { BackendError, type ChatBackend, type Delta } from '../../../src/backends/chat-backend.js';
import { think } from '../../../src/agent/think.js';
import { MAX_ANSWER_CHARS } from '../../../src/glm/parser.js';

function endlessBackend(chunk: string, onChunk: () => void): ChatBackend {
  return {
    kind: 'fake',
    model: 'fake',
    async *stream(): AsyncGenerator<Delta> {
      for (;;) {
        onChunk();
        yield { type: 'text-delta', text: chunk };
      }
    },
  };
}

describe('think', () => {
  it('stops a stream past the answer limit with a bad-response error that says what to check', async () => {
    let chunks = 0;
    const backend = endlessBackend('WAIT '.repeat(4000), () => (chunks += 1));
    const request = { images: [], prompt: 'x', maxTokens: 10, temperature: 0 };
    const error = await think(backend, request, new AbortController().signal, () => undefined).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: 'bad-response' });
    expect((error as Error).message).toMatch(/more than 1,000,000 characters in one answer.*--max-tokens/);
    expect(chunks).toBe(Math.ceil(MAX_ANSWER_CHARS / 20_000) + 1);
  });
});
