// Binds the AgentHost to Electron IPC: one invoke channel, one event channel, a sender check. Electron main process.
import { APP_METHODS, isAppMethod, type AppMethodHandlers } from '../../src/host/protocol/app-methods.js';
import { HOST_METHODS, type HostErrorCode } from '../../src/host/protocol/host-api.js';
import { checkCall, dispatchMethod, type FailurePolicy } from '../../src/host/dispatcher.js';
import type { AgentHost, DispatchReply } from '../../src/host/host-service.js';
import { APP_HOST, APP_SCHEME } from '../protocol/app-protocol.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels.js';

/** The part of a WebContents the binding touches. */
export interface WebContentsLike {
  readonly id: number;
  getURL(): string;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** The part of an IpcMainInvokeEvent the binding reads: who sent it, and from which frame. */
export interface InvokeEventLike {
  sender: WebContentsLike;
  senderFrame: { url: string; parent: unknown } | null;
}

/** The part of Electron's `ipcMain` the binding uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<DispatchReply>): void;
  removeHandler(channel: string): void;
}

/** A main-only method failure whose message is safe to show (no key, no stack). */
export class MainMethodError extends Error {
  override readonly name = 'MainMethodError';
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The windows we created and that may call the API and receive its events. */
export class WindowRegistry {
  private readonly windows = new Map<number, WebContentsLike>();

  /** Returns a function that forgets the window again (call it on 'closed'). */
  add(contents: WebContentsLike): () => void {
    this.windows.set(contents.id, contents);
    return () => this.windows.delete(contents.id);
  }

  has(contents: WebContentsLike): boolean {
    return this.windows.get(contents.id) === contents;
  }

  all(): WebContentsLike[] {
    return [...this.windows.values()];
  }
}

/** Whether a call may be served: it comes from the main frame of a window we created, showing our app:// origin. */
export function isTrustedSender(frameUrl: string, isMainFrame: boolean, knownWindow: boolean): boolean {
  if (!isMainFrame || !knownWindow) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host.toLowerCase() === APP_HOST;
  } catch {
    return false;
  }
}

function refusal(code: HostErrorCode, message: string): DispatchReply {
  return { error: { code, message } };
}

/** Main-only failures: MainMethodError is shown; anything else is reported without its text (it may hold a key). */
const MAIN_FAILURES: FailurePolicy = {
  shown: (error) => (error instanceof MainMethodError ? { code: error.code, message: error.message } : null),
  hidden: (method) => `${method} failed.`,
};

export interface BindIpcOptions {
  ipcMain: IpcMainLike;
  host: Pick<AgentHost, 'dispatch' | 'onEvent'>;
  windows: WindowRegistry;
  mainMethods: AppMethodHandlers;
}

/**
 * Serves INVOKE_CHANNEL and forwards host events on EVENT_CHANNEL to every trusted window. Unknown methods,
 * untrusted senders and params that fail the method's schema are answered with an error and reach nothing.
 * Returns a function that unbinds both directions.
 */
export function bindIpc(options: BindIpcOptions): () => void {
  const { ipcMain, host, windows, mainMethods } = options;
  ipcMain.handle(INVOKE_CHANNEL, async (event, method, params) => {
    const frame = event.senderFrame;
    const trusted = frame !== null && isTrustedSender(frame.url, frame.parent === null, windows.has(event.sender));
    if (!trusted) return refusal('internal', 'This page may not call Deskhand.');
    if (typeof method !== 'string') return refusal('unknown-method', 'A method name is a string.');
    if (isAppMethod(method)) return dispatchMethod(APP_METHODS, mainMethods, MAIN_FAILURES, method, params);
    // The same check as the host's: refused calls never reach the host, which a WebSocket client reaches directly.
    const call = checkCall(HOST_METHODS, method, params);
    if ('refusal' in call) return call.refusal;
    return host.dispatch(method, params ?? {});
  });
  const unsubscribe = host.onEvent((event, seq) => {
    for (const contents of windows.all()) {
      if (contents.isDestroyed() || !isTrustedSender(contents.getURL(), true, true)) continue;
      contents.send(EVENT_CHANNEL, event, seq);
    }
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
