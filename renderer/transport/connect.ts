// Picks the transport: the preload bridge inside Electron, else a WebSocket to `deskhand serve`. Renderer only.
import { createHostClient, type HostClient } from '../../src/host/protocol/create-client.js';
import { createPreloadClient } from './preload.js';
import { createWebSocketTransport, type ConnectionStatus } from './websocket.js';

/** The client plus what the connection banner needs. */
export interface HostConnection {
  client: HostClient;
  mode: 'electron' | 'browser';
  status(): ConnectionStatus;
  /** Returns an unsubscribe function. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
}

/** `describeDisconnect` gives the (translated) message for a call that could not reach the host. */
export function connectHost(describeDisconnect: () => string): HostConnection {
  const bridge = window.deskhand;
  if (bridge) {
    return { client: createPreloadClient(bridge), mode: 'electron', status: () => 'open', onStatus: () => () => {} };
  }
  const transport = createWebSocketTransport(describeDisconnect);
  const client = createHostClient(transport);
  return {
    client,
    mode: 'browser',
    status: () => transport.status,
    onStatus: (listener) => transport.onStatus(listener),
  };
}
