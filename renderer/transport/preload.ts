// The AgentHost API over the Electron preload bridge (window.deskhand), as the same HostClient. Renderer only.
import { HostCallError, type HostClient } from '../../src/host/protocol/create-client.js';
import { HOST_METHODS, HostEvent } from '../../src/host/protocol/host-api.js';
import { ErrorInfo } from '../../src/host/protocol/error-info.js';
import type { DeskhandBridge } from '../global.js';

/** A HostClient that calls through `bridge.invoke` and drops events whose seq is not newer. */
export function createPreloadClient(bridge: DeskhandBridge): HostClient {
  const listeners = new Set<(event: HostEvent, seq: number) => void>();
  let lastSeq = -1;
  let disposed = false;

  const unsubscribe = bridge.onEvent((raw, seq) => {
    const parsed = HostEvent.safeParse(raw);
    if (!parsed.success || seq <= lastSeq) return;
    lastSeq = seq;
    for (const listener of listeners) listener(parsed.data, seq);
  });

  return {
    async call(method, params) {
      if (disposed) throw new HostCallError('internal', 'The connection to Deskhand closed.');
      const reply = await bridge.invoke(method, params);
      if ('error' in reply) {
        const info = ErrorInfo.safeParse((reply.error as { info?: unknown }).info);
        throw new HostCallError(reply.error.code, reply.error.message, info.success ? info.data : undefined);
      }
      const result = HOST_METHODS[method].result.safeParse(reply.result);
      if (!result.success) throw new HostCallError('internal', `The host sent a malformed ${method} result.`);
      return result.data as typeof reply.result;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      unsubscribe();
      listeners.clear();
    },
  };
}
