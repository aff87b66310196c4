import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../../../src/host/protocol/host-api.js';
import type { DispatchReply } from '../../../../src/host/host-service.js';
import {
  bindIpc,
  isTrustedSender,
  MainMethodError,
  WindowRegistry,
  type InvokeEventLike,
  type WebContentsLike,
} from '../../../../main/ipc/bind-ipc.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../../main/ipc/channels.js';
import { HOST_METHODS } from '../../../../src/host/protocol/host-api.js';
import { APP_METHODS, type AppMethodHandlers } from '../../../../src/host/protocol/app-methods.js';

describe('isTrustedSender', () => {
  it('trusts only the main frame of a window we created that shows our app:// origin', () => {
    const cases: [string, boolean, boolean][] = [
      ['app://deskhand/index.html', true, true],
      ['app://deskhand/overlay/widget.html#x', true, true],
      ['app://deskhand/index.html', false, true],
      ['app://deskhand/index.html', true, false],
      ['app://evil/index.html', true, true],
      ['https://deskhand/index.html', true, true],
      ['file:///app/dist/renderer/index.html', true, true],
      ['about:blank', true, true],
      ['', true, true],
    ];
    expect(cases.map((args) => isTrustedSender(...args))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

function contents(id: number, url = 'app://deskhand/index.html') {
  const sent: unknown[][] = [];
  const fake: WebContentsLike & { sent: unknown[][]; destroyed: boolean } = {
    id,
    sent,
    destroyed: false,
    getURL: () => url,
    isDestroyed: () => fake.destroyed,
    send: (channel, ...args) => void sent.push([channel, ...args]),
  };
  return fake;
}

/** An ipcMain, a host and app-only handlers that record what reaches them. */
function harness() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<DispatchReply>>();
  const dispatched: [string, unknown][] = [];
  const listeners = new Set<(event: HostEvent, seq: number) => void>();
  const keychain: string[] = [];
  const mainMethods = {
    'permissions.status': async () => ({ platform: 'linux', accessibility: 'not-needed', screen: 'not-needed' }),
    'permissions.open': async () => ({ ok: true }),
    'keychain.set': async ({ id }: { id: string }) => (keychain.push(id), { keyRef: `keychain:${id}` }),
    'keychain.delete': async () => {
      throw new MainMethodError('config', 'No keychain on this system.');
    },
    'keychain.has': async () => {
      throw new Error('disk said /home/me/secret');
    },
    'secrets.set': async () => ({ ok: true }),
    'secrets.delete': async () => ({ ok: true }),
    'secrets.list': async () => ({ names: [] }),
  } as AppMethodHandlers;
  const windows = new WindowRegistry();
  const unbind = bindIpc({
    ipcMain: {
      handle: (channel, listener) => void handlers.set(channel, listener),
      removeHandler: (channel) => void handlers.delete(channel),
    },
    host: {
      dispatch: async (method, params) => (dispatched.push([method, params]), { result: { ok: true } }),
      onEvent: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    },
    windows,
    mainMethods,
  });
  const main = contents(1);
  windows.add(main);
  const invoke = (args: unknown[], sender: WebContentsLike = main, frame: InvokeEventLike['senderFrame'] = null) =>
    handlers.get(INVOKE_CHANNEL)!({ sender, senderFrame: frame ?? { url: sender.getURL(), parent: null } }, ...args);
  const emit = (event: HostEvent, seq: number) => listeners.forEach((listener) => listener(event, seq));
  return { handlers, dispatched, listeners, keychain, windows, main, invoke, emit, unbind };
}

describe('bindIpc', () => {
  it('forwards a valid call from a trusted window to the host and returns its reply', async () => {
    const { invoke, dispatched } = harness();
    expect(await invoke(['run.stop', { runId: 'r1' }])).toEqual({ result: { ok: true } });
    expect(await invoke(['settings.get'])).toEqual({ result: { ok: true } });
    expect(dispatched).toEqual([
      ['run.stop', { runId: 'r1' }],
      ['settings.get', {}],
    ]);
  });

  it('rejects unknown methods, untrusted senders and malformed params, and none reaches the host', async () => {
    const { invoke, dispatched, keychain } = harness();
    const stranger = contents(2);
    const replies = await Promise.all([
      invoke(['shell.exec', { command: 'rm -rf /' }]),
      invoke(['__proto__', {}]),
      invoke([42, {}]),
      invoke(['run.stop', { runId: 'r1' }], stranger),
      invoke(['run.stop', { runId: 'r1' }], contents(1, 'https://evil.example/')),
      invoke(['keychain.set', { id: 'a', key: 'k' }], undefined, { url: 'app://deskhand/index.html', parent: {} }),
      invoke(['run.stop', { runId: 7 }]),
      invoke(['run.start', 'not an object']),
      invoke(['keychain.set', { id: '../../etc', key: 'k' }]),
    ]);
    expect(replies.map((reply) => ('error' in reply ? reply.error.code : 'ok'))).toEqual([
      'unknown-method',
      'unknown-method',
      'unknown-method',
      'internal',
      'internal',
      'internal',
      'invalid-params',
      'invalid-params',
      'invalid-params',
    ]);
    expect(replies[6]).toEqual({
      error: {
        code: 'invalid-params',
        message: 'Invalid run.stop params at runId: Invalid input: expected string, received number',
      },
    });
    expect(dispatched).toEqual([]);
    expect(keychain).toEqual([]);
  });

  it('refuses a frame that has gone (senderFrame null)', async () => {
    const { handlers, main, dispatched } = harness();
    const reply = await handlers.get(INVOKE_CHANNEL)!({ sender: main, senderFrame: null }, 'run.stop', { runId: 'r' });
    expect('error' in reply && reply.error.code).toBe('internal');
    expect(dispatched).toEqual([]);
  });

  it('serves app-only methods in the main process, with safe messages for their failures', async () => {
    const { invoke, keychain, dispatched } = harness();
    expect(await invoke(['keychain.set', { id: 'zhipu', key: 'sk-1' }])).toEqual({
      result: { keyRef: 'keychain:zhipu' },
    });
    expect(await invoke(['keychain.delete', { id: 'zhipu' }])).toEqual({
      error: { code: 'config', message: 'No keychain on this system.' },
    });
    expect(await invoke(['keychain.has', { id: 'zhipu' }])).toEqual({
      error: { code: 'internal', message: 'keychain.has failed.' },
    });
    expect(keychain).toEqual(['zhipu']);
    expect(dispatched).toEqual([]);
  });

  it('sends host events only to live windows we created that still show our origin', () => {
    const { windows, main, emit } = harness();
    const widget = contents(2, 'app://deskhand/overlay/widget.html');
    const navigatedAway = contents(3, 'https://evil.example/');
    const closed = contents(4);
    closed.destroyed = true;
    const forgotten = contents(5);
    [widget, navigatedAway, closed].forEach((window) => windows.add(window));
    windows.add(forgotten)();
    const event: HostEvent = { type: 'run-state', runId: 'r1', state: 'running' };
    emit(event, 7);
    expect([main, widget, navigatedAway, closed, forgotten].map((window) => window.sent)).toEqual([
      [[EVENT_CHANNEL, event, 7]],
      [[EVENT_CHANNEL, event, 7]],
      [],
      [],
      [],
    ]);
  });

  it('unbinds both directions', () => {
    const { handlers, listeners, unbind } = harness();
    unbind();
    expect([handlers.size, listeners.size]).toEqual([0, 0]);
  });

  it('keeps app-only method names apart from the host API', () => {
    expect(Object.keys(APP_METHODS).filter((name) => Object.hasOwn(HOST_METHODS, name))).toEqual([]);
  });
});
