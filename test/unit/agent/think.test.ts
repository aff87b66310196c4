// Streaming one answer: tokens are counted as they come, and a stream far longer than any answer is stopped with a
// clear error, not held in memory.
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

function scriptedBackend(deltas: Delta[]): ChatBackend {
  return {
    kind: 'fake',
    model: 'fake',
    async *stream(): AsyncGenerator<Delta> {
      yield* deltas;
    },
  };
}

describe('think', () => {
  it('counts one token a delta, or the server’s running count when a delta carries one', async () => {
    const counts: Array<[string, number]> = [];
    const backend = scriptedBackend([
      { type: 'reasoning-delta', text: 'a' },
      { type: 'reasoning-delta', text: 'b' },
      { type: 'text-delta', text: 'c', completionTokens: 7 },
      { type: 'text-delta', text: 'd' },
      { type: 'finish', usage: { promptTokens: 10, completionTokens: 9 }, finishReason: 'stop' },
    ]);
    const request = { images: [], prompt: 'x', maxTokens: 10, temperature: 0 };
    const elapsed: number[] = [];
    const thought = await think(backend, request, new AbortController().signal, (_kind, text, tokens, sinceRequest) => {
      counts.push([text, tokens]);
      elapsed.push(sinceRequest);
    });
    expect(counts).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 7],
      ['d', 8],
    ]);
    expect(thought.usage).toEqual({ promptTokens: 10, completionTokens: 9 });
    // Time since the request, never going back; the first is the time to first token.
    expect(elapsed).toEqual([...elapsed].sort((x, y) => x - y));
    expect(elapsed[0]).toBe(thought.firstTokenMs);
  });

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
