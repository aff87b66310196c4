// Unit tests for how the OpenAI-compatible backend reads event streams: fixtures, framing, broken streams. Node.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BackendError } from '../../../src/backends/chat-backend.js';
import { createOpenAIBackend } from '../../../src/backends/openai.js';
import { collectDeltas, rejectionOf, sampleRequest } from './collect-deltas.js';

const fixtures = new URL('../../fixtures/streams/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('glm41v-expected.json', fixtures), 'utf8')) as {
  reasoning: string;
  answer: string;
  usage: { prompt_tokens: number; completion_tokens: number };
};
const BASE_URL = 'http://model.test/v1';

function fixtureEvents(name: string): string {
  const lines = readFileSync(new URL(name, fixtures), 'utf8').split('\n');
  return (
    lines
      .filter((line) => line !== '')
      .map((line) => `data: ${line}\n\n`)
      .join('') + 'data: [DONE]\n\n'
  );
}

/** A fetch that answers every request with the given body chunks as an event stream. */
function fakeFetch(
  chunks: string[],
  contentType = 'text/event-stream',
): { fetch: typeof fetch; cancelled: () => boolean } {
  let cancelled = false;
  const fetch = (async () => {
    const encoder = new TextEncoder();
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[index++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(encoder.encode(chunk));
      },
      cancel() {
        cancelled = true;
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': contentType } });
  }) as typeof globalThis.fetch;
  return { fetch, cancelled: () => cancelled };
}

function streamOf(chunks: string[], contentType?: string) {
  const backend = createOpenAIBackend({ baseUrl: BASE_URL, model: 'm', fetch: fakeFetch(chunks, contentType).fetch });
  return collectDeltas(backend.stream(sampleRequest(), new AbortController().signal));
}

async function badStream(chunks: string[], contentType?: string): Promise<BackendError> {
  const error = await rejectionOf(streamOf(chunks, contentType));
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

const finishEvent = 'data: {"choices":[{"delta":{},"finish_reason":"stop"}]}\n\n';

describe('OpenAI backend stream reading', () => {
  for (const fixture of ['glm41v-inline.chunks.txt', 'glm41v-reasoning-content.chunks.txt']) {
    it(`turns the ${fixture} fixture into the expected reasoning, answer and usage`, async () => {
      const result = await streamOf([fixtureEvents(fixture)]);
      expect(result.reasoning).toBe(expected.reasoning);
      expect(result.text).toBe(expected.answer);
      expect(result.finish).toEqual({
        type: 'finish',
        usage: { promptTokens: expected.usage.prompt_tokens, completionTokens: expected.usage.completion_tokens },
        finishReason: 'stop',
      });
    });
  }

  it('gives the same result with CRLF line ends, comments and the body cut at every 7th character', async () => {
    const events = `: keep-alive\r\n\r\n${fixtureEvents('glm41v-inline.chunks.txt')}`.replace(/\n/g, '\r\n');
    const result = await streamOf(events.match(/[\s\S]{1,7}/g) ?? []);
    expect([result.reasoning, result.text]).toEqual([expected.reasoning, expected.answer]);
  });

  it('reads reasoning from the `reasoning` field too, and ends on a finish reason without [DONE]', async () => {
    const result = await streamOf([
      'data: {"choices":[{"delta":{"reasoning":"Thinking."}}]}\n\n',
      'data: {"choices":[{"delta":{"content":"<answer>A</answer>"},"finish_reason":"length"}]}\n\n',
    ]);
    expect(result.deltas).toEqual([
      { type: 'reasoning-delta', text: 'Thinking.' },
      { type: 'text-delta', text: '<answer>A</answer>' },
      { type: 'finish', usage: { promptTokens: null, completionTokens: null }, finishReason: 'length' },
    ]);
  });

  it('passes on the running token count of a server that reports usage on every chunk', async () => {
    const usage = (completion: number) => `"usage":{"prompt_tokens":900,"completion_tokens":${completion}}`;
    const result = await streamOf([
      `data: {"choices":[{"delta":{"reasoning_content":"Look"}}],${usage(1)}}\n\n`,
      `data: {"choices":[{"delta":{"reasoning_content":"ing."}}],${usage(3)}}\n\n`,
      'data: {"choices":[{"delta":{"content":"<answer>A"}}]}\n\n',
      `data: {"choices":[{"delta":{},"finish_reason":"stop"}],${usage(5)}}\n\n`,
      'data: [DONE]\n\n',
    ]);
    expect(result.deltas).toEqual([
      { type: 'reasoning-delta', text: 'Look', completionTokens: 1 },
      { type: 'reasoning-delta', text: 'ing.', completionTokens: 3 },
      { type: 'text-delta', text: '<answer>A' },
      { type: 'finish', usage: { promptTokens: 900, completionTokens: 5 }, finishReason: 'stop' },
    ]);
  });

  it("rejects a stream event that is not JSON as 'bad-response' without quoting it", async () => {
    const error = await badStream(['data: {"choices": [{"delta": {"content": "secret-token-xyz"\n\n', finishEvent]);
    expect(error.code).toBe('bad-response');
    expect(error.message).toContain('not JSON');
    expect(error.message).not.toContain('secret-token-xyz');
  });

  it("rejects a chunk of the wrong shape as 'bad-response' naming the field", async () => {
    const error = await badStream(['data: {"choices":[{"delta":{"content":42}}]}\n\n', finishEvent]);
    expect(error.code).toBe('bad-response');
    expect(error.message).toContain('choices.0.delta.content');
  });

  it("rejects a stream that ends mid-answer as 'bad-response'", async () => {
    const error = await badStream(['data: {"choices":[{"delta":{"content":"<answer>Cli"}}]}\n\n', 'data: {"choi']);
    expect(error.code).toBe('bad-response');
    expect(error.message).toContain('closed the stream mid-answer');
  });

  it("reports an error event mid-stream as 'server-error'", async () => {
    const error = await badStream(['data: {"error":{"message":"CUDA out of memory"}}\n\n']);
    expect({ code: error.code, message: error.message }).toEqual({
      code: 'server-error',
      message: `The model server at ${BASE_URL} failed mid-answer: "CUDA out of memory".`,
    });
  });

  it("rejects a non-streamed JSON answer as 'bad-response'", async () => {
    expect((await badStream(['{"choices":[]}'], 'application/json')).message).toContain('instead of an event stream');
  });

  it('cancels the body when the consumer stops reading early', async () => {
    const fake = fakeFetch([
      'data: {"choices":[{"delta":{"content":"<think>a"}}]}\n\n',
      'data: {"choices":[{"delta":{"content":"b"}}]}\n\n',
    ]);
    const backend = createOpenAIBackend({ baseUrl: BASE_URL, model: 'm', fetch: fake.fetch });
    for await (const delta of backend.stream(sampleRequest(), new AbortController().signal)) {
      expect(delta).toEqual({ type: 'reasoning-delta', text: 'a' });
      break;
    }
    expect(fake.cancelled()).toBe(true);
  });
});
