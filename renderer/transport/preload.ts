// The preload bridge (window.deskhand) as a message transport, so the one client of create-client.ts serves the
// Electron app too: each invoke's reply becomes a reply message, each bridge event an event message. Renderer only.
import { createHostClient, type HostClient, type HostTransport } from '../../src/host/protocol/create-client.js';
import type { HostEvent } from '../../src/host/protocol/host-api.js';
import type { DeskhandBridge } from '../global.js';

/** What the transport needs of a bridge; the app methods' bridge has no events. */
export interface InvokeBridge {
  invoke(method: string, params: unknown): Promise<unknown>;
  onEvent?(listener: (event: HostEvent, seq: number) => void): () => void;
}

function isReply(value: unknown): value is { result: unknown } | { error: unknown } {
  return typeof value === 'object' && value !== null && ('result' in value || 'error' in value);
}

export function bridgeTransport(bridge: InvokeBridge): HostTransport {
  const listeners = new Set<(message: unknown) => void>();
  const deliver = (message: unknown) => listeners.forEach((listener) => listener(message));
  let stopEvents: (() => void) | null = null;
  return {
    send(message) {
      const { id, method, params } = message as { id: number; method: string; params: unknown };
      const failed = (text: string) => deliver({ id, error: { code: 'internal', message: text } });
      bridge.invoke(method, params).then(
        (reply) => (isReply(reply) ? deliver({ id, ...reply }) : failed(`Deskhand sent a malformed ${method} reply.`)),
        (error: unknown) => failed(error instanceof Error ? error.message : String(error)),
      );
    },
    onMessage(listener) {
      listeners.add(listener);
      stopEvents ??= bridge.onEvent?.((event, seq) => deliver({ event, seq })) ?? null;
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        stopEvents?.();
        stopEvents = null;
      };
    },
  };
}

/** The AgentHost API over the preload bridge: the same HostClient as over the WebSocket. */
export function createPreloadClient(bridge: DeskhandBridge): HostClient {
  return createHostClient(bridgeTransport(bridge as unknown as InvokeBridge));
}
