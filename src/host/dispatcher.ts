// Validates one incoming call against the API table and runs its handler; bad input changes nothing. Node only.
import { HOST_METHODS, type HostErrorCode, type HostMethodName } from './protocol/host-api.js';
import type { DispatchReply, HostHandlers } from './host-service.js';
import { RunSetupError } from '../run-setup/open-run.js';

/** A failure a handler reports on purpose, with a code from the closed set and a message that says what to do. */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function isMethodName(method: string): method is HostMethodName {
  return Object.hasOwn(HOST_METHODS, method);
}

/** Runs `method` with `params` if both are valid; never throws, never sends a stack trace. */
export async function dispatchCall(handlers: HostHandlers, method: string, params: unknown): Promise<DispatchReply> {
  if (!isMethodName(method)) return { error: { code: 'unknown-method', message: `Unknown method "${method}".` } };
  const parsed = HOST_METHODS[method].params.safeParse(params ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return {
      error: { code: 'invalid-params', message: `Invalid ${method} params${where}: ${issue?.message ?? 'rejected'}` },
    };
  }
  try {
    const handler = handlers[method] as (params: unknown) => Promise<unknown>;
    return { result: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof HostError) return { error: { code: error.code, message: error.message } };
    if (error instanceof RunSetupError) return { error: { code: 'config', message: error.message } };
    return {
      error: {
        code: 'internal',
        message: `${method} failed: ${error instanceof Error ? error.message : String(error)}`,
      },
    };
  }
}
