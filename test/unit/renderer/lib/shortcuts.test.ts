import { describe, expect, it } from 'vitest';
import { acceleratorKeys, opensShortcutHelp, shortcutList } from '../../../../renderer/lib/shortcuts.js';

describe('acceleratorKeys', () => {
  it('prints an Electron accelerator as key names', () => {
    expect(acceleratorKeys('CommandOrControl+Shift+Escape')).toEqual(['Ctrl', 'Shift', 'Esc']);
    expect(acceleratorKeys('Alt + F12')).toEqual(['Alt', 'F12']);
  });
});

describe('shortcutList', () => {
  it('lists the configured emergency stop and the run, player and list keys', () => {
    const list = shortcutList('Control+Alt+S');
    expect(list.find((shortcut) => shortcut.id === 'emergencyStop')?.keys).toEqual([['Ctrl', 'Alt', 'S']]);
    expect(list.map((shortcut) => shortcut.id)).toEqual(
      expect.arrayContaining(['help', 'startRun', 'stopRun', 'previousStep', 'nextStep', 'moveInList']),
    );
  });
});

describe('opensShortcutHelp', () => {
  const press = { key: '?', ctrlKey: false, metaKey: false, altKey: false, typing: false };
  it('opens on a plain ? outside text fields only', () => {
    expect(opensShortcutHelp(press)).toBe(true);
    expect(opensShortcutHelp({ ...press, typing: true })).toBe(false);
    expect(opensShortcutHelp({ ...press, ctrlKey: true })).toBe(false);
    expect(opensShortcutHelp({ ...press, key: '/' })).toBe(false);
  });
});
