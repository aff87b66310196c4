// The app-mode Secrets flow against a fake preload bridge that keeps secrets in memory, as the main process would.
import { describe, expect, it } from 'vitest';
import { APP_METHODS, isAppMethod } from '../../../../src/host/protocol/app-methods.js';
import {
  listSecretNames,
  removeSecret,
  secretDraftProblems,
  storeSecret,
} from '../../../../renderer/lib/secrets-flow.js';
import { createAppMethodsClient } from '../../../../renderer/transport/app-methods.js';

const VALUE = 'hunter2 with spaces ';

/** A bridge that checks params like the main process and keeps secrets in a map; `failing` methods reply an error. */
function fakeKeychain(initial: Record<string, string> = {}, failing: string[] = []) {
  const stored = new Map(Object.entries(initial));
  const calls: [string, unknown][] = [];
  const bridge = {
    async invoke(method: string, params: unknown) {
      calls.push([method, params]);
      if (!isAppMethod(method)) return { error: { code: 'unknown-method', message: method } };
      const parsed = APP_METHODS[method].params.safeParse(params);
      if (!parsed.success) return { error: { code: 'invalid-params', message: 'bad params' } };
      if (failing.includes(method)) return { error: { code: 'config', message: 'The keychain is locked.' } };
      const input = parsed.data as { name: string; value: string };
      if (method === 'secrets.set') stored.set(input.name, input.value);
      if (method === 'secrets.delete') stored.delete(input.name);
      if (method === 'secrets.list') return { result: { names: [...stored.keys()] } };
      return { result: { ok: true } };
    },
  };
  return { client: createAppMethodsClient(bridge), stored, calls };
}

describe('secretDraftProblems', () => {
  it('checks the name by the host rule and needs a value, keeping its spaces', () => {
    expect(secretDraftProblems('PASSWORD', VALUE)).toEqual({ name: null, value: null });
    expect(secretDraftProblems('', '')).toEqual({ name: 'empty', value: 'empty' });
    expect(secretDraftProblems('my-pin', 'x')).toEqual({ name: 'invalid', value: null });
  });
});

describe('the app-mode secrets flow', () => {
  it('lists names sorted, stores a value unchanged and returns only names, then removes it', async () => {
    const { client, stored, calls } = fakeKeychain({ TOKEN: 't' });
    expect(await listSecretNames(client)).toEqual(['TOKEN']);

    const afterStore = await storeSecret(client, 'PASSWORD', VALUE, ['TOKEN']);
    expect(afterStore).toEqual(['PASSWORD', 'TOKEN']);
    expect(stored.get('PASSWORD')).toBe(VALUE);
    expect(JSON.stringify(afterStore)).not.toContain('hunter2');
    // The value goes out in secrets.set and in no other call.
    expect(calls.filter(([, params]) => JSON.stringify(params).includes('hunter2'))).toEqual([
      ['secrets.set', { name: 'PASSWORD', value: VALUE }],
    ]);

    expect(await removeSecret(client, 'PASSWORD', afterStore)).toEqual(['TOKEN']);
    expect([...stored.keys()]).toEqual(['TOKEN']);
  });

  it('rejects with the main process message when the keychain refuses, and stores nothing', async () => {
    const { client, stored } = fakeKeychain({}, ['secrets.set', 'secrets.delete']);
    await expect(storeSecret(client, 'PIN', '1234', [])).rejects.toThrow('The keychain is locked.');
    await expect(removeSecret(client, 'PIN', ['PIN'])).rejects.toThrow('The keychain is locked.');
    expect(stored.size).toBe(0);
  });

  it('refuses an invalid name at the boundary even if the form let it through', async () => {
    const { client, stored } = fakeKeychain();
    await expect(storeSecret(client, '1PIN', '1234', [])).rejects.toMatchObject({ code: 'invalid-params' });
    expect(stored.size).toBe(0);
  });

  it('still reports a stored or removed secret when listing fails afterwards', async () => {
    const { client, stored } = fakeKeychain({ OLD: 'o' }, ['secrets.list']);
    expect(await storeSecret(client, 'PIN', '1234', ['OLD'])).toEqual(['OLD', 'PIN']);
    expect(stored.get('PIN')).toBe('1234');
    expect(await removeSecret(client, 'OLD', ['OLD', 'PIN'])).toEqual(['PIN']);
    await expect(listSecretNames(client)).rejects.toThrow('The keychain is locked.');
  });
});
