// The contract between the transports (WebSocket, Electron IPC, tests) and the agent host. Node only.
import type { HostEvent, HostMethodName, HostResult } from './protocol/host-api.js';
import type { HOST_METHODS } from './protocol/host-api.js';
import type { z } from 'zod';

/** One handler per API method, taking already-validated params. */
export type HostHandlers = {
  [M in HostMethodName]: (params: z.infer<(typeof HOST_METHODS)[M]['params']>) => Promise<HostResult<M>>;
};

/** A reply to one call: exactly what goes back over the wire with the call's id. */
export type DispatchReply = { result: unknown } | { error: { code: string; message: string } };

/** Where the OS keychain (Electron safeStorage) or the environment keeps API keys, by `keyRef`. */
export interface KeyStore {
  get(keyRef: string): Promise<string | undefined>;
  /** A named secret for {{secret:NAME}} placeholders, where the store keeps them (the app's keychain). */
  secret?(name: string): Promise<string | undefined>;
}

/** What every transport binds: validated calls in, events (with a host-wide sequence number) out. */
export interface AgentHost {
  dispatch(method: string, params: unknown): Promise<DispatchReply>;
  /** Returns an unsubscribe function. */
  onEvent(listener: (event: HostEvent, seq: number) => void): () => void;
  /** The file behind a frame reference, or null when the reference is not a frame of a known session. */
  frameFile(sessionId: string, frame: string): Promise<string | null>;
  /** Stops any run and releases everything. */
  dispose(): Promise<void>;
}
