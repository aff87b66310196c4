// The app-only methods (keychain.*, permissions.*) over the preload bridge. Only inside the Electron app: in browser
// mode (`deskhand serve`) there is no bridge and `appMethods()` is null. Renderer only.
import {
  APP_METHODS,
  type AppMethodName,
  type AppParams,
  type AppResult,
} from '../../src/host/protocol/app-methods.js';
import { HostCallError } from '../../src/host/protocol/create-client.js';

/** What the app methods need of `window.deskhand`: the preload accepts APP_METHODS on the same `invoke`. */
export interface AppBridge {
  invoke(method: string, params: unknown): Promise<unknown>;
}

export interface AppMethodsClient {
  /** Resolves to the validated result; rejects with a HostCallError carrying the main process's code and message. */
  call<M extends AppMethodName>(method: M, params: AppParams<M>): Promise<AppResult<M>>;
}

type Reply = { result: unknown } | { error: { code: string; message: string } };

function isReply(value: unknown): value is Reply {
  if (typeof value !== 'object' || value === null) return false;
  if ('result' in value) return true;
  if (!('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

export function createAppMethodsClient(bridge: AppBridge): AppMethodsClient {
  return {
    async call(method, params) {
      const reply = await bridge.invoke(method, params);
      if (!isReply(reply)) throw new HostCallError('internal', `Deskhand sent a malformed ${method} reply.`);
      if ('error' in reply) throw new HostCallError(reply.error.code, reply.error.message);
      const result = APP_METHODS[method].result.safeParse(reply.result);
      if (!result.success) throw new HostCallError('internal', `Deskhand sent a malformed ${method} result.`);
      return result.data as AppResult<typeof method>;
    },
  };
}

let client: AppMethodsClient | null | undefined;

/** The app-methods client inside the Electron app (window.deskhand present), else null. */
export function appMethods(): AppMethodsClient | null {
  if (client === undefined) {
    const bridge = typeof window === 'undefined' ? undefined : window.deskhand;
    client = bridge ? createAppMethodsClient(bridge as unknown as AppBridge) : null;
  }
  return client;
}
