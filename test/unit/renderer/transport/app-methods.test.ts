import { describe, expect, it } from 'vitest';
import { HostCallError } from '../../../../src/host/protocol/create-client.js';
import { appMethods, createAppMethodsClient } from '../../../../renderer/transport/app-methods.js';

function fakeBridge(reply: unknown) {
  const calls: [string, unknown][] = [];
  return {
    calls,
    bridge: {
      invoke: async (method: string, params: unknown) => {
        calls.push([method, params]);
        return reply;
      },
    },
  };
}

describe('createAppMethodsClient', () => {
  it('calls through the bridge and returns the validated result', async () => {
    const { bridge, calls } = fakeBridge({ result: { keyRef: 'keychain:gpu' } });
    await expect(createAppMethodsClient(bridge).call('keychain.set', { id: 'gpu', key: 'sk-1' })).resolves.toEqual({
      keyRef: 'keychain:gpu',
    });
    expect(calls).toEqual([['keychain.set', { id: 'gpu', key: 'sk-1' }]]);
  });

  it('rejects with the main process error code and message', async () => {
    const client = createAppMethodsClient(fakeBridge({ error: { code: 'config', message: 'No keychain.' } }).bridge);
    const error = await client.call('keychain.has', { id: 'gpu' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HostCallError);
    expect(error).toMatchObject({ code: 'config', message: 'No keychain.' });
  });

  it('rejects a malformed result or reply', async () => {
    const malformed = createAppMethodsClient(fakeBridge({ result: { stored: 'yes' } }).bridge);
    await expect(malformed.call('keychain.has', { id: 'gpu' })).rejects.toMatchObject({ code: 'internal' });
    const garbage = createAppMethodsClient(fakeBridge('nope').bridge);
    await expect(garbage.call('permissions.status', {})).rejects.toMatchObject({ code: 'internal' });
  });
});

describe('appMethods', () => {
  it('is null without the preload bridge (browser mode)', () => {
    expect(appMethods()).toBeNull();
  });
});
