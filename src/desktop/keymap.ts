// Canonical key names of the action contract → nut-js Key names, and a chord's press plan. Node only.

/** A member name of nut-js's Key enum, resolved to its value only where nut-js is loaded. */
export type NutKeyName = keyof typeof import('@nut-tree-fork/nut-js').Key;

const NAMED_KEYS: Record<string, NutKeyName> = {
  ctrl: 'LeftControl',
  alt: 'LeftAlt',
  shift: 'LeftShift',
  meta: 'LeftSuper',
  enter: 'Return',
  escape: 'Escape',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  space: 'Space',
  up: 'Up',
  down: 'Down',
  left: 'Left',
  right: 'Right',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  insert: 'Insert',
  ...Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`f${index + 1}`, `F${index + 1}` as NutKeyName])),
};

const SYMBOL_KEYS: Record<string, NutKeyName> = {
  '`': 'Grave',
  '-': 'Minus',
  '=': 'Equal',
  '[': 'LeftBracket',
  ']': 'RightBracket',
  '\\': 'Backslash',
  ';': 'Semicolon',
  "'": 'Quote',
  ',': 'Comma',
  '.': 'Period',
  '/': 'Slash',
  ' ': 'Space',
};

/** Shifted symbols of a US layout, by the unshifted character on the same key. */
const SHIFTED_SYMBOLS: Record<string, string> = {
  '~': '`',
  '!': '1',
  '@': '2',
  '#': '3',
  $: '4',
  '%': '5',
  '^': '6',
  '&': '7',
  '*': '8',
  '(': '9',
  ')': '0',
  _: '-',
  '+': '=',
  '{': '[',
  '}': ']',
  '|': '\\',
  ':': ';',
  '"': "'",
  '<': ',',
  '>': '.',
  '?': '/',
};

function unshiftedKey(character: string): NutKeyName | undefined {
  if (/^[a-z]$/.test(character)) return character.toUpperCase() as NutKeyName;
  if (/^[0-9]$/.test(character)) return `Num${character}` as NutKeyName;
  return SYMBOL_KEYS[character];
}

/** The nut-js keys that produce one canonical key: one key, or Shift plus a key for shifted characters. */
export function resolveKey(name: string): NutKeyName[] {
  const named = NAMED_KEYS[name.toLowerCase()];
  if (named) return [named];
  const plain = unshiftedKey(name);
  if (plain) return [plain];
  const shiftedBase = /^[A-Z]$/.test(name) ? name.toLowerCase() : SHIFTED_SYMBOLS[name];
  const shifted = shiftedBase === undefined ? undefined : unshiftedKey(shiftedBase);
  if (shifted) return ['LeftShift', shifted];
  throw new Error(`Unknown key "${name}": use ${Object.keys(NAMED_KEYS).join(', ')} or one printable ASCII character`);
}

/** How to press one chord: hold `held` in order, tap `tap` `repeat` times, release `held` in reverse. */
export interface ChordPlan {
  held: NutKeyName[];
  tap: NutKeyName;
  repeat: number;
}

/** Plans a chord; a repeated last key (['ctrl', 'tab', 'tab']) taps it again while the rest stay held. */
export function planChord(keys: readonly string[]): ChordPlan {
  const last = keys.at(-1);
  if (last === undefined) throw new Error('A key action needs at least one key');
  let repeat = 1;
  while (repeat < keys.length && keys[keys.length - 1 - repeat] === last) repeat++;
  const lastKeys = resolveKey(last);
  const held: NutKeyName[] = [];
  for (const key of [...keys.slice(0, keys.length - repeat).flatMap(resolveKey), ...lastKeys.slice(0, -1)]) {
    if (!held.includes(key)) held.push(key);
  }
  return { held, tap: lastKeys.at(-1)!, repeat };
}
