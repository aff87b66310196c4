// The app-only methods (keychain.*, permissions.*) over the preload bridge. Only inside the Electron app: in browser
// mode (`deskhand serve`) there is no bridge and `appMethods()` is null. Renderer only.
import {
  APP_METHODS,
  type AppMethodName,
  type AppParams,
  type AppResult,
} from '../../src/host/protocol/app-methods.js';
import { createMethodClient } from '../../src/host/protocol/create-client.js';
import { bridgeTransport } from './preload.js';

/** What the app methods need of `window.deskhand`: the preload accepts APP_METHODS on the same `invoke`. */
export interface AppBridge {
  invoke(method: string, params: unknown): Promise<unknown>;
}

export interface AppMethodsClient {
  /** Resolves to the validated result; rejects with a HostCallError carrying the main process's code and message. */
  call<M extends AppMethodName>(method: M, params: AppParams<M>): Promise<AppResult<M>>;
}

export function createAppMethodsClient(bridge: AppBridge): AppMethodsClient {
  const client = createMethodClient(APP_METHODS, bridgeTransport(bridge));
  return { call: client.call as AppMethodsClient['call'] };
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
