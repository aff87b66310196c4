// Where a backend preset's API key comes from, and the keyRef that follows. Pure; renderer.
// Browser mode (`deskhand serve`) only ever names an environment variable: a raw key is typed in only inside the
// desktop app, and goes straight to the OS keychain (keychain.set), never into settings.

/** `env`: an environment variable of the Deskhand process; `keychain`: sealed in the OS keychain by the app. */
export type KeySource = 'env' | 'keychain';

/** Electron (the preload bridge, app methods available) or a browser tab of `deskhand serve`. */
export type HostMode = 'electron' | 'browser';

const KEYCHAIN_PREFIX = 'keychain:';
const KEYCHAIN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The key sources to offer: the keychain only inside the desktop app. */
export function keySourcesFor(mode: HostMode): KeySource[] {
  return mode === 'electron' ? ['env', 'keychain'] : ['env'];
}

/** `keychain:<id>`. */
export function keychainKeyRef(id: string): string {
  return `${KEYCHAIN_PREFIX}${id}`;
}

/** The id of a `keychain:` key reference, null for none or an `env:` reference. */
export function keychainIdFromKeyRef(keyRef: string | null): string | null {
  return keyRef?.startsWith(KEYCHAIN_PREFIX) ? keyRef.slice(KEYCHAIN_PREFIX.length) : null;
}

/**
 * The keychain id for a preset: its id when that is a valid keychain id (ids made by the UI always are), else the id
 * with every other character replaced by `_`, cut to 64.
 */
export function keychainIdFor(presetId: string): string {
  if (KEYCHAIN_ID.test(presetId)) return presetId;
  return presetId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'backend';
}

/** The key part of a preset being edited. */
export interface KeyChoice {
  source: KeySource;
  /** The variable name for `env`. */
  envName: string;
  /** The keychain id of the reference being edited (kept even if it differs from the preset's), null for a new one. */
  keychainId: string | null;
  /** Whether the keychain holds a key under that id: null while unknown (not asked yet, asking, or the call failed). */
  stored: boolean | null;
}

/** The choice for an existing keyRef; a preset without a key starts on `preferred` where `mode` offers it. */
export function initialKeyChoice(
  keyRef: string | null,
  mode: HostMode,
  preferred: KeySource = 'env',
  envName = '',
): KeyChoice {
  const keychainId = keychainIdFromKeyRef(keyRef);
  if (keychainId !== null) return { source: 'keychain', envName, keychainId, stored: null };
  if (keyRef?.startsWith('env:')) return { source: 'env', envName: keyRef.slice(4), keychainId: null, stored: null };
  const source = keySourcesFor(mode).includes(preferred) ? preferred : 'env';
  return { source, envName, keychainId: null, stored: null };
}

/** The keychain id this choice stores and looks up under. */
export function effectiveKeychainId(choice: KeyChoice, presetId: string): string {
  return choice.keychainId ?? keychainIdFor(presetId);
}

/**
 * The preset's keyRef: `env:NAME` (null when empty), or `keychain:<id>` once the keychain holds the key. While
 * that is unknown an existing keychain reference is kept; a removed key means no key.
 */
export function keyRefOfChoice(choice: KeyChoice, presetId: string): string | null {
  if (choice.source === 'env') {
    const name = choice.envName.trim();
    return name ? `env:${name}` : null;
  }
  if (choice.stored === true) return keychainKeyRef(effectiveKeychainId(choice, presetId));
  if (choice.stored === null && choice.keychainId !== null) return keychainKeyRef(choice.keychainId);
  return null;
}

/** Only the characters an environment variable name may have. */
export function cleanEnvName(value: string): string {
  return value.replace(/[^A-Za-z0-9_]/g, '');
}

/**
 * A new preset's id: the keychain id its key was just stored under, so preset and key stay one (the id was the
 * preset's own when the key was stored); else the id generated from its name.
 */
export function newPresetIdFor(choice: KeyChoice, generated: string): string {
  return choice.source === 'keychain' && choice.stored === true && choice.keychainId !== null
    ? choice.keychainId
    : generated;
}
