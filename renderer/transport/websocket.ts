// The AgentHost API over a WebSocket to `deskhand serve` (browser mode), reconnecting with backoff. Renderer only.
import type { HostTransport } from '../../src/host/protocol/create-client.js';
import { apiUrl, reconnectDelayMs } from './reconnect-policy.js';

/** Whether the page can reach the host right now. */
export type ConnectionStatus = 'connecting' | 'open' | 'closed';

/** A HostTransport that also reports its connection status. */
export interface StatusTransport extends HostTransport {
  readonly status: ConnectionStatus;
  /** Returns an unsubscribe function. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  close(): void;
}

interface Outgoing {
  id: number;
}

/**
 * Opens `ws://<host>/api?token=T` and keeps it open. Calls that cannot be answered (sent while disconnected, or
 * in flight when the socket drops) get an error reply with `describeDisconnect()`, so no call hangs. Event
 * sequence numbers are renumbered per connection so they keep increasing when a restarted host counts from 0.
 */
export function createWebSocketTransport(
  describeDisconnect: () => string,
  url = apiUrl(window.location),
): StatusTransport {
  const messageListeners = new Set<(message: unknown) => void>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  const inFlight = new Set<number>();
  let socket: WebSocket | null = null;
  let status: ConnectionStatus = 'connecting';
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closedByUs = false;
  let lastSeq = -1;
  let seqOffset = 0;

  const deliver = (message: unknown) => messageListeners.forEach((listener) => listener(message));
  const failCall = (id: number) => deliver({ id, error: { code: 'internal', message: describeDisconnect() } });
  const setStatus = (next: ConnectionStatus) => {
    if (next === status) return;
    status = next;
    statusListeners.forEach((listener) => listener(next));
  };

  const receive = (data: unknown) => {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const record = message as Record<string, unknown>;
    if (typeof record.id === 'number') inFlight.delete(record.id);
    if (typeof record.seq === 'number') {
      lastSeq = seqOffset + record.seq;
      deliver({ ...record, seq: lastSeq });
      return;
    }
    deliver(message);
  };

  const open = () => {
    setStatus('connecting');
    const next = new WebSocket(url);
    socket = next;
    next.onopen = () => {
      attempt = 0;
      seqOffset = lastSeq + 1;
      setStatus('open');
    };
    next.onmessage = (event) => receive(event.data);
    next.onclose = () => {
      if (socket !== next) return;
      socket = null;
      for (const id of inFlight) failCall(id);
      inFlight.clear();
      setStatus('closed');
      if (closedByUs) return;
      retryTimer = setTimeout(open, reconnectDelayMs(attempt++));
    };
  };

  open();

  return {
    get status() {
      return status;
    },
    send(message) {
      const id = (message as Outgoing).id;
      if (!socket || socket.readyState !== WebSocket.OPEN) {
        queueMicrotask(() => failCall(id));
        return;
      }
      inFlight.add(id);
      socket.send(JSON.stringify(message));
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close() {
      closedByUs = true;
      clearTimeout(retryTimer);
      socket?.close();
    },
  };
}
