import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type BackendPreset, type Settings } from '../../../../src/host/protocol/settings.js';
import {
  effectiveBackend,
  envFromKeyRef,
  keyRefFromEnv,
  newPresetId,
  runBackend,
} from '../../../../renderer/lib/backend-choice.js';

const preset = (id: string): BackendPreset => ({
  id,
  name: id,
  kind: 'openai',
  baseUrl: 'http://127.0.0.1:8000/v1',
  model: '',
  keyRef: null,
});
const settings: Settings = { ...DEFAULT_SETTINGS, backends: [preset('a'), preset('b')], activeBackendId: 'b' };
const inline = { baseUrl: ' http://gpu:8000/v1 ', model: ' glm ' };

describe('effectiveBackend', () => {
  it('keeps a chosen preset or the inline server', () => {
    expect([effectiveBackend('a', settings), effectiveBackend('openai', settings)]).toEqual(['a', 'openai']);
  });

  it('falls back to the active preset, then the first, then the inline server', () => {
    expect(effectiveBackend('', settings)).toBe('b');
    expect(effectiveBackend('gone', { ...settings, activeBackendId: null })).toBe('a');
    expect(effectiveBackend('', DEFAULT_SETTINGS)).toBe('openai');
    expect(effectiveBackend('', null)).toBe('openai');
  });
});

describe('runBackend', () => {
  it('names a preset by id', () => {
    expect(runBackend('', inline, settings)).toEqual({ presetId: 'b' });
  });

  it('sends the inline server trimmed, with no key', () => {
    expect(runBackend('openai', inline, settings)).toEqual({
      kind: 'openai',
      baseUrl: 'http://gpu:8000/v1',
      model: 'glm',
      keyRef: null,
    });
  });

  it('is null for an inline server without a URL', () => {
    expect(runBackend('openai', { baseUrl: ' ', model: '' }, settings)).toBeNull();
  });
});

describe('key references', () => {
  it('maps an environment variable name to env:NAME and back', () => {
    expect([keyRefFromEnv(' MY_KEY '), keyRefFromEnv('')]).toEqual(['env:MY_KEY', null]);
    expect([envFromKeyRef('env:MY_KEY'), envFromKeyRef('keychain:abc'), envFromKeyRef(null)]).toEqual([
      'MY_KEY',
      '',
      '',
    ]);
  });
});

describe('newPresetId', () => {
  it('slugs the name and avoids existing ids', () => {
    expect(newPresetId('My GPU Box!', [])).toBe('my-gpu-box');
    expect(newPresetId('a', [preset('a'), preset('a-2')])).toBe('a-3');
    expect(newPresetId('智谱', [])).toBe('backend');
  });
});
