// Canonical key names → nut-js keys, and chord plans with repeated keys. Node only.
import { describe, expect, it } from 'vitest';
import { planChord, resolveKey } from '../../../src/desktop/keymap.js';

describe('resolveKey', () => {
  it.each([
    ['ctrl', ['LeftControl']],
    ['alt', ['LeftAlt']],
    ['shift', ['LeftShift']],
    ['meta', ['LeftSuper']],
    ['enter', ['Return']],
    ['escape', ['Escape']],
    ['pagedown', ['PageDown']],
    ['f1', ['F1']],
    ['f12', ['F12']],
    ['a', ['A']],
    ['7', ['Num7']],
    ['/', ['Slash']],
    ['`', ['Grave']],
    [' ', ['Space']],
    ['A', ['LeftShift', 'A']],
    ['!', ['LeftShift', 'Num1']],
    ['?', ['LeftShift', 'Slash']],
    ['~', ['LeftShift', 'Grave']],
    ['"', ['LeftShift', 'Quote']],
  ])('%j → %j', (name, expected) => {
    expect(resolveKey(name)).toEqual(expected);
  });

  it('rejects unknown names with the list of known ones', () => {
    expect(() => resolveKey('hyper')).toThrow(/Unknown key "hyper": use ctrl, alt, shift, meta, enter/);
    expect(() => resolveKey('é')).toThrow(/Unknown key "é"/);
    expect(() => resolveKey('f13')).toThrow(/Unknown key "f13"/);
  });
});

describe('planChord', () => {
  it.each([
    [['enter'], { held: [], tap: 'Return', repeat: 1 }],
    [['ctrl', 'a'], { held: ['LeftControl'], tap: 'A', repeat: 1 }],
    [['ctrl', 'shift', 't'], { held: ['LeftControl', 'LeftShift'], tap: 'T', repeat: 1 }],
    [['down', 'down'], { held: [], tap: 'Down', repeat: 2 }],
    [['ctrl', 'tab', 'tab'], { held: ['LeftControl'], tap: 'Tab', repeat: 2 }],
    [['alt', 'tab', 'tab', 'tab'], { held: ['LeftAlt'], tap: 'Tab', repeat: 3 }],
    [['ctrl', '+'], { held: ['LeftControl', 'LeftShift'], tap: 'Equal', repeat: 1 }],
    [['shift', '?'], { held: ['LeftShift'], tap: 'Slash', repeat: 1 }],
  ])('%j → %j', (keys, expected) => {
    expect(planChord(keys)).toEqual(expected);
  });

  it('rejects an empty chord and unknown keys', () => {
    expect(() => planChord([])).toThrow(/at least one key/);
    expect(() => planChord(['ctrl', 'nope'])).toThrow(/Unknown key "nope"/);
  });
});
