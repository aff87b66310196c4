// The `window.deskhand` API over a small ipcRenderer interface. Runs in the preload; pure, so unit-tested.
import type { HostEvent } from '../../src/host/protocol/host-api.js';
import type { DispatchReply } from '../../src/host/host-service.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../ipc/channels.js';

/** The part of Electron's `ipcRenderer` the API uses; the API itself never hands it out. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** What a page sees as `window.deskhand`. */
export interface DeskhandApi {
  /** Calls one API method; resolves to `{ result }` or `{ error: { code, message } }`, never rejects for bad input. */
  invoke(method: string, params?: unknown): Promise<DispatchReply>;
  /** Host events in host order with their sequence number. Returns an unsubscribe function. */
  onEvent(listener: (event: HostEvent, seq: number) => void): () => void;
}

/** Builds the API; `methods` is the set of names a page may call (HOST_METHODS and APP_METHODS). */
export function createDeskhandApi(ipc: IpcRendererLike, methods: ReadonlySet<string>): DeskhandApi {
  return {
    async invoke(method, params) {
      if (typeof method !== 'string' || !methods.has(method)) {
        return { error: { code: 'unknown-method', message: `Unknown method "${String(method)}".` } };
      }
      return (await ipc.invoke(INVOKE_CHANNEL, method, params ?? {})) as DispatchReply;
    },
    onEvent(listener) {
      if (typeof listener !== 'function') throw new TypeError('onEvent takes a function.');
      // The Electron event (and its `sender`, an ipcRenderer) never reaches the page.
      const forward = (_event: unknown, event: unknown, seq: unknown) => listener(event as HostEvent, seq as number);
      ipc.on(EVENT_CHANNEL, forward as (event: unknown, ...args: unknown[]) => void);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(EVENT_CHANNEL, forward as (event: unknown, ...args: unknown[]) => void);
      };
    },
  };
}
