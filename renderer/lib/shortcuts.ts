// The app's keyboard shortcuts, as the shortcuts help lists them, and when `?` opens that help. Pure; renderer.

/** Where a shortcut works, for grouping the help. */
export type ShortcutGroup = 'everywhere' | 'run' | 'sessions';

export interface Shortcut {
  /** The i18n key under app.shortcuts.actions. */
  id:
    | 'help'
    | 'emergencyStop'
    | 'closeDialog'
    | 'switchTab'
    | 'startRun'
    | 'stopRun'
    | 'previousStep'
    | 'nextStep'
    | 'moveInList'
    | 'openSession';
  group: ShortcutGroup;
  /** Alternatives, each a chord of key names as printed on keys. */
  keys: string[][];
}

/** Key names from an Electron accelerator, as printed on keys: CommandOrControl+Shift+Escape → Ctrl, Shift, Esc. */
export function acceleratorKeys(accelerator: string): string[] {
  const names: Record<string, string> = {
    commandorcontrol: 'Ctrl',
    cmdorctrl: 'Ctrl',
    control: 'Ctrl',
    ctrl: 'Ctrl',
    escape: 'Esc',
    esc: 'Esc',
    option: 'Alt',
  };
  return accelerator
    .split('+')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => names[part.toLowerCase()] ?? part);
}

/** Every shortcut the renderer handles, plus the global emergency stop (`emergencyStop`, an accelerator). */
export function shortcutList(emergencyStop: string): Shortcut[] {
  return [
    { id: 'help', group: 'everywhere', keys: [['?']] },
    { id: 'emergencyStop', group: 'everywhere', keys: [acceleratorKeys(emergencyStop)] },
    { id: 'closeDialog', group: 'everywhere', keys: [['Esc']] },
    { id: 'switchTab', group: 'everywhere', keys: [['←'], ['→']] },
    {
      id: 'startRun',
      group: 'run',
      keys: [
        ['Ctrl', 'Enter'],
        ['⌘', 'Enter'],
      ],
    },
    { id: 'stopRun', group: 'run', keys: [['Esc']] },
    { id: 'previousStep', group: 'sessions', keys: [['←']] },
    { id: 'nextStep', group: 'sessions', keys: [['→']] },
    { id: 'moveInList', group: 'sessions', keys: [['↑'], ['↓']] },
    { id: 'openSession', group: 'sessions', keys: [['Enter'], ['Space']] },
  ];
}

/** A key press as far as `?` cares: the key, modifiers, and whether focus is in something one types into. */
export interface HelpKeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  typing: boolean;
}

/** `?` opens the help, unless it is being typed into a field or is part of a chord. */
export function opensShortcutHelp(press: HelpKeyPress): boolean {
  return press.key === '?' && !press.ctrlKey && !press.metaKey && !press.altKey && !press.typing;
}
