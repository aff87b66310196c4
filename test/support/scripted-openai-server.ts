// A scripted OpenAI-compatible chat-completions server on loopback, for unit and end-to-end tests. Node.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface ScriptedAnswer {
  reasoning?: string;
  answer: string;
  /** The last chunk's finish_reason (default 'stop'); 'length' says the max_tokens limit cut the answer. */
  finishReason?: 'stop' | 'length';
}

/** An answer in the official desktop shape: the explanation, `call` in box tokens, then `Memory:` and its list. */
export function scriptedAnswer(
  call: string,
  parts: { explanation?: string; reasoning?: string; memory?: string } = {},
): ScriptedAnswer {
  const { explanation = 'Next.', reasoning, memory = '[]' } = parts;
  const answer = `<answer>${explanation}\n<|begin_of_box|>${call}<|end_of_box|>\nMemory:\n${memory}</answer>`;
  return reasoning === undefined ? { answer } : { reasoning, answer };
}

export interface ScriptedServerOptions {
  /** Served in order, one per successful POST /v1/chat/completions. */
  answers: ScriptedAnswer[];
  /** 'inline': `<think>reasoning</think>answer` in `delta.content`; 'reasoning_content': reasoning in its own field. */
  style: 'inline' | 'reasoning_content';
  /** Characters per SSE chunk (default 8). */
  chunkSize?: number;
  /** Pause between chunks in ms (default 0). */
  chunkDelayMs?: number;
  /** Answers for the first requests instead of streaming: status, body (default a JSON error), Retry-After seconds. */
  failFirst?: Array<{ status: number; body?: string; retryAfter?: number }>;
  /** When set, requests need `Authorization: Bearer <key>`; others get 401 quoting the key they sent, as OpenAI does. */
  requireApiKey?: string;
  /** Port on 127.0.0.1 (default 0: any free port). */
  port?: number;
  /** The model id GET /v1/models lists (default 'glm-4.1v-9b-thinking-scripted'). */
  modelId?: string;
  /** Several model ids for GET /v1/models instead of `modelId`. */
  modelIds?: string[];
  /** Misbehaviour per answer (index into `answers`): see ScriptedFault. */
  faults?: Record<number, ScriptedFault>;
}

/**
 * 'stall': sends no headers at all; 'stall-midway' / 'drop-midway': sends half the chunks, then goes silent or
 * destroys the connection; 'garbage': a 200 event stream of text that is not JSON.
 */
export type ScriptedFault = 'stall' | 'stall-midway' | 'drop-midway' | 'garbage';

export interface ScriptedRequest {
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** Number of `image_url` parts in the first message. */
  imageCount: number;
  /** The text parts of the first message, joined. */
  prompt: string;
  /** True once the client closed the connection before the answer was complete (e.g. it aborted). */
  closedEarly: boolean;
}

export interface ScriptedServer {
  /** http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  /** Every POST to /v1/chat/completions, in arrival order. */
  requests: ScriptedRequest[];
  /** Stops listening and destroys open sockets, so a test ending mid-stream does not hang. */
  close(): Promise<void>;
}

