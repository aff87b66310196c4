// Parses key chords such as key(keys='ctrl+c') into canonical lower-case key names. Pure: no Node, no DOM.

const NAMED_KEYS = [
  'ctrl',
  'alt',
  'shift',
  'meta',
  'enter',
  'escape',
  'tab',
  'backspace',
  'delete',
  'insert',
  'space',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  ...Array.from({ length: 12 }, (_, index) => `f${index + 1}`),
];

// Letters are folded to lower case, so only '!'…'~' without 'A'–'Z' are canonical characters.
const PRINTABLE_CHARACTERS = Array.from({ length: 0x7e - 0x21 + 1 }, (_, index) =>
  String.fromCharCode(0x21 + index),
).filter((character) => character < 'A' || character > 'Z');

/** Every canonical key name: the named keys (ctrl, enter, f1…f12, …) and the printable ASCII characters, lower case. */
export const CANONICAL_KEYS: ReadonlySet<string> = new Set([...NAMED_KEYS, ...PRINTABLE_CHARACTERS]);

// Keyed by the compact form (lower case, no spaces, '_' or '-'); covers xdotool/pyautogui names the model learnt.
const KEY_ALIASES: ReadonlyMap<string, string> = new Map([
  ...aliases('enter', ['return', 'kpenter', 'numpadenter']),
  ...aliases('escape', ['esc']),
  ...aliases('meta', ['cmd', 'command', 'win', 'windows', 'super', 'os']),
  ...aliases('ctrl', ['control', 'ctl']),
  ...aliases('alt', ['option', 'opt']),
  ...aliases('delete', ['del']),
  ...aliases('backspace', ['bksp', 'back']),
  ...aliases('insert', ['ins']),
  ...aliases('space', ['spacebar']),
  ...aliases('up', ['arrowup', 'uparrow']),
  ...aliases('down', ['arrowdown', 'downarrow']),
  ...aliases('left', ['arrowleft', 'leftarrow']),
  ...aliases('right', ['arrowright', 'rightarrow']),
  ...aliases('pageup', ['pgup', 'prior']),
  ...aliases('pagedown', ['pgdn', 'pagedn', 'next']),
  ...aliases('+', ['plus']),
  ...aliases('-', ['minus']),
  ...aliases('=', ['equal', 'equals']),
  ...aliases(',', ['comma']),
  ...aliases('.', ['period', 'dot']),
  ...aliases('/', ['slash']),
  ...aliases('\\', ['backslash']),
  ...aliases(';', ['semicolon']),
  ...aliases("'", ['apostrophe', 'quote']),
  ...aliases('`', ['grave', 'backtick']),
  ...aliases('[', ['bracketleft']),
  ...aliases(']', ['bracketright']),
]);

function aliases(canonical: string, names: readonly string[]): [string, string][] {
  return names.map((name) => [name, canonical]);
}

// xdotool names the left and right modifier separately (ctrl_l, Super_R); the operator presses either side alike.
const SIDED_MODIFIER =
  /^(?:(?:l|r|left|right)[\s_-]?)?(ctrl|control|ctl|shift|alt|option|super|meta|cmd|win)(?:[\s_-]?(?:l|r))?$/;

/** True when `name` is a canonical key name (see CANONICAL_KEYS); the operator can press only these. */
export function isKnownKey(name: string): boolean {
  return CANONICAL_KEYS.has(name);
}

/** Folds one key name to its canonical form ('Return' → 'enter', 'A' → 'a'); an unknown name comes back lower-cased. */
export function canonicalKeyName(token: string): string {
  const lower = token.trim().toLowerCase();
  if ([...lower].length <= 1) return lower;
  const unsided = SIDED_MODIFIER.exec(lower)?.[1] ?? lower;
  const compact = unsided.replace(/[\s_-]+/g, '');
  if (NAMED_KEYS.includes(compact)) return compact;
  return KEY_ALIASES.get(compact) ?? lower;
}

/**
 * Splits a chord on '+' into canonical key names: 'Ctrl+Shift+T' → ['ctrl', 'shift', 't']. A doubled '+' is the plus
 * key ('ctrl++' → ['ctrl', '+']); a repeated last key is kept, meaning "press the chord again"; ' ' alone is space.
 */
export function parseKeyChord(text: string): string[] {
  if (text.length > 0 && text.trim() === '') return ['space'];
  const parts = text.split('+').map((part) => part.trim());
  const keys: string[] = [];
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index] ?? '';
    if (part !== '') {
      keys.push(canonicalKeyName(part));
    } else if (parts[index + 1] === '') {
      keys.push('+');
      index++;
    }
  }
  return keys;
}
