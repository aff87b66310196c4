// Where a host run's {{secret:NAME}} values come from: the key store (the app's OS keychain), resolved only at typing
// time. Node only.
import type { SecretSource } from '../agent/secrets.js';
import type { KeyStore } from './host-service.js';

/** Named secrets from the key store (the OS keychain in the app); none where the store keeps no secrets. */
export function keyStoreSecrets(keyStore: KeyStore): SecretSource {
  return {
    get: async (name) => (keyStore.secret ? keyStore.secret(name) : undefined),
    howToProvide: (name) =>
      keyStore.secret
        ? `store it under the name ${name} in Settings › Secrets (it is kept in the OS keychain).`
        : `secrets are kept in the desktop app's keychain; this host has none, so ${name} cannot be typed here.`,
  };
}
