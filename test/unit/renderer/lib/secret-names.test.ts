import { describe, expect, it } from 'vitest';
import { secretNamesIn } from '../../../../src/agent/secrets.js';
import { secretNameProblem, secretPlaceholder, sortedSecretNames } from '../../../../renderer/lib/secret-names.js';

describe('secret names', () => {
  it('accepts exactly the names the host accepts', () => {
    expect(['PASSWORD', '_pin', 'a1', 'A'.repeat(64)].map(secretNameProblem)).toEqual([null, null, null, null]);
    expect(['', '1PIN', 'MY-PIN', 'MY PIN', 'A'.repeat(65), 'pässword'].map(secretNameProblem)).toEqual([
      'empty',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
    ]);
  });

  it('writes the placeholder the host resolves', () => {
    expect(secretPlaceholder('PASSWORD')).toBe('{{secret:PASSWORD}}');
    expect(secretNamesIn(`log in with ${secretPlaceholder('PIN_2')}`)).toEqual(['PIN_2']);
  });

  it('lists each name once, alphabetically', () => {
    expect(sortedSecretNames(['b', 'A_KEY', 'b', 'a'])).toEqual(['a', 'A_KEY', 'b']);
  });
});
