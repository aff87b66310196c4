import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../../main/ipc/channels.js';
import { createDeskhandApi, type IpcRendererLike } from '../../../../main/preload/deskhand-api.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke: async (...args) => (invoked.push(args), { result: { ok: true } }),
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (...args: unknown[]) =>
    listeners.get(EVENT_CHANNEL)?.forEach((listener) => listener({ sender: 'ipcRenderer' }, ...args));
  return { ipc, invoked, listeners, emit };
}

describe('createDeskhandApi', () => {
  it('sends allowed methods on the one invoke channel, with {} for missing params', async () => {
    const { ipc, invoked } = fakeIpc();
    const api = createDeskhandApi(ipc, new Set(['run.stop', 'settings.get']));
    expect(await api.invoke('run.stop', { runId: 'r' })).toEqual({ result: { ok: true } });
    await api.invoke('settings.get');
    expect(invoked).toEqual([
      [INVOKE_CHANNEL, 'run.stop', { runId: 'r' }],
      [INVOKE_CHANNEL, 'settings.get', {}],
    ]);
  });

  it('answers unknown or non-string methods itself, without touching IPC', async () => {
    const { ipc, invoked } = fakeIpc();
    const api = createDeskhandApi(ipc, new Set(['run.stop']));
    const replies = await Promise.all([api.invoke('ipc.send', {}), api.invoke(42 as unknown as string)]);
    expect(replies).toEqual([
      { error: { code: 'unknown-method', message: 'Unknown method "ipc.send".' } },
      { error: { code: 'unknown-method', message: 'Unknown method "42".' } },
    ]);
    expect(invoked).toEqual([]);
  });

  it('delivers events without the Electron event, and stops after unsubscribe', () => {
    const { ipc, listeners, emit } = fakeIpc();
    const api = createDeskhandApi(ipc, new Set());
    const seen: unknown[][] = [];
    const unsubscribe = api.onEvent((...args) => void seen.push(args));
    emit({ type: 'error', message: 'x' }, 3);
    unsubscribe();
    unsubscribe();
    emit({ type: 'error', message: 'y' }, 4);
    expect(seen).toEqual([[{ type: 'error', message: 'x' }, 3]]);
    expect(listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });
});
