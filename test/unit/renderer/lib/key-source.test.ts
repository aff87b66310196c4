import { describe, expect, it } from 'vitest';
import { KeychainId } from '../../../../src/host/protocol/app-methods.js';
import { ServerConnection } from '../../../../src/host/protocol/settings.js';
import {
  cleanEnvName,
  effectiveKeychainId,
  initialKeyChoice,
  keychainIdFor,
  keychainIdFromKeyRef,
  keychainKeyRef,
  keyRefOfChoice,
  keySourcesFor,
  newPresetIdFor,
  type KeyChoice,
} from '../../../../renderer/lib/key-source.js';

const keychain = (change: Partial<KeyChoice> = {}): KeyChoice => ({
  source: 'keychain',
  envName: '',
  keychainId: null,
  stored: null,
  ...change,
});

describe('keySourcesFor', () => {
  it('offers the keychain only inside the desktop app; browser mode names a variable, never takes a raw key', () => {
    expect(keySourcesFor('electron')).toEqual(['env', 'keychain']);
    expect(keySourcesFor('browser')).toEqual(['env']);
  });
});

describe('keychain references', () => {
  it('builds and reads keychain:<id>', () => {
    expect(keychainKeyRef('zhipu-api')).toBe('keychain:zhipu-api');
    expect(keychainIdFromKeyRef('keychain:zhipu-api')).toBe('zhipu-api');
    expect(keychainIdFromKeyRef('env:DESKHAND_API_KEY')).toBeNull();
    expect(keychainIdFromKeyRef(null)).toBeNull();
  });

  it('uses the preset id as the keychain id, made valid where it is not', () => {
    expect(keychainIdFor('my-gpu-box')).toBe('my-gpu-box');
    expect(keychainIdFor('a b/c.d')).toBe('a_b_c_d');
    expect(keychainIdFor('x'.repeat(80))).toBe('x'.repeat(64));
    for (const id of ['my-gpu-box', 'a b/c.d', 'x'.repeat(80), '服务器']) {
      expect(KeychainId.safeParse(keychainIdFor(id)).success).toBe(true);
    }
  });

  it('makes key references that settings accept', () => {
    const ref = keyRefOfChoice(keychain({ stored: true }), 'a b');
    expect(ref).toBe('keychain:a_b');
    expect(ServerConnection.shape.keyRef.safeParse(ref).success).toBe(true);
  });
});

describe('initialKeyChoice', () => {
  it('reads an existing env or keychain reference', () => {
    expect(initialKeyChoice('env:MY_KEY', 'electron')).toEqual({
      source: 'env',
      envName: 'MY_KEY',
      keychainId: null,
      stored: null,
    });
    expect(initialKeyChoice('keychain:gpu', 'browser')).toEqual(keychain({ keychainId: 'gpu' }));
  });

  it('starts a preset without a key on the preferred source where the mode offers it', () => {
    expect(initialKeyChoice(null, 'electron', 'keychain', 'DESKHAND_API_KEY').source).toBe('keychain');
    expect(initialKeyChoice(null, 'browser', 'keychain', 'DESKHAND_API_KEY')).toEqual({
      source: 'env',
      envName: 'DESKHAND_API_KEY',
      keychainId: null,
      stored: null,
    });
    expect(initialKeyChoice(null, 'electron').source).toBe('env');
  });
});

describe('keyRefOfChoice', () => {
  it('names an environment variable, or none when empty', () => {
    expect(keyRefOfChoice({ source: 'env', envName: ' MY_KEY ', keychainId: null, stored: null }, 'p')).toBe(
      'env:MY_KEY',
    );
    expect(keyRefOfChoice({ source: 'env', envName: '', keychainId: 'old', stored: true }, 'p')).toBeNull();
  });

  it('refers to the keychain only once it holds the key', () => {
    expect(keyRefOfChoice(keychain({ stored: true }), 'gpu')).toBe('keychain:gpu');
    expect(keyRefOfChoice(keychain({ stored: false }), 'gpu')).toBeNull();
    expect(keyRefOfChoice(keychain({ stored: null }), 'gpu')).toBeNull();
  });

  it('keeps an existing keychain reference while its status is unknown, and drops it once the key is removed', () => {
    expect(keyRefOfChoice(keychain({ keychainId: 'other' }), 'gpu')).toBe('keychain:other');
    expect(keyRefOfChoice(keychain({ keychainId: 'other', stored: true }), 'gpu')).toBe('keychain:other');
    expect(keyRefOfChoice(keychain({ keychainId: 'other', stored: false }), 'gpu')).toBeNull();
  });

  it('stores under the reference being edited, else under the preset id', () => {
    expect(effectiveKeychainId(keychain({ keychainId: 'other' }), 'gpu')).toBe('other');
    expect(effectiveKeychainId(keychain(), 'gpu box')).toBe('gpu_box');
  });
});

describe('newPresetIdFor', () => {
  it('keeps a new preset on the id its key was stored under, whatever its name becomes', () => {
    expect(newPresetIdFor(keychain({ keychainId: 'zhipu-api', stored: true }), 'renamed')).toBe('zhipu-api');
    expect(newPresetIdFor(keychain({ keychainId: 'zhipu-api', stored: false }), 'renamed')).toBe('renamed');
    expect(newPresetIdFor({ ...keychain({ keychainId: 'zhipu-api', stored: true }), source: 'env' }, 'renamed')).toBe(
      'renamed',
    );
  });
});

describe('cleanEnvName', () => {
  it('keeps only what a variable name may hold', () => {
    expect(cleanEnvName('MY-KEY 2$')).toBe('MYKEY2');
  });
});
