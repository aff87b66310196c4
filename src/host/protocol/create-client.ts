// One typed client of a method table (HOST_METHODS, APP_METHODS) over any JSON message transport: the WebSocket, or
// the preload bridge adapted to messages. Replies are matched by id and validated, events with a stale seq dropped,
// here and nowhere else. Pure.
import type { z } from 'zod';
import {
  HOST_METHODS,
  ServerMessage,
  type HostEvent,
  type HostMethodName,
  type HostParams,
  type HostResult,
} from './host-api.js';
import type { ErrorInfo } from '../../run-protocol/error-info.js';

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

/** Methods by name, each with the schema of its params and of its result. */
export type MethodTable = Record<string, { params: z.ZodType; result: z.ZodType }>;

export interface HostClient {
  call<M extends HostMethodName>(method: M, params: HostParams<M>): Promise<HostResult<M>>;
  /** Events in host order; an event whose seq is not newer than the last one seen is dropped. */
  onEvent(listener: (event: HostEvent, seq: number) => void): () => void;
  dispose(): void;
}

/** A client of any method table; `createHostClient` and the app-methods client give it their types. */
export interface MethodClient {
  call(method: string, params: unknown): Promise<unknown>;
  onEvent(listener: (event: HostEvent, seq: number) => void): () => void;
  dispose(): void;
}

const CLOSED = 'The connection to Deskhand closed.';

export function createMethodClient(methods: MethodTable, transport: HostTransport): MethodClient {
  let nextId = 1;
  let lastSeq = -1;
  let disposed = false;
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; method: string }
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
      const result = methods[call.method]!.result.safeParse(message.result);
      if (result.success) call.resolve(result.data);
      else call.reject(new HostCallError('internal', `Deskhand sent a malformed ${call.method} result.`));
    }
  });

  return {
    call(method, params) {
      if (disposed) return Promise.reject(new HostCallError('internal', CLOSED));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        transport.send({ id, method, params });
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      disposed = true;
      unsubscribe();
      for (const call of pending.values()) call.reject(new HostCallError('internal', CLOSED));
      pending.clear();
      listeners.clear();
    },
  };
}

export function createHostClient(transport: HostTransport): HostClient {
  const client = createMethodClient(HOST_METHODS, transport);
  return { ...client, call: client.call as HostClient['call'] };
}
