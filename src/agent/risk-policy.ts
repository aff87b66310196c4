// Which actions need the user's confirmation under the never / risky / always policy. Node only (no I/O, no state).
import type { Action } from '../glm/actions.js';
import type { ConfirmationPolicy } from '../host/protocol/settings.js';

/** Chords that close, quit or delete; compared as sorted canonical key lists. */
const RISKY_CHORDS = [
  ['alt', 'f4'],
  ['ctrl', 'w'],
  ['ctrl', 'q'],
  ['meta', 'q'],
  ['meta', 'w'],
  ['ctrl', 'shift', 'w'],
  ['ctrl', 'shift', 'q'],
  ['delete'],
  ['delete', 'shift'],
  ['ctrl', 'delete'],
  ['backspace', 'meta'],
].map((chord) => [...chord].sort().join('+'));

const RISKY_WORDS =
  /\b(delete|remove|erase|send|pay|payment|purchase|buy|checkout|place (?:an |the )?order|submit (?:an |the )?order|sign ?out|log ?out|format|uninstall|empty (?:the )?trash)\b/i;

/** Why `action` needs confirming under `policy`, or null when it may go ahead. */
export function confirmationReason(policy: ConfirmationPolicy, action: Action, explanation: string): string | null {
  if (
    policy === 'never' ||
    action.name === 'none' ||
    action.name === 'done' ||
    action.name === 'fail' ||
    action.name === 'wait'
  ) {
    return null;
  }
  if (policy === 'always') return 'You asked to confirm every action.';
  if (action.name === 'key' && action.keys) {
    const chord = [...new Set(action.keys)].sort().join('+');
    if (RISKY_CHORDS.includes(chord)) return `The key chord ${action.keys.join('+')} can close, quit or delete.`;
  }
  const words = `${action.elementInfo ?? ''} ${explanation} ${action.name === 'type' ? '' : (action.text ?? '')}`;
  const match = RISKY_WORDS.exec(words);
  if (match) return `The model means to "${match[0].toLowerCase()}" (${action.elementInfo ?? action.name}).`;
  return null;
}
