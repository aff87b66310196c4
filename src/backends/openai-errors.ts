// Turns failures of an OpenAI-compatible server into BackendErrors that tell the user what to fix. Node.
import { BackendError } from './chat-backend.js';
import { scrubUrlSecrets } from '../url-secrets.js';
import type { ErrorCode, ErrorParams } from '../run-protocol/error-info.js';

/** Where a request went; `apiKey` is only used to scrub it out of anything quoted from the server. */
export interface ServerContext {
  baseUrl: string;
  url: string;
  apiKey?: string;
}

const MAX_DETAIL_CHARS = 200;

/** A fetch that failed before any response: refused, unknown host, blocked port… */
export function unreachableError(context: ServerContext, error: unknown): BackendError {
  return new BackendError(
    'unreachable',
    `Cannot reach the model server at ${context.baseUrl} (${describeNetworkError(error)}). ` +
      'Is the server running? Check --base-url.',
    info('server-unreachable', { url: context.baseUrl }),
  );
}

/** A non-2xx answer that will not be retried (any more). `retries` is how many retries were already spent. */
export function statusError(context: ServerContext, status: number, body: string, retries: number): BackendError {
  const detail = serverDetail(body, context.apiKey);
  const quoted = detail === '' ? '' : `: "${detail}"`;
  const where = `The model server at ${context.baseUrl}`;
  const after = retries > 0 ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
  if (status === 404) {
    return new BackendError(
      'not-found',
      `${where} answered 404 Not Found for POST ${context.url}${quoted}. ` +
        'The base URL must end in /v1 (e.g. http://host:8000/v1); also check --model.',
      info('endpoint-not-found', { url: context.baseUrl }),
    );
  }
  if (status === 401 || status === 403) {
    const problem = context.apiKey === undefined ? 'requires an API key and none was sent' : 'rejected the API key';
    return new BackendError(
      'unauthorized',
      `${where} ${problem} (HTTP ${status})${quoted}; set it in the environment variable named by --api-key-env.`,
      info('unauthorized', { url: context.baseUrl, keySent: context.apiKey === undefined ? 'no' : 'yes' }),
    );
  }
  if (status === 429) {
    return new BackendError(
      'rate-limited',
      `${where} is rate-limiting requests (HTTP 429)${after}${quoted}. Wait and retry.`,
      info('rate-limited', { url: context.baseUrl }),
    );
  }
  if (status >= 500) {
    return new BackendError(
      'server-error',
      `${where} failed with HTTP ${status}${after}${quoted}. Check the server's log.`,
      info('server-error', { url: context.baseUrl, status }),
    );
  }
  return new BackendError(
    'config',
    `${where} rejected the request (HTTP ${status})${quoted}. Check --model and the server's limits ` +
      '(context length, max tokens, images per prompt).',
    info('request-rejected', { url: context.baseUrl, status, detail }),
  );
}

/** The server sent nothing for `idleMs`: hung or overloaded; the step fails rather than wait for ever. */
export function stalledError(context: ServerContext, idleMs: number): BackendError {
  return new BackendError(
    'server-error',
    `The model server at ${context.baseUrl} sent nothing for ${Math.round(idleMs / 1000)} s, so the step was given up. ` +
      'Is it overloaded or hung?',
    info('server-stalled', { url: context.baseUrl, seconds: Math.round(idleMs / 1000) }),
  );
}

/** A stream whose content broke the protocol; `what` is a short description that never quotes the raw body. */
export function badResponseError(context: ServerContext, what: string): BackendError {
  return new BackendError(
    'bad-response',
    `The model server at ${context.baseUrl} ${what}.`,
    info('bad-response', { url: context.baseUrl }),
  );
}

function info(code: ErrorCode, params: ErrorParams) {
  return { code, params };
}

/** The error with the URL's secrets taken out of its message and of every string parameter. */
export function withoutUrlSecrets(error: BackendError, rawBaseUrl: string): BackendError {
  const scrub = (text: string) => scrubUrlSecrets(text, rawBaseUrl);
  const info = error.info && {
    code: error.info.code,
    params: Object.fromEntries(
      Object.entries(error.info.params).map(([key, value]) => [key, typeof value === 'string' ? scrub(value) : value]),
    ),
  };
  return new BackendError(error.code, scrub(error.message), info);
}

/** True when a 400 body looks like a complaint about a request field the server does not know. */
export function isUnknownParameterComplaint(body: string): boolean {
  if (/skip_special_tokens/i.test(body)) return true;
  return (
    /(unknown|unrecognized|unexpected|unsupported|not permitted|not allowed|extra)/i.test(body) &&
    /(param|argument|field|input|key|property)/i.test(body)
  );
}

/** The server's own error message (from the usual JSON shapes, else the text), trimmed, short and key-free. */
export function serverDetail(body: string, apiKey?: string): string {
  let text = body.trim();
  try {
    text = messageFromJson(JSON.parse(text)) ?? text;
  } catch {
    // Not JSON: quote the text itself.
  }
  text = text.replace(/\s+/g, ' ').trim();
  if (apiKey !== undefined && apiKey !== '') text = text.split(apiKey).join('***');
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS)}…` : text;
}

function messageFromJson(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const error = record['error'];
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const message = (error as Record<string, unknown>)['message'];
    if (typeof message === 'string') return message;
  }
  for (const key of ['message', 'detail']) {
    if (typeof record[key] === 'string') return record[key];
  }
  return undefined;
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'connection timed out';
  if (cause?.message === 'bad port') return 'fetch refuses this port; pick another one';
  if (code === 'ERR_INVALID_URL') return 'not a valid URL';
  const message = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : '';
  return message === '' ? 'network error' : message;
}
