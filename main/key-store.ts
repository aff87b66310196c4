// KeyStore for API keys: env:VAR, or keychain:ID sealed by safeStorage in userData/keys.json. Electron main process.
// Takes safeStorage through a small interface. Never logs keys.
import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { KeyStore } from '../src/host/host-service.js';
import { SecretName } from '../src/host/protocol/app-methods.js';

/** The part of Electron's `safeStorage` this store uses (the async API; the sync one is deprecated in Electron 45). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: 'basic_text' means no OS keyring, so keys would be sealed with a hard-coded password. */
  getSelectedStorageBackend?(): string;
}

/** A keychain failure with a message that says what to do; it never contains a key. */
export class KeyStoreError extends Error {
  override readonly name = 'KeyStoreError';
}

/** keys.json: one base64 blob per key id, as safeStorage sealed it. */
interface KeyFile {
  version: 1;
  keys: Record<string, string>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Secrets share keys.json with API keys under this prefix, which no key id can contain. */
const SECRET_PREFIX = 'secret:';
const NO_KEYCHAIN_FOR_KEY =
  'This system has no usable keychain, so Deskhand cannot store the key safely. Set it in an environment ' +
  'variable and use an env:VAR key reference instead.';
const NO_KEYCHAIN_FOR_SECRET = 'This system has no usable keychain, so Deskhand cannot store the secret safely.';

export class SafeStorageKeyStore implements KeyStore {
  /** Serialises writes so that two quick saves cannot lose one another. */
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly file: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  async get(keyRef: string): Promise<string | undefined> {
    if (keyRef.startsWith('env:')) {
      const value = this.env[keyRef.slice('env:'.length)];
      return value === undefined || value === '' ? undefined : value;
    }
    if (!keyRef.startsWith('keychain:')) return undefined;
    const id = keyRef.slice('keychain:'.length);
    const sealed = (await this.read()).keys[id];
    if (sealed === undefined || !(await this.available())) return undefined;
    try {
      const { result, shouldReEncrypt } = await this.safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'));
      if (shouldReEncrypt) await this.seal(id, result, NO_KEYCHAIN_FOR_KEY).catch(() => undefined);
      return result;
    } catch {
      return undefined;
    }
  }

  /** Seals `key` under `id`; returns the keyRef to put in a backend preset. */
  async set(id: string, key: string): Promise<string> {
    checkId(id);
    await this.seal(id, key, NO_KEYCHAIN_FOR_KEY);
    return `keychain:${id}`;
  }

  /** A named secret for {{secret:NAME}}, sealed apart from API keys (its entry name cannot be a key id). */
  async secret(name: string): Promise<string | undefined> {
    checkSecretName(name);
    return this.get(`keychain:${SECRET_PREFIX}${name}`);
  }

  async setSecret(name: string, value: string): Promise<void> {
    checkSecretName(name);
    await this.seal(SECRET_PREFIX + name, value, NO_KEYCHAIN_FOR_SECRET);
  }

  async deleteSecret(name: string): Promise<void> {
    checkSecretName(name);
    await this.remove(SECRET_PREFIX + name);
  }

  /** The names of the stored secrets; their values never leave the store except to be typed. */
  async secretNames(): Promise<string[]> {
    const ids = Object.keys((await this.read()).keys);
    return ids.filter((id) => id.startsWith(SECRET_PREFIX)).map((id) => id.slice(SECRET_PREFIX.length));
  }

  async delete(id: string): Promise<void> {
    checkId(id);
    await this.remove(id);
  }

  async has(id: string): Promise<boolean> {
    checkId(id);
    return Object.hasOwn((await this.read()).keys, id);
  }

  /** Seals `value` under the keys.json entry `entry` (a key id, or a secret's prefixed name). */
  private async seal(entry: string, value: string, unavailable: string): Promise<void> {
    if (!(await this.available())) throw new KeyStoreError(unavailable);
    const sealed = (await this.safeStorage.encryptStringAsync(value)).toString('base64');
    await this.update((keys) => ({ ...keys, [entry]: sealed }));
  }

  private remove(entry: string): Promise<void> {
    return this.update((keys) => Object.fromEntries(Object.entries(keys).filter(([name]) => name !== entry)));
  }

  private async available(): Promise<boolean> {
    if (this.safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
    return this.safeStorage.isAsyncEncryptionAvailable();
  }

  private async read(): Promise<KeyFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return { version: 1, keys: {} };
    }
    try {
      const parsed = JSON.parse(text) as Partial<KeyFile>;
      const keys = typeof parsed.keys === 'object' && parsed.keys !== null ? parsed.keys : {};
      return { version: 1, keys: Object.fromEntries(Object.entries(keys).filter(([, v]) => typeof v === 'string')) };
    } catch {
      throw new KeyStoreError(`${this.file} is not valid JSON; move it away to start with no stored keys.`);
    }
  }

  private update(change: (keys: Record<string, string>) => Record<string, string>): Promise<void> {
    const next = this.writing.then(async () => {
      const current = await this.read();
      const text = `${JSON.stringify({ version: 1, keys: change(current.keys) } satisfies KeyFile, null, 2)}\n`;
      const temporary = `${this.file}.${randomUUID()}.tmp`;
      await writeFile(temporary, text, { mode: 0o600 });
      await rename(temporary, this.file);
    });
    this.writing = next.catch(() => undefined);
    return next;
  }
}

function checkId(id: string): void {
  if (!KEY_ID.test(id)) throw new KeyStoreError('A key id is 1–64 letters, digits, "-" or "_".');
}

function checkSecretName(name: string): void {
  if (!SecretName.safeParse(name).success) {
    throw new KeyStoreError('A secret name is 1–64 letters, digits or "_", not starting with a digit.');
  }
}
