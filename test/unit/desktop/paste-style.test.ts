// Which way text goes into the focused window, by its X window class.
import { describe, expect, it } from 'vitest';
import { pasteStyleForWindowClass } from '../../../src/desktop/paste-style.js';

describe('pasteStyleForWindowClass', () => {
  it.each([
    ['XTerm', 'keys'],
    ['URxvt', 'keys'],
    ['Gnome-terminal', 'shift-paste'],
    ['kitty', 'shift-paste'],
    ['Alacritty', 'shift-paste'],
    ['konsole', 'shift-paste'],
    ['Chromium', 'paste'],
    ['Mousepad', 'paste'],
    ['terminal-notes', 'paste'],
    [null, 'paste'],
  ] as const)('%s → %s', (windowClass, style) => {
    expect(pasteStyleForWindowClass(windowClass)).toBe(style);
  });
});
