import { describe, it, expect } from 'vitest';
import { CANONICAL_KEYS, canonicalKeyName, isKnownKey, parseKeyChord } from '../../../src/glm/keys.js';

describe('parseKeyChord', () => {
  const cases: [string, string[]][] = [
    ['ctrl+c', ['ctrl', 'c']],
    ['Ctrl + Shift + T', ['ctrl', 'shift', 't']],
    ['A', ['a']],
    ['Return', ['enter']],
    ['esc', ['escape']],
    ['cmd+space', ['meta', 'space']],
    ['Super', ['meta']],
    ['win+e', ['meta', 'e']],
    ['control+alt+del', ['ctrl', 'alt', 'delete']],
    ['option+BackSpace', ['alt', 'backspace']],
    ['ctl+bksp', ['ctrl', 'backspace']],
    ['ArrowUp', ['up']],
    ['arrow_down', ['down']],
    ['leftarrow', ['left']],
    ['Right', ['right']],
    ['Page_Up', ['pageup']],
    ['pgdn', ['pagedown']],
    ['page down', ['pagedown']],
    ['ctrl_l+Shift_R+Tab', ['ctrl', 'shift', 'tab']],
    ['spacebar', ['space']],
    [' ', ['space']],
    ['ins', ['insert']],
    ['F5', ['f5']],
    ['alt+F12', ['alt', 'f12']],
    ['ctrl++', ['ctrl', '+']],
    ['ctrl+plus', ['ctrl', '+']],
    ['+', ['+']],
    ['ctrl+minus', ['ctrl', '-']],
    ['down+down', ['down', 'down']],
    ['ctrl+tab+tab', ['ctrl', 'tab', 'tab']],
    ['ctrl+', ['ctrl']],
    ['', []],
    ['Hyper+x', ['hyper', 'x']],
    ['Caps_Lock', ['caps_lock']],
  ];
  for (const [text, keys] of cases) {
    it(`reads '${text}'`, () => {
      expect(parseKeyChord(text)).toEqual(keys);
    });
  }
});

describe('canonicalKeyName', () => {
  it('folds one name and lower-cases unknown ones', () => {
    expect(['ENTER', 'Escape', 'Windows', 'Prior', 'Next', 'KP_Enter', 'Menu'].map(canonicalKeyName)).toEqual([
      'enter',
      'escape',
      'meta',
      'pageup',
      'pagedown',
      'enter',
      'menu',
    ]);
  });
});

describe('isKnownKey', () => {
  it('knows the named keys and printable ASCII characters, lower case', () => {
    const names = ['ctrl', 'pagedown', 'f12', 'a', '1', '+', '~', 'A', 'hyper', 'f13', 'é', ' '];
    expect(names.map(isKnownKey)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('has every name the operator presses: 19 named keys, f1–f12 and 68 characters', () => {
    expect(CANONICAL_KEYS.size).toBe(19 + 12 + (94 - 26));
  });
});
