// The ChatBackend for OpenAI-compatible servers (vLLM, SGLang, llama-server, Zhipu): streamed chat completions. Node.
import { raceAbort, sleep, throwIfAborted } from '../abortable.js';
import { BackendError, type ChatBackend, type ChatImage, type ChatRequest, type Delta } from './chat-backend.js';
import { endpointUrl, redactUrl } from '../url-secrets.js';
import { createChunkTransform } from './openai-chunks.js';
import {
  badResponseError,
  isUnknownParameterComplaint,
  stalledError,
  statusError,
  unreachableError,
  withoutUrlSecrets,
  type ServerContext,
} from './openai-errors.js';
import { isRetryableStatus, retryDelayMs } from './retry.js';
import { createSseDecoder } from './sse.js';
import { StallWatch } from './stall-watch.js';

export interface OpenAIBackendOptions {
  /** The server's API root, ending in /v1, e.g. http://127.0.0.1:8000/v1 (a trailing slash is ignored). */
  baseUrl: string;
  /** The model name the server knows, sent as `model` and recorded in sessions. */
  model: string;
  /** Sent as `Authorization: Bearer …` when given; never logged or quoted in errors. */
  apiKey?: string;
  /** How often a 429 or 5xx answer is retried before anything was streamed (default 3). */
  maxRetries?: number;
  /** The first backoff step in ms, doubled each retry, with jitter (default 500). */
  retryBaseMs?: number;
  /** The fetch to use (tests); default the global one. */
  fetch?: typeof fetch;
  /** Extra request fields merged over the defaults, e.g. `top_k`, `repetition_penalty`, `stop_token_ids`. */
  extraBody?: Record<string, unknown>;
  /** How long the server may send nothing (no headers, no chunk) before the step fails, in ms (default 120 s). */
  stallTimeoutMs?: number;
}

/** `Basic …` for a user:password in the base URL, else null (fetch refuses credentials inside a URL). */
export function basicAuthOf(rawBaseUrl: string): string | null {
  try {
    const { username, password } = new URL(rawBaseUrl);
    if (username === '' && password === '') return null;
    const pair = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
    return `Basic ${Buffer.from(pair).toString('base64')}`;
  } catch {
    return null;
  }
}

/** The Authorization header for a server: its API key when given, else the base URL's user:password, else none. */
export function authorizationOf(basicAuth: string | null, apiKey: string | undefined): string | null {
  return apiKey !== undefined ? `Bearer ${apiKey}` : basicAuth;
}

/** Long enough for a slow server's prefill of five screenshots, short enough that a hung one is noticed. */
const DEFAULT_STALL_TIMEOUT_MS = 120_000;

interface Settings extends ServerContext {
  /** Where requests go: the chat-completions URL with the query kept and the user:password taken out. */
  requestUrl: string;
  /** `Basic …` for a user:password in the base URL, else null. */
  basicAuth: string | null;
  /** The base URL as given, only to scrub its secrets out of messages. */
  rawBaseUrl: string;
  model: string;
  maxRetries: number;
  retryBaseMs: number;
  fetch: typeof fetch;
  extraBody: Record<string, unknown>;
  stallTimeoutMs: number;
}

type RequestBody = Record<string, unknown>;

/** Creates a backend that POSTs each request to `${baseUrl}/chat/completions` and streams the answer back. */
export function createOpenAIBackend(options: OpenAIBackendOptions): ChatBackend {
  const rawBaseUrl = options.baseUrl.replace(/\/+$/, '');
  const shown = redactUrl(rawBaseUrl);
  const settings: Settings = {
    // Messages show the URL without user, password or query; the request keeps the query (some servers take a key
    // there) and sends a user:password as Basic auth, which fetch refuses inside a URL.
    baseUrl: shown,
    url: `${shown}/chat/completions`,
    requestUrl: endpointUrl(rawBaseUrl, 'chat/completions'),
    basicAuth: basicAuthOf(rawBaseUrl),
    rawBaseUrl,
    apiKey: options.apiKey === '' ? undefined : options.apiKey,
    model: options.model,
    maxRetries: options.maxRetries ?? 3,
    retryBaseMs: options.retryBaseMs ?? 500,
    fetch: options.fetch ?? globalThis.fetch,
    extraBody: options.extraBody ?? {},
    stallTimeoutMs: options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS,
  };
  return {
    kind: 'openai',
    model: options.model,
    stream: (request, signal) => streamChat(settings, request, signal),
  };
}

