// A typed client of the AgentHost API over any JSON message transport (preload bridge, WebSocket). Pure.
import {
  HOST_METHODS,
  ServerMessage,
  type HostEvent,
  type HostMethodName,
  type HostParams,
  type HostResult,
} from './host-api.js';
import type { ErrorInfo } from './error-info.js';

/** What a transport must offer: send one message, and deliver each message that arrives. */
export interface HostTransport {
  send(message: unknown): void;
  /** Returns an unsubscribe function. */
  onMessage(listener: (message: unknown) => void): () => void;
}

export class HostCallError extends Error {
  override readonly name = 'HostCallError';
  constructor(
    readonly code: string,
    message: string,
    /** The error as code and params, when the host knows them (the UI words these itself). */
    readonly info?: ErrorInfo,
  ) {
    super(message);
  }
}

export interface HostClient {
  call<M extends HostMethodName>(method: M, params: HostParams<M>): Promise<HostResult<M>>;
  /** Events in host order; an event whose seq is not newer than the last one seen is dropped. */
  onEvent(listener: (event: HostEvent, seq: number) => void): () => void;
  dispose(): void;
}

export function createHostClient(transport: HostTransport): HostClient {
  let nextId = 1;
  let lastSeq = -1;
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; method: HostMethodName }
  >();
  const listeners = new Set<(event: HostEvent, seq: number) => void>();

  const unsubscribe = transport.onMessage((raw) => {
    const parsed = ServerMessage.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if ('event' in message) {
      if (message.seq <= lastSeq) return;
      lastSeq = message.seq;
      for (const listener of listeners) listener(message.event, message.seq);
      return;
    }
    const call = message.id === null ? undefined : pending.get(message.id);
    if (!call || message.id === null) return;
    pending.delete(message.id);
    if ('error' in message) {
      call.reject(new HostCallError(message.error.code, message.error.message, message.error.info));
    } else {
      const result = HOST_METHODS[call.method].result.safeParse(message.result);
      if (result.success) call.resolve(result.data);
      else call.reject(new HostCallError('internal', `The host sent a malformed ${call.method} result.`));
    }
  });

  return {
    call(method, params) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
        transport.send({ id, method, params });
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribe();
      for (const call of pending.values())
        call.reject(new HostCallError('internal', 'The connection to Deskhand closed.'));
      pending.clear();
      listeners.clear();
    },
  };
}
