import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../src/host/protocol/settings.js';
import { invalidFields, sameSettings } from '../../../../renderer/lib/settings-draft.js';

describe('invalidFields', () => {
  it('is empty for valid settings', () => {
    expect(invalidFields(DEFAULT_SETTINGS)).toEqual([]);
  });

  it('names each out-of-range field once', () => {
    const draft = {
      ...DEFAULT_SETTINGS,
      loop: {
        maxSteps: 0,
        historyImages: 9,
        settleCapMs: Number.NaN,
        maxPixels: 5,
        imageFormat: 'png' as const,
        maxTokens: 100,
      },
    };
    expect(invalidFields(draft)).toEqual([
      'loop.maxSteps',
      'loop.historyImages',
      'loop.settleCapMs',
      'loop.maxPixels',
      'loop.maxTokens',
    ]);
  });
});

describe('sameSettings', () => {
  it('ignores key order and sees any changed value', () => {
    const reordered = Object.fromEntries(Object.entries(DEFAULT_SETTINGS).reverse()) as typeof DEFAULT_SETTINGS;
    expect(sameSettings(DEFAULT_SETTINGS, reordered)).toBe(true);
    expect(sameSettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, theme: 'dark' })).toBe(false);
    expect(sameSettings(null, null)).toBe(true);
  });
});