async function* streamChat(settings: Settings, request: ChatRequest, signal: AbortSignal): AsyncGenerator<Delta> {
  throwIfAborted(signal);
  const watch = new StallWatch(signal, settings.stallTimeoutMs);
  try {
    const response = await openStream(settings, buildRequestBody(settings, request), watch.signal);
    watch.touch();
    yield* readDeltas(settings, response, watch);
  } catch (error) {
    if (watch.stalled && !signal.aborted) throw stalledError(settings, settings.stallTimeoutMs);
    // The one exit for every failure: nothing quoted from fetch or the server may carry the URL's secrets.
    if (error instanceof BackendError) throw withoutUrlSecrets(error, settings.rawBaseUrl);
    throw error;
  } finally {
    watch.dispose();
  }
}

/**
 * The official GLM-4.1V agent request: one user message, images first (in order) then the prompt text, and
 * `skip_special_tokens: false` so vLLM/SGLang keep `<|begin_of_box|>…<|end_of_box|>` around the action.
 */
export function buildRequestBody(settings: Pick<Settings, 'model' | 'extraBody'>, request: ChatRequest): RequestBody {
  return {
    model: settings.model,
    messages: [{ role: 'user', content: [...request.images.map(toImagePart), { type: 'text', text: request.prompt }] }],
    temperature: request.temperature,
    max_tokens: request.maxTokens,
    stream: true,
    stream_options: { include_usage: true },
    skip_special_tokens: false,
    ...settings.extraBody,
  };
}

function toImagePart(image: ChatImage): { type: 'image_url'; image_url: { url: string } } {
  return { type: 'image_url', image_url: { url: `data:${image.mime};base64,${image.data.toString('base64')}` } };
}

/** POSTs until a 2xx: retries 429/5xx with backoff, and drops `skip_special_tokens` once if a 400 blames it. */
async function openStream(settings: Settings, firstBody: RequestBody, signal: AbortSignal): Promise<Response> {
  let body = firstBody;
  let retries = 0;
  for (;;) {
    const response = await post(settings, body, signal);
    if (response.ok) return response;
    const text = await readErrorBody(response, signal);
    if (response.status === 400 && 'skip_special_tokens' in body && isUnknownParameterComplaint(text)) {
      body = Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'skip_special_tokens'));
      continue;
    }
    if (!isRetryableStatus(response.status) || retries >= settings.maxRetries) {
      throw statusError(settings, response.status, text, retries);
    }
    await sleep(retryDelayMs(retries, settings.retryBaseMs, response.headers.get('retry-after')), signal);
    retries += 1;
  }
}

async function post(settings: Settings, body: RequestBody, signal: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
  const authorization = authorizationOf(settings.basicAuth, settings.apiKey);
  if (authorization !== null) headers['authorization'] = authorization;
  try {
    const init = { method: 'POST', headers, body: JSON.stringify(body), signal };
    return await raceAbort(settings.fetch(settings.requestUrl, init), signal);
  } catch (error) {
    throwIfAborted(signal);
    throw unreachableError(settings, error);
  }
}

async function readErrorBody(response: Response, signal: AbortSignal): Promise<string> {
  try {
    return await raceAbort(response.text(), signal);
  } catch {
    throwIfAborted(signal);
    return '';
  }
}

/** Reads the event stream to its end, yielding deltas as they arrive; cancels the body however it stops. */
async function* readDeltas(settings: Settings, response: Response, watch: StallWatch): AsyncGenerator<Delta> {
  const { signal } = watch;
  if ((response.headers.get('content-type') ?? '').includes('application/json')) {
    await response.body?.cancel().catch(() => undefined);
    throw badResponseError(settings, 'answered with a single JSON document instead of an event stream');
  }
  if (!response.body) throw badResponseError(settings, 'answered with an empty body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const events = createSseDecoder();
  const chunks = createChunkTransform(settings);
  try {
    for (;;) {
      const { done, value } = await readBodyChunk(settings, reader, signal);
      if (done) break;
      watch.touch();
      for (const data of events.push(decoder.decode(value, { stream: true }))) {
        yield* chunks.event(data);
        if (data === '[DONE]') {
          yield* chunks.end(true);
          return;
        }
      }
    }
    yield* chunks.end(false);
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

type BodyReader = ReadableStreamDefaultReader<Uint8Array>;

async function readBodyChunk(
  settings: Settings,
  reader: BodyReader,
  signal: AbortSignal,
): Promise<Awaited<ReturnType<BodyReader['read']>>> {
  try {
    return await raceAbort(reader.read(), signal);
  } catch {
    throwIfAborted(signal);
    throw badResponseError(settings, 'closed the connection mid-answer');
  }
}
