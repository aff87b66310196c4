import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../../src/host/protocol/settings.js';
import {
  invalidRetentionLimits,
  retentionFromInput,
  retentionInputText,
} from '../../../../renderer/lib/retention-input.js';

const withRetention = (retention: Settings['retention']): Settings => ({ ...DEFAULT_SETTINGS, retention });

describe('retention inputs', () => {
  it('reads an empty field as no limit, a number as itself, and half-typed text as unreadable', () => {
    expect(retentionFromInput('')).toBeNull();
    expect(retentionFromInput('  ')).toBeNull();
    expect(retentionFromInput('20')).toBe(20);
    expect(retentionFromInput('0.5')).toBe(0.5);
    expect(retentionFromInput('', true)).toBeNaN();
    expect(retentionFromInput('abc')).toBeNaN();
  });

  it('shows no limit and unreadable values as an empty field', () => {
    expect([null, Number.NaN, 20, 0.5].map(retentionInputText)).toEqual(['', '', '20', '0.5']);
  });

  it('names the limits the settings schema refuses, so Save waits for them', () => {
    expect(invalidRetentionLimits(withRetention({ keepSessions: null, keepGb: null }))).toEqual([]);
    expect(invalidRetentionLimits(withRetention({ keepSessions: 20, keepGb: 0.5 }))).toEqual([]);
    expect(invalidRetentionLimits(withRetention({ keepSessions: 0, keepGb: 2 }))).toEqual(['keepSessions']);
    expect(invalidRetentionLimits(withRetention({ keepSessions: 1.5, keepGb: 0 }))).toEqual(['keepSessions', 'keepGb']);
    expect(invalidRetentionLimits(withRetention({ keepSessions: Number.NaN, keepGb: -1 }))).toEqual([
      'keepSessions',
      'keepGb',
    ]);
  });
});
