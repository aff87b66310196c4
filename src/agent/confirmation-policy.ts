// Which actions need the user's confirmation under the never / risky / always policy. Node only (no I/O, no state).
import type { Action, PixelPoint } from '../glm/actions.js';
import type { FrameSize } from '../glm/geometry.js';
import type { ConfirmationPolicy } from '../run-protocol/confirmation.js';
import type { ConfirmAction, ConfirmRequest } from './run-step.js';

/** Chords that close, quit, log out or delete; compared as sorted canonical key lists. */
const RISKY_CHORDS = new Set(
  [
    ['alt', 'f4'],
    ['ctrl', 'f4'],
    ['ctrl', 'w'],
    ['ctrl', 'q'],
    ['meta', 'q'],
    ['meta', 'w'],
    ['meta', 'shift', 'q'],
    ['ctrl', 'shift', 'w'],
    ['ctrl', 'shift', 'q'],
    ['ctrl', 'alt', 'delete'],
    ['ctrl', 'alt', 'backspace'],
    ['delete'],
    ['delete', 'shift'],
    ['ctrl', 'delete'],
    ['ctrl', 'delete', 'shift'],
    ['backspace', 'meta'],
    ['delete', 'meta'],
  ].map((chord) => [...chord].sort().join('+')),
);

const RISKY_WORDS =
  /\b(delete|remove|erase|discard|send|pay|payment|purchase|buy|checkout|place (?:an |the )?order|submit (?:an |the |my )?order|sign ?out|log ?out|format|uninstall|empty (?:the )?trash|shut ?down|reboot)\b/i;

const NEVER_ASKED: ReadonlySet<Action['name']> = new Set(['none', 'done', 'fail', 'wait']);

/**
 * Why `action` needs confirming under `policy`, or null when it may go ahead. `frame` is the screenshot the action's
 * pixel points refer to (the chosen display); a point outside it is risky, since it would act on another screen.
 * Only the fixed action space is looked at: nothing in the model's text can change `policy`.
 */
export function confirmationReason(
  policy: ConfirmationPolicy,
  action: Action,
  explanation: string,
  frame?: FrameSize,
): string | null {
  if (policy === 'never' || NEVER_ASKED.has(action.name)) return null;
  if (policy === 'always') return 'You asked to confirm every action.';
  const outside = frame ? pointOutside(action, frame) : null;
  if (outside) return `The target ${outside} lies outside the chosen display.`;
  if (action.name === 'key' && action.keys) {
    const chord = [...new Set(action.keys)].sort().join('+');
    if (RISKY_CHORDS.has(chord)) return `The key chord ${action.keys.join('+')} can close, quit or delete.`;
  }
  // Typed text is content, not intent: "delete" typed into a document is harmless.
  const words = `${action.elementInfo ?? ''} ${explanation}`;
  const match = RISKY_WORDS.exec(words);
  if (match) return `The model means to "${match[0].toLowerCase()}" (${action.elementInfo ?? action.name}).`;
  return null;
}

function pointOutside(action: Action, frame: FrameSize): string | null {
  for (const point of [action.point, action.endPoint]) {
    if (point !== null && !insideFrame(point, frame)) return `[${point.join(', ')}]`;
  }
  return null;
}

function insideFrame([x, y]: PixelPoint, frame: FrameSize): boolean {
  return Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < frame.width && y < frame.height;
}

/** How the user is asked: resolves true to go ahead. `reason` says why the action is risky. */
export type AskUser = (request: ConfirmRequest, reason: string, signal: AbortSignal) => Promise<boolean>;

/**
 * The one confirm hook every front end uses (CLI, app host): asks only when the policy, read afresh for each
 * action from the user's settings, finds the action risky.
 */
export function confirmWhenRisky(policy: () => ConfirmationPolicy, ask: AskUser): ConfirmAction {
  return async (request, signal) => {
    const reason = confirmationReason(policy(), request.action, request.explanation, request.frame);
    return reason === null ? true : ask(request, reason, signal);
  };
}
