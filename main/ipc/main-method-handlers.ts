// The app-only methods bound to systemPreferences, shell and the key store. Electron main process.
import { shell, systemPreferences } from 'electron';
import { KeyStoreError, type SafeStorageKeyStore } from '../key-store.js';
import { openPermissionPane, permissionStatus } from '../permissions.js';
import { MainMethodError } from './bind-ipc.js';
import type { AppMethodHandlers } from '../../src/host/protocol/app-methods.js';

async function keychain<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    // Key store messages never contain a key; anything else is reported without its text.
    if (error instanceof KeyStoreError) throw new MainMethodError('config', error.message);
    throw error;
  }
}

export function mainMethodHandlers(keyStore: SafeStorageKeyStore): AppMethodHandlers {
  return {
    'permissions.status': async () => permissionStatus(process.platform, systemPreferences),
    'permissions.open': async ({ pane }) => {
      await openPermissionPane(process.platform, pane, shell);
      return { ok: true };
    },
    'keychain.set': ({ id, key }) => keychain(async () => ({ keyRef: await keyStore.set(id, key) })),
    'keychain.delete': ({ id }) =>
      keychain(async () => {
        await keyStore.delete(id);
        return { ok: true as const };
      }),
    'keychain.has': ({ id }) => keychain(async () => ({ stored: await keyStore.has(id) })),
    'secrets.set': ({ name, value }) =>
      keychain(async () => {
        await keyStore.setSecret(name, value);
        return { ok: true as const };
      }),
    'secrets.delete': ({ name }) =>
      keychain(async () => {
        await keyStore.deleteSecret(name);
        return { ok: true as const };
      }),
    'secrets.list': () => keychain(async () => ({ names: await keyStore.secretNames() })),
  };
}
