// Unit tests for the OpenAI-compatible backend against the scripted loopback server. Node.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendError } from '../../../src/backends/chat-backend.js';
import { createOpenAIBackend, type OpenAIBackendOptions } from '../../../src/backends/openai.js';
import {
  startScriptedServer,
  type ScriptedServer,
  type ScriptedServerOptions,
} from '../../support/scripted-openai-server.js';
import { collectDeltas, rejectionOf, sampleRequest } from './collect-deltas.js';

const REASONING = '\nThe Files icon is in the dock at [24,380].\n';
const ANSWER =
  "\n<answer>Open Files.\n<|begin_of_box|>left_click(start_box='[24,380]')<|end_of_box|>\nMemory:\n[]</answer>";
const API_KEY = 'sk-test-0123456789abcdef';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Partial<ScriptedServerOptions> = {}): Promise<ScriptedServer> {
  server = await startScriptedServer({
    answers: [{ reasoning: REASONING, answer: ANSWER }],
    style: 'inline',
    ...options,
  });
  return server;
}

function backendFor(baseUrl: string, options: Partial<OpenAIBackendOptions> = {}) {
  return createOpenAIBackend({ baseUrl, model: 'glm-4.1v-9b-thinking', retryBaseMs: 1, ...options });
}

async function backendError(baseUrl: string, options: Partial<OpenAIBackendOptions> = {}): Promise<BackendError> {
  const error = await rejectionOf(
    collectDeltas(backendFor(baseUrl, options).stream(sampleRequest(), new AbortController().signal)),
  );
  expect(error).toBeInstanceOf(BackendError);
  return error as BackendError;
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

describe('createOpenAIBackend streaming', () => {
  for (const style of ['inline', 'reasoning_content'] as const) {
    it(`yields the exact reasoning and answer text with ${style} thinking`, async () => {
      const { baseUrl } = await start({ style, chunkSize: 5 });
      const result = await collectDeltas(backendFor(baseUrl).stream(sampleRequest(), new AbortController().signal));
      expect([result.reasoning, result.text]).toEqual([REASONING, ANSWER]);
      expect(result.deltas.filter((delta) => delta.type !== 'finish').length).toBeGreaterThan(10);
      expect(result.finish).toEqual({
        type: 'finish',
        usage: { promptTokens: 2005, completionTokens: expect.any(Number) as number },
        finishReason: 'stop',
      });
    });
  }

  it('sends one user message with the images first as data URLs, then the prompt, and GLM generation settings', async () => {
    const scripted = await start();
    const backend = backendFor(`${scripted.baseUrl}/`, { extraBody: { top_k: 1 } });
    await collectDeltas(backend.stream(sampleRequest(), new AbortController().signal));
    expect(scripted.requests).toHaveLength(1);
    expect(scripted.requests[0]?.body).toEqual({
      model: 'glm-4.1v-9b-thinking',
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'image_url',
              image_url: { url: `data:image/png;base64,${Buffer.from('first-png').toString('base64')}` },
            },
            {
              type: 'image_url',
              image_url: { url: `data:image/jpeg;base64,${Buffer.from('second-jpeg').toString('base64')}` },
            },
            { type: 'text', text: 'Open the Files app.' },
          ],
        },
      ],
      temperature: 0.001,
      max_tokens: 8192,
      stream: true,
      stream_options: { include_usage: true },
      skip_special_tokens: false,
      top_k: 1,
    });
    expect(scripted.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('sends the API key as a bearer token', async () => {
    const scripted = await start({ requireApiKey: API_KEY });
    const result = await collectDeltas(
      backendFor(scripted.baseUrl, { apiKey: API_KEY }).stream(sampleRequest(), new AbortController().signal),
    );
    expect(result.text).toBe(ANSWER);
    expect(scripted.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });
});

describe('createOpenAIBackend abort', () => {
  it('rejects within 50 ms of an abort mid-stream, and the server sees the connection closed', async () => {
    const scripted = await start({ chunkSize: 2, chunkDelayMs: 20 });
    const controller = new AbortController();
    const stream = backendFor(scripted.baseUrl).stream(sampleRequest(), controller.signal);
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.next();
    const pending = iterator.next();
    const abortedAt = performance.now();
    controller.abort();
    const error = await rejectionOf(pending);
    expect(performance.now() - abortedAt).toBeLessThan(50);
    expect(error).toMatchObject({ name: 'AbortError' });
    await expect.poll(() => scripted.requests[0]?.closedEarly, { timeout: 2000 }).toBe(true);
  });

  it('throws the signal reason when one was given', async () => {
    const scripted = await start({ chunkDelayMs: 20 });
    const controller = new AbortController();
    const reason = new Error('user pressed stop');
    setTimeout(() => controller.abort(reason), 30);
    expect(
      await rejectionOf(collectDeltas(backendFor(scripted.baseUrl).stream(sampleRequest(), controller.signal))),
    ).toBe(reason);
  });

  it('stops during a backoff sleep within 50 ms', async () => {
    const scripted = await start({ failFirst: [{ status: 503, retryAfter: 10 }] });
    const controller = new AbortController();
    const pending = rejectionOf(collectDeltas(backendFor(scripted.baseUrl).stream(sampleRequest(), controller.signal)));
    await expect.poll(() => scripted.requests.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const abortedAt = performance.now();
    controller.abort();
    expect(await pending).toMatchObject({ name: 'AbortError' });
    expect(performance.now() - abortedAt).toBeLessThan(50);
  });
});

describe('createOpenAIBackend retries', () => {
  it('retries a 429 and then streams the answer', async () => {
    const scripted = await start({ failFirst: [{ status: 429 }] });
    const result = await collectDeltas(
      backendFor(scripted.baseUrl).stream(sampleRequest(), new AbortController().signal),
    );
    expect(result.text).toBe(ANSWER);
    expect(scripted.requests).toHaveLength(2);
  });

  it('waits as long as Retry-After says', async () => {
    const scripted = await start({ failFirst: [{ status: 429, retryAfter: 1 }] });
    const startedAt = performance.now();
    await collectDeltas(backendFor(scripted.baseUrl).stream(sampleRequest(), new AbortController().signal));
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(950);
  });

  it("gives up after maxRetries 503s with a 'server-error' that says so", async () => {
    const { baseUrl, requests } = await start({
      failFirst: [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }],
    });
    const error = await backendError(baseUrl);
    expect(requests).toHaveLength(4);
    expect({ code: error.code, message: error.message }).toEqual({
      code: 'server-error',
      message: `The model server at ${baseUrl} failed with HTTP 503 after 3 retries: "Scripted failure (HTTP 503)". Check the server's log.`,
    });
  });

  it("reports 'rate-limited' when 429 persists", async () => {
    const { baseUrl } = await start({ failFirst: [{ status: 429 }, { status: 429 }] });
    const error = await backendError(baseUrl, { maxRetries: 1 });
    expect(error.code).toBe('rate-limited');
    expect(error.message).toContain('after 1 retry');
  });

  it('retries once without skip_special_tokens when a 400 says the parameter is unknown', async () => {
    const body = JSON.stringify({ error: { message: 'Unrecognized request argument supplied: skip_special_tokens' } });
    const scripted = await start({ failFirst: [{ status: 400, body }] });
    const result = await collectDeltas(
      backendFor(scripted.baseUrl).stream(sampleRequest(), new AbortController().signal),
    );
    expect(result.text).toBe(ANSWER);
    expect(scripted.requests.map((request) => 'skip_special_tokens' in (request.body as object))).toEqual([
      true,
      false,
    ]);
  });
});

describe('createOpenAIBackend errors', () => {
  it("explains a 404 as 'not-found' with the /v1 rule and the URL tried", async () => {
    const scripted = await start();
    const root = scripted.baseUrl.replace(/\/v1$/, '');
    const error = await backendError(root);
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(`POST ${root}/chat/completions`);
    expect(error.message).toContain('must end in /v1 (e.g. http://host:8000/v1)');
  });

  it("names the URL when the connection is refused ('unreachable')", async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}/v1`;
    const error = await backendError(baseUrl);
    expect({ code: error.code, message: error.message }).toEqual({
      code: 'unreachable',
      message: `Cannot reach the model server at ${baseUrl} (connection refused). Is the server running? Check --base-url.`,
    });
  });

  it("reports a rejected key as 'unauthorized' without quoting the key", async () => {
    const { baseUrl } = await start({ requireApiKey: 'the-right-key' });
    const error = await backendError(baseUrl, { apiKey: API_KEY });
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain('--api-key-env');
    expect(error.message).not.toContain(API_KEY);
  });

  it("reports a missing key as 'unauthorized'", async () => {
    const { baseUrl } = await start({ requireApiKey: 'the-right-key' });
    expect((await backendError(baseUrl)).message).toContain('requires an API key and none was sent');
  });

  it("reports another 400 as 'config' with the server's reason", async () => {
    const body = JSON.stringify({ error: { message: 'max_tokens is too large: 8192' } });
    const { baseUrl } = await start({ failFirst: [{ status: 400, body }] });
    const error = await backendError(baseUrl);
    expect(error.code).toBe('config');
    expect(error.message).toContain('"max_tokens is too large: 8192"');
  });

  it("reports a server out of answers as 'server-error'", async () => {
    const { baseUrl } = await start({ answers: [] });
    const error = await backendError(baseUrl, { maxRetries: 0 });
    expect(error.code).toBe('server-error');
    expect(error.message).toContain('no more answers');
  });
});
