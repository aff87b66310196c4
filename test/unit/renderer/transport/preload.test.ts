import { describe, expect, it } from 'vitest';
import { HostCallError } from '../../../../src/host/protocol/create-client.js';
import type { HostEvent } from '../../../../src/host/protocol/host-api.js';
import type { DeskhandBridge } from '../../../../renderer/global.js';
import { createPreloadClient } from '../../../../renderer/transport/preload.js';

function fakeBridge(reply: unknown) {
  let emit: (event: HostEvent, seq: number) => void = () => {};
  const calls: [string, unknown][] = [];
  const bridge = {
    invoke: async (method: string, params: unknown) => {
      calls.push([method, params]);
      return reply;
    },
    onEvent: (listener: (event: HostEvent, seq: number) => void) => {
      emit = listener;
      return () => (emit = () => {});
    },
  } as unknown as DeskhandBridge;
  return { bridge, calls, emit: (event: HostEvent, seq: number) => emit(event, seq) };
}

describe('createPreloadClient', () => {
  it('returns a validated result', async () => {
    const { bridge, calls } = fakeBridge({ result: { url: 'deskhand://session/s/frames/0001.jpg' } });
    const client = createPreloadClient(bridge);
    await expect(client.call('frames.url', { sessionId: 's', frame: 'frames/0001.jpg' })).resolves.toEqual({
      url: 'deskhand://session/s/frames/0001.jpg',
    });
    expect(calls).toEqual([['frames.url', { sessionId: 's', frame: 'frames/0001.jpg' }]]);
  });

  it('rejects with the host error code and message', async () => {
    const client = createPreloadClient(
      fakeBridge({ error: { code: 'busy', message: 'A run is in progress.' } }).bridge,
    );
    const error = await client.call('run.stop', { runId: 'r' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HostCallError);
    expect(error).toMatchObject({ code: 'busy', message: 'A run is in progress.' });
  });

  it('rejects a malformed result', async () => {
    const client = createPreloadClient(fakeBridge({ result: { nope: 1 } }).bridge);
    await expect(client.call('frames.url', { sessionId: 's', frame: 'frames/0001.jpg' })).rejects.toMatchObject({
      code: 'internal',
    });
  });

  it('delivers valid events in order, dropping old sequence numbers and malformed events', () => {
    const { bridge, emit } = fakeBridge(null);
    const client = createPreloadClient(bridge);
    const seen: number[] = [];
    client.onEvent((_event, seq) => seen.push(seq));
    const event: HostEvent = { type: 'error', message: 'x' };
    emit(event, 1);
    emit(event, 1);
    emit({ type: 'nonsense' } as unknown as HostEvent, 2);
    emit(event, 3);
    client.dispose();
    emit(event, 4);
    expect(seen).toEqual([1, 3]);
  });
});
