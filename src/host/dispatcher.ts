// One dispatcher for any method table: the host's API (HOST_METHODS) and the app's main-only methods (APP_METHODS).
// It checks the method name and params against the table, runs the handler and turns failures into replies; bad
// input changes nothing. Node only.
import type { z } from 'zod';
import { HOST_METHODS, type HostErrorCode } from './protocol/host-api.js';
import type { ErrorInfo } from '../run-protocol/error-info.js';
import type { DispatchReply, HostHandlers } from './host-service.js';
import { RunSetupError } from '../run-setup/open-run.js';

/** A failure a handler reports on purpose, with a code from the closed set and a message that says what to do. */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly code: HostErrorCode,
    message: string,
    /** What went wrong as code and params, so the UI can word it in its language (absent: message only). */
    readonly info?: ErrorInfo,
  ) {
    super(message);
  }
}

type MethodTable = Record<string, { params: z.ZodType }>;
type Handlers<T extends MethodTable> = { [M in keyof T]: (params: never) => Promise<unknown> };

/** How a table's failures are told: which errors carry a code and a message fit to show, what the rest say. */
export interface FailurePolicy {
  shown(error: unknown): { code: HostErrorCode; message: string; info?: ErrorInfo } | null;
  hidden(method: string, error: unknown): string;
}

/** The method and its parsed params, or the reply that refuses them (unknown method, invalid params). */
export function checkCall<T extends MethodTable>(
  methods: T,
  method: string,
  params: unknown,
): { method: keyof T & string; params: unknown } | { refusal: DispatchReply } {
  if (!Object.hasOwn(methods, method)) {
    return { refusal: { error: { code: 'unknown-method', message: `Unknown method "${method}".` } } };
  }
  const parsed = methods[method]!.params.safeParse(params ?? {});
  if (parsed.success) return { method, params: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
  const message = `Invalid ${method} params${where}: ${issue?.message ?? 'rejected'}`;
  return { refusal: { error: { code: 'invalid-params', message } } };
}

/** Runs `method` with `params` if both are valid; never throws, never sends a stack trace. */
export async function dispatchMethod<T extends MethodTable>(
  methods: T,
  handlers: Handlers<T>,
  failures: FailurePolicy,
  method: string,
  params: unknown,
): Promise<DispatchReply> {
  const call = checkCall(methods, method, params);
  if ('refusal' in call) return call.refusal;
  try {
    const handler = handlers[call.method] as (params: unknown) => Promise<unknown>;
    return { result: await handler(call.params) };
  } catch (error) {
    const shown = failures.shown(error);
    return { error: shown ?? { code: 'internal', message: failures.hidden(call.method, error) } };
  }
}

/** The host's failures: HostError and RunSetupError ('config') are shown; others say what failed and why. */
const HOST_FAILURES: FailurePolicy = {
  shown(error) {
    if (error instanceof HostError) {
      return { code: error.code, message: error.message, ...(error.info ? { info: error.info } : {}) };
    }
    if (error instanceof RunSetupError) {
      return { code: 'config', message: error.message, ...(error.info ? { info: error.info } : {}) };
    }
    return null;
  },
  hidden: (method, error) => `${method} failed: ${error instanceof Error ? error.message : String(error)}`,
};

/** The host API's dispatcher. */
export function dispatchCall(handlers: HostHandlers, method: string, params: unknown): Promise<DispatchReply> {
  return dispatchMethod(HOST_METHODS, handlers, HOST_FAILURES, method, params);
}
