// The contract between the transports (WebSocket, Electron IPC, tests) and the agent host. Node only.
import type { HostEvent, HostMethodName, HostResult } from './protocol/host-api.js';
import type { ErrorInfo } from '../run-protocol/error-info.js';
import type { HOST_METHODS } from './protocol/host-api.js';
import type { SessionExportFormat, SessionImportReply } from './protocol/session-transfer.js';
import type { SessionExportFile } from './session-transfer.js';
import type { z } from 'zod';

/** One handler per API method, taking already-validated params. */
export type HostHandlers = {
  [M in HostMethodName]: (params: z.infer<(typeof HOST_METHODS)[M]['params']>) => Promise<HostResult<M>>;
};

/** A reply to one call: exactly what goes back over the wire with the call's id. */
export type DispatchReply = { result: unknown } | { error: { code: string; message: string; info?: ErrorInfo } };

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
  /** A session written as `sessions export` would into a temp file (dispose it once sent); null: no such session. */
  exportFile(sessionId: string, format: SessionExportFormat): Promise<SessionExportFile | null>;
  /**
   * Imports an uploaded session archive from the temp file both upload paths stream it into, checked as `sessions
   * import` checks a file; nothing changes when it fails.
   */
  importArchiveFile(path: string): Promise<SessionImportReply>;
  /** Stops any run and releases everything. */
  dispose(): Promise<void>;
}
