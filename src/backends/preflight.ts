// Checks a served backend before a run or a locate starts: the server answers, it is an OpenAI-compatible model
// server, and it knows the model (or names the one it serves). Failures are setup errors: nothing is recorded. Node.
import { z } from 'zod';
import { BackendError } from './chat-backend.js';
import { authorizationOf, basicAuthOf } from './openai.js';
import { serverDetail, statusError, unreachableError, withoutUrlSecrets, type ServerContext } from './openai-errors.js';
import { endpointUrl, redactUrl } from '../url-secrets.js';

/** Used when neither the user nor the server's /models names the model. */
export const FALLBACK_MODEL = 'glm-4.1v-9b-thinking';

const DEFAULT_TIMEOUT_MS = 5000;
const SHOWN_MODELS = 20;
const ModelList = z.object({ data: z.array(z.object({ id: z.string() })) });

export interface PreflightRequest {
  /** The server's API root as the user gave it (may hold a user:password or a query key). */
  baseUrl: string;
  /** The model the user asked for; empty or absent: the server's own. */
  model?: string;
  apiKey?: string;
  timeoutMs?: number;
}

export interface PreflightResult {
  /** The model id to request. */
  model: string;
  /** The name the user gave, when the server serves one other model and that one is used instead. */
  replaced: string | null;
}

/** GET {baseUrl}/models with a short timeout; throws a BackendError (with code and params) when the run cannot work. */
export async function preflightServer(request: PreflightRequest): Promise<PreflightResult> {
  const raw = request.baseUrl.replace(/\/+$/, '');
  const context: ServerContext = { baseUrl: redactUrl(raw), url: `${redactUrl(raw)}/models`, apiKey: request.apiKey };
  const wanted = request.model || undefined;
  try {
    const response = await fetchModels(raw, request);
    const body = await response.text();
    if (response.status === 401 || response.status === 403 || response.status >= 500) {
      throw statusError(context, response.status, body, 0);
    }
    const listed = response.ok ? ModelList.safeParse(parseJson(body)) : null;
    if (listed?.success)
      return chooseModel(
        context,
        wanted,
        listed.data.data.map((entry) => entry.id),
      );
    // Some hosted APIs have no /models; their JSON error still shows an API answered, so the run goes ahead.
    if (response.status === 404 && parseJson(body) !== undefined)
      return { model: wanted ?? FALLBACK_MODEL, replaced: null };
    throw notModelServerError(context, response.status, body);
  } catch (error) {
    throw withoutUrlSecrets(error instanceof BackendError ? error : unreachableError(context, error), raw);
  }
}

function fetchModels(raw: string, request: PreflightRequest): Promise<Response> {
  // An empty key sends no Bearer header here.
  const authorization = authorizationOf(basicAuthOf(raw), request.apiKey || undefined);
  return fetch(endpointUrl(raw, 'models'), {
    headers: authorization === null ? {} : { authorization },
    signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
}

function chooseModel(context: ServerContext, wanted: string | undefined, ids: string[]): PreflightResult {
  if (wanted !== undefined && ids.includes(wanted)) return { model: wanted, replaced: null };
  if (ids.length === 1) return { model: ids[0]!, replaced: wanted ?? null };
  if (wanted === undefined) return { model: ids[0] ?? FALLBACK_MODEL, replaced: null };
  const available = ids.slice(0, SHOWN_MODELS).join(', ') + (ids.length > SHOWN_MODELS ? ', …' : '');
  throw new BackendError(
    'not-found',
    `The model server at ${context.baseUrl} does not serve the model "${wanted}"; it serves: ${available || 'no models'}. ` +
      'Check --model.',
    { code: 'model-not-found', params: { url: context.baseUrl, model: wanted, available } },
  );
}

function notModelServerError(context: ServerContext, status: number, body: string): BackendError {
  const looksLikeHtml = /^\s*<(!doctype|html|head|body)/i.test(body);
  const answered = looksLikeHtml
    ? `HTTP ${status} with a web page`
    : `HTTP ${status}: "${serverDetail(body, context.apiKey)}"`;
  return new BackendError(
    'config',
    `${context.baseUrl} is not an OpenAI-compatible model server: GET ${context.url} answered ${answered}. ` +
      'Check --base-url (it usually ends in /v1, e.g. http://127.0.0.1:8000/v1).',
    { code: 'not-openai-server', params: { url: context.baseUrl } },
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
