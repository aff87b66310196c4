import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { KeyStoreError, SafeStorageKeyStore, type SafeStorageLike } from '../../../main/key-store.js';

/** A stand-in for safeStorage: "seals" by reversing and tagging, so a stored blob is never the plain key. */
function fakeSafeStorage(options: { available?: boolean; backend?: string; reEncrypt?: boolean } = {}) {
  const sealed: string[] = [];
  const storage: SafeStorageLike = {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    encryptStringAsync: async (plain) => {
      sealed.push(plain);
      return Buffer.from(`sealed:${[...plain].reverse().join('')}`);
    },
    decryptStringAsync: async (blob) => {
      const text = blob.toString();
      if (!text.startsWith('sealed:')) throw new Error('bad blob');
      return { result: [...text.slice('sealed:'.length)].reverse().join(''), shouldReEncrypt: !!options.reEncrypt };
    },
    ...(options.backend ? { getSelectedStorageBackend: () => options.backend! } : {}),
  };
  return { storage, sealed };
}

describe('SafeStorageKeyStore', () => {
  let file: string;
  beforeEach(async () => {
    file = join(await mkdtemp(join(tmpdir(), 'deskhand-keys-')), 'keys.json');
  });

  it('reads env: references from the environment and treats empty or missing variables as no key', async () => {
    const store = new SafeStorageKeyStore(fakeSafeStorage().storage, file, { ZHIPU_KEY: 'k-123', EMPTY: '' });
    expect(
      await Promise.all(['env:ZHIPU_KEY', 'env:EMPTY', 'env:MISSING', 'vault:x'].map((ref) => store.get(ref))),
    ).toEqual(['k-123', undefined, undefined, undefined]);
  });

  it('seals keychain keys on disk, owner-only, and reads them back', async () => {
    const store = new SafeStorageKeyStore(fakeSafeStorage().storage, file, {});
    expect(await store.set('zhipu', 'sk-secret')).toBe('keychain:zhipu');
    const onDisk = await readFile(file, 'utf8');
    expect(onDisk).not.toContain('sk-secret');
    expect(JSON.parse(onDisk)).toEqual({
      version: 1,
      keys: { zhipu: Buffer.from('sealed:terces-ks').toString('base64') },
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await store.get('keychain:zhipu')).toBe('sk-secret');
    expect([await store.has('zhipu'), await store.has('other')]).toEqual([true, false]);
  });

  it('keeps every key when saves overlap, and deletes one without touching the others', async () => {
    const store = new SafeStorageKeyStore(fakeSafeStorage().storage, file, {});
    await Promise.all([store.set('a', 'key-a'), store.set('b', 'key-b'), store.set('c', 'key-c')]);
    await store.delete('b');
    expect(await Promise.all(['a', 'b', 'c'].map((id) => store.get(`keychain:${id}`)))).toEqual([
      'key-a',
      undefined,
      'key-c',
    ]);
  });

  it('refuses to store a key without a real keychain (none, or Linux basic_text), and says what to do', async () => {
    for (const options of [{ available: false }, { backend: 'basic_text' }]) {
      const store = new SafeStorageKeyStore(fakeSafeStorage(options).storage, file, {});
      await expect(store.set('zhipu', 'sk-secret')).rejects.toThrow(/environment variable/);
    }
    await expect(readFile(file)).rejects.toThrow();
  });

  it('re-seals a key when safeStorage asks, and reads a corrupt blob as no key', async () => {
    const { storage, sealed } = fakeSafeStorage({ reEncrypt: true });
    const store = new SafeStorageKeyStore(storage, file, {});
    await store.set('a', 'key-a');
    expect(await store.get('keychain:a')).toBe('key-a');
    expect(sealed).toEqual(['key-a', 'key-a']);
    await writeFile(file, JSON.stringify({ version: 1, keys: { a: Buffer.from('garbage').toString('base64') } }));
    expect(await store.get('keychain:a')).toBeUndefined();
  });

  it('rejects ids that could not be a keyRef, and a keys file that is not JSON', async () => {
    const store = new SafeStorageKeyStore(fakeSafeStorage().storage, file, {});
    await expect(store.set('../x', 'k')).rejects.toBeInstanceOf(KeyStoreError);
    await writeFile(file, '{not json');
    await expect(store.get('keychain:a')).rejects.toThrow(/not valid JSON/);
  });
});
