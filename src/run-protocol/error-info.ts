// Errors as data: a code and its parameters, so each surface words them itself (the CLI in English with flag
// names, the UI in its own language with field names). Pure: no Node, no DOM.
import { z } from 'zod';

/** The errors and run endings every surface can word; anything else keeps its English message only. */
export const ErrorCode = z.enum([
  /** No connection to the server: refused, unknown host, blocked port. Params: url. */
  'server-unreachable',
  /** Something answers at the URL, but not an OpenAI-compatible model server (no /models list). Params: url. */
  'not-openai-server',
  /** The server does not serve the model asked for. Params: url, model, available (comma-separated ids). */
  'model-not-found',
  /** The chat endpoint answered 404 (wrong path or model). Params: url. */
  'endpoint-not-found',
  /** HTTP 401/403. Params: url, keySent ('yes' or 'no'). */
  'unauthorized',
  /** HTTP 429 after the retries. Params: url. */
  'rate-limited',
  /** HTTP 5xx after the retries, or an error mid-stream. Params: url, status. */
  'server-error',
  /** The server sent nothing for a long time. Params: url, seconds. */
  'server-stalled',
  /** The stream broke the protocol. Params: url. */
  'bad-response',
  /** Another 4xx: the server refused the request. Params: url, status, detail (the server's own words). */
  'request-rejected',
  /** The user stopped the run. */
  'stopped-by-user',
  /** The user declined an action, so the run stopped. Params: action. */
  'action-declined',
  /** The step budget was used up. Params: maxSteps. */
  'step-budget',
  /** The same action on an unchanged screen, several times. Params: repeats. */
  'stuck',
  /** The backend's API key is in an environment variable that is not set. Params: variable. */
  'api-key-missing-env',
  /** The backend's API key should be in the OS keychain, and is not. */
  'api-key-missing-keychain',
  /** The instruction names a {{secret:NAME}} nobody stored. Params: name. */
  'secret-missing',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Never secrets: URLs are redacted (no user:password, no query) before they get here. */
export const ErrorParams = z.record(z.string().max(40), z.union([z.string().max(2000), z.number()]));
export type ErrorParams = z.infer<typeof ErrorParams>;

export const ErrorInfo = z.object({ code: ErrorCode, params: ErrorParams });
export type ErrorInfo = z.infer<typeof ErrorInfo>;

/** Reads an error's info if it has valid one (from any layer), else undefined. */
export function errorInfoOf(error: unknown): ErrorInfo | undefined {
  const info = (error as { info?: unknown } | null)?.info;
  const parsed = ErrorInfo.safeParse(info);
  return parsed.success ? parsed.data : undefined;
}
