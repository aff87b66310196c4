import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebSocketTransport } from '../../../../renderer/transport/websocket.js';

/** A stand-in for the browser WebSocket that the test opens, feeds and closes. */
class FakeSocket {
  static readonly OPEN = 1;
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
}

const latest = () => FakeSocket.all.at(-1)!;

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
  vi.stubGlobal('WebSocket', FakeSocket);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function open() {
  const transport = createWebSocketTransport(() => 'Not connected.', 'ws://127.0.0.1:1/api?token=t');
  const messages: unknown[] = [];
  const statuses: string[] = [];
  transport.onMessage((message) => messages.push(message));
  transport.onStatus((status) => statuses.push(status));
  return { transport, messages, statuses };
}

describe('createWebSocketTransport', () => {
  it('sends calls as JSON and delivers replies and events', () => {
    const { transport, messages, statuses } = open();
    latest().open();
    transport.send({ id: 1, method: 'settings.get', params: {} });
    latest().receive({ id: 1, result: { ok: true } });
    latest().receive({ seq: 0, event: { type: 'error', message: 'x' } });
    expect(latest().url).toBe('ws://127.0.0.1:1/api?token=t');
    expect(latest().sent).toEqual([{ id: 1, method: 'settings.get', params: {} }]);
    expect(messages).toEqual([
      { id: 1, result: { ok: true } },
      { seq: 0, event: { type: 'error', message: 'x' } },
    ]);
    expect(statuses).toEqual(['open']);
  });

  it('answers a call sent while disconnected with an error instead of leaving it pending', async () => {
    const { transport, messages } = open();
    transport.send({ id: 7, method: 'displays.list', params: {} });
    await Promise.resolve();
    expect(messages).toEqual([{ id: 7, error: { code: 'internal', message: 'Not connected.' } }]);
  });

  it('fails the calls in flight when the socket drops, then reconnects with backoff', () => {
    const { transport, messages, statuses } = open();
    latest().open();
    transport.send({ id: 1, method: 'sessions.list', params: {} });
    latest().drop();
    expect(messages).toEqual([{ id: 1, error: { code: 'internal', message: 'Not connected.' } }]);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(FakeSocket.all).toHaveLength(2);
    latest().open();
    expect(statuses).toEqual(['open', 'closed', 'connecting', 'open']);
  });

  it('keeps event numbers increasing across a reconnect to a host that counts from 0 again', () => {
    const { messages } = open();
    latest().open();
    latest().receive({ seq: 41, event: { type: 'error', message: 'a' } });
    latest().drop();
    vi.advanceTimersByTime(500);
    latest().open();
    latest().receive({ seq: 0, event: { type: 'error', message: 'b' } });
    expect(messages.map((message) => (message as { seq: number }).seq)).toEqual([41, 42]);
  });

  it('stops reconnecting once closed', () => {
    const { transport } = open();
    latest().open();
    transport.close();
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });
});
