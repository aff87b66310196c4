import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { KeyStoreError, SafeStorageKeyStore, type SafeStorageLike } from '../../../main/key-store.js';

const storage = (available = true): SafeStorageLike => ({
  isAsyncEncryptionAvailable: async () => available,
  encryptStringAsync: async (plain) => Buffer.from(`sealed:${[...plain].reverse().join('')}`),
  decryptStringAsync: async (blob) => ({
    result: [...blob.toString().slice('sealed:'.length)].reverse().join(''),
    shouldReEncrypt: false,
  }),
});

it('seals named secrets apart from API keys, lists only their names and deletes them', async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'deskhand-secrets-')), 'keys.json');
  const store = new SafeStorageKeyStore(storage(), file, {});
  await store.set('PASSWORD', 'api-key');
  await store.setSecret('PASSWORD', 'hunter2');
  expect(await readFile(file, 'utf8')).not.toContain('hunter2');
  expect(await store.secret('PASSWORD')).toBe('hunter2');
  expect(await store.get('keychain:PASSWORD')).toBe('api-key');
  expect(await store.secretNames()).toEqual(['PASSWORD']);
  await store.deleteSecret('PASSWORD');
  expect(await store.secret('PASSWORD')).toBeUndefined();
  expect(await store.get('keychain:PASSWORD')).toBe('api-key');
  await expect(store.setSecret('not a name', 'x')).rejects.toBeInstanceOf(KeyStoreError);
  await expect(new SafeStorageKeyStore(storage(false), file, {}).setSecret('PIN', '1234')).rejects.toThrow(
    /no usable keychain/,
  );
});