export async function startScriptedServer(options: ScriptedServerOptions): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  const sockets = new Set<Socket>();
  const failures = [...(options.failFirst ?? [])];
  let nextAnswer = 0;

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => response.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    if (request.method === 'GET' && request.url === '/v1/models') {
      if (options.requireApiKey !== undefined && request.headers.authorization !== `Bearer ${options.requireApiKey}`) {
        return sendJson(response, 401, { error: { message: 'Incorrect API key provided.' } });
      }
      const ids = options.modelIds ?? [options.modelId ?? 'glm-4.1v-9b-thinking-scripted'];
      return sendJson(response, 200, { object: 'list', data: ids.map((id) => ({ id })) });
    }
    if (request.method !== 'POST' || (request.url ?? '').split('?')[0] !== '/v1/chat/completions') {
      return sendJson(response, 404, { error: { message: `No route for ${request.method} ${request.url}` } });
    }
    const record = recordRequest(text, request.headers);
    requests.push(record);
    const failure = failures.shift();
    if (failure) return sendFailure(response, failure);
    const authorization = request.headers.authorization;
    if (options.requireApiKey !== undefined && authorization !== `Bearer ${options.requireApiKey}`) {
      const sent = authorization?.replace(/^Bearer /, '') ?? '(none)';
      return sendJson(response, 401, { error: { message: `Incorrect API key provided: ${sent}` } });
    }
    const answer = options.answers[nextAnswer];
    if (answer === undefined) {
      const message = `The scripted server has no more answers (it was given ${options.answers.length}).`;
      return sendJson(response, 500, { error: { message } });
    }
    const fault = options.faults?.[nextAnswer];
    nextAnswer += 1;
    response.on('close', () => {
      if (!response.writableFinished) record.closedEarly = true;
    });
    if (fault === 'stall') return;
    if (fault === 'garbage') {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      return void response.end('data: <html>502 Bad Gateway</html>\n\ndata: {"choices": [\n\n');
    }
    await streamAnswer(response, answer, record, options, fault);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function streamAnswer(
  response: ServerResponse,
  answer: ScriptedAnswer,
  record: ScriptedRequest,
  options: ScriptedServerOptions,
  fault?: ScriptedFault,
): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const deltas = scriptedDeltas(answer, options.style, options.chunkSize ?? 8);
  for (const [index, delta] of [{ role: 'assistant', content: '' }, ...deltas].entries()) {
    if (record.closedEarly || response.destroyed) return;
    if (index === Math.ceil(deltas.length / 2) && fault === 'drop-midway') {
      // Let the first half reach the client before the connection goes.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return void response.socket?.destroy();
    }
    if (index === Math.ceil(deltas.length / 2) && fault === 'stall-midway') return;
    writeEvent(response, { choices: [{ index: 0, delta, finish_reason: null }] });
    if ((options.chunkDelayMs ?? 0) > 0) await new Promise((resolve) => setTimeout(resolve, options.chunkDelayMs));
  }
  writeEvent(response, {
    choices: [{ index: 0, delta: {}, finish_reason: answer.finishReason ?? 'stop' }],
    usage: scriptedUsage(record, deltas.length),
  });
  response.end('data: [DONE]\n\n');
}

/** The delta objects of one answer, cut into `chunkSize`-character pieces. */
export function scriptedDeltas(answer: ScriptedAnswer, style: ScriptedServerOptions['style'], chunkSize: number) {
  const pieces = (text: string): string[] => text.match(new RegExp(`[\\s\\S]{1,${Math.max(1, chunkSize)}}`, 'g')) ?? [];
  if (style === 'inline') {
    const content =
      answer.reasoning === undefined ? answer.answer : `<think>${answer.reasoning}</think>${answer.answer}`;
    return pieces(content).map((content) => ({ content }));
  }
  return [
    ...pieces(answer.reasoning ?? '').map((reasoning_content) => ({ reasoning_content })),
    ...pieces(answer.answer).map((content) => ({ content })),
  ];
}

/** Deterministic usage: 1000 tokens per image plus a token per 4 prompt characters; one token per chunk sent. */
function scriptedUsage(record: ScriptedRequest, chunkCount: number) {
  const promptTokens = record.imageCount * 1000 + Math.ceil(record.prompt.length / 4);
  return { prompt_tokens: promptTokens, completion_tokens: chunkCount, total_tokens: promptTokens + chunkCount };
}

function writeEvent(response: ServerResponse, payload: Record<string, unknown>): void {
  const chunk = { id: 'chatcmpl-scripted', object: 'chat.completion.chunk', created: 0, model: 'scripted', ...payload };
  response.write(`data: ${JSON.stringify(chunk)}\n\n`);
}

function recordRequest(text: string, headers: IncomingMessage['headers']): ScriptedRequest {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Keep the raw text: the test asserting on it will say what was wrong.
  }
  const content = (body as { messages?: Array<{ content?: unknown }> } | null)?.messages?.[0]?.content;
  const parts = Array.isArray(content) ? (content as Array<{ type?: string; text?: string }>) : [];
  return {
    body,
    headers: { ...headers },
    imageCount: parts.filter((part) => part.type === 'image_url').length,
    prompt: parts.flatMap((part) => (part.type === 'text' && part.text !== undefined ? [part.text] : [])).join(''),
    closedEarly: false,
  };
}

function sendFailure(response: ServerResponse, failure: { status: number; body?: string; retryAfter?: number }): void {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (failure.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
  response.writeHead(failure.status, headers);
  response.end(failure.body ?? JSON.stringify({ error: { message: `Scripted failure (HTTP ${failure.status})` } }));
}

function sendJson(response: ServerResponse, status: number, payload: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(payload));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
