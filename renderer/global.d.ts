// Types of what the Electron preload exposes on window (main/preload/index.ts). Renderer only.
import type {
  HostErrorCode,
  HostEvent,
  HostMethodName,
  HostParams,
  HostResult,
} from '../src/host/protocol/host-api.js';

/** The reply to one call over the preload bridge: the same shapes the WebSocket binding sends. */
export type BridgeReply<M extends HostMethodName> =
  { result: HostResult<M> } | { error: { code: HostErrorCode; message: string } };

/** `window.deskhand`: the AgentHost API over Electron IPC; nothing else of Electron reaches the page. */
export interface DeskhandBridge {
  /** Calls one method of HOST_METHODS; the main process validates the params. */
  invoke<M extends HostMethodName>(method: M, params: HostParams<M>): Promise<BridgeReply<M>>;
  /** Host events with their host-wide sequence number. Returns an unsubscribe function. */
  onEvent(listener: (event: HostEvent, seq: number) => void): () => void;
}

declare global {
  interface Window {
    /** Present only inside the Electron app. */
    deskhand?: DeskhandBridge;
  }
}
