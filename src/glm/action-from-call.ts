// Turns one parsed call (name and argument text) into a typed Action, or an error. Pure: no Node, no DOM.
import { emptyAction } from './actions.js';
import type { Action, ActionName, ModelPoint } from './actions.js';
import { parseCallArgs } from './call-args.js';
import type { CallArgs } from './call-args.js';
import { boxCentre, MODEL_COORDINATE_MAX, mapModelPointToPixel } from './geometry.js';
import type { FrameSize } from './geometry.js';
import { isKnownKey, parseKeyChord } from './keys.js';

/** An action the operator can run (error null), or action `none` with the reason. */
export interface ActionResult {
  action: Action;
  error: string | null;
}

const NAME_ALIASES: ReadonlyMap<string, ActionName> = new Map([
  ...names('left_click', ['left_click', 'click', 'left_single', 'single_click', 'left_single_click']),
  ...names('right_click', ['right_click', 'right_single']),
  ...names('middle_click', ['middle_click']),
  ...names('hover', ['hover', 'move', 'mouse_move', 'move_to']),
  ...names('left_double_click', ['left_double_click', 'double_click', 'left_double']),
  ...names('left_drag', ['left_drag', 'drag']),
  ...names('key', ['key', 'press', 'hotkey', 'keypress']),
  ...names('type', ['type', 'input', 'type_text']),
  ...names('scroll', ['scroll']),
  ...names('wait', ['wait']),
  ...names('done', ['done']),
  ...names('fail', ['fail']),
]);

function names(action: ActionName, spellings: readonly string[]): [string, ActionName][] {
  return spellings.map((spelling) => [spelling, action]);
}

/** Wheel clicks when scroll() gives no step, as the action space documents. */
export const DEFAULT_SCROLL_STEPS = 5;
/** The most wheel clicks one scroll may ask for; larger steps are clamped. */
export const MAX_SCROLL_STEPS = 50;

/** The action a call name stands for (case-insensitive, aliases folded), or null when it is not an action. */
export function resolveActionName(name: string): ActionName | null {
  return NAME_ALIASES.get(name.toLowerCase()) ?? null;
}

/** A usable-nothing result: action `none` with the reason. */
export function failure(error: string): ActionResult {
  return { action: emptyAction('none'), error };
}

/** Builds the action for `name(args)`; `size` is the original screenshot the model saw, in pixels. */
export function actionFromCall(name: string, argsText: string, size: FrameSize): ActionResult {
  const action = resolveActionName(name);
  if (action === null) return failure(unsupported(name));
  const args = parseCallArgs(argsText);
  switch (action) {
    case 'key':
      return keyAction(args);
    case 'type':
      return typeAction(args);
    case 'scroll':
      return scrollAction(args, size);
    case 'left_drag':
      return dragAction(args, size);
    case 'wait':
    case 'done':
    case 'fail':
      return { action: emptyAction(action), error: null };
    case 'none':
      return failure(unsupported(name));
    default:
      return pointerAction(action, args, size);
  }
}

/** The actions GLM-4.1V's desktop prompt defines, as the model writes them. */
const SUPPORTED_ACTIONS =
  'left_click, right_click, middle_click, hover, left_double_click, left_drag, key, type, scroll (up or down), ' +
  'WAIT, DONE and FAIL';

/**
 * An action outside GLM-4.1V's desktop space: left_triple_click and hold_keys come from later GLM agents, answer()
 * from its mobile space; refused with the list rather than guessed at.
 */
function unsupported(name: string): string {
  return `Unknown action '${name}': GLM-4.1V's desktop actions are ${SUPPORTED_ACTIONS}.`;
}

function pointerAction(name: ActionName, args: CallArgs, size: FrameSize): ActionResult {
  const start = readPoint(name, 'start_box', startValue(args));
  if (typeof start === 'string') return failure(start);
  return { action: { ...emptyAction(name), ...placed(start, size), elementInfo: elementInfo(args) }, error: null };
}

function dragAction(args: CallArgs, size: FrameSize): ActionResult {
  const start = readPoint('left_drag', 'start_box', startValue(args));
  if (typeof start === 'string') return failure(start);
  const endText = args.named.get('end_box') ?? args.named.get('end_point') ?? args.positional[1];
  const end = readPoint('left_drag', 'end_box', endText);
  if (typeof end === 'string') return failure(end);
  const action: Action = { ...emptyAction('left_drag'), ...placed(start, size), elementInfo: elementInfo(args) };
  return { action: { ...action, endBox: end, endPoint: mapModelPointToPixel(end, size) }, error: null };
}

function scrollAction(args: CallArgs, size: FrameSize): ActionResult {
  const start = readPoint('scroll', 'start_box', startValue(args));
  if (typeof start === 'string') return failure(start);
  const directionText = args.named.get('direction');
  if (directionText === undefined) return failure('scroll needs a direction (up or down).');
  const direction = directionText.trim().toLowerCase();
  if (direction !== 'up' && direction !== 'down') {
    return failure(`scroll direction '${directionText}' is not supported: only up or down.`);
  }
  const steps = scrollSteps(args.named.get('step') ?? args.named.get('steps'));
  const placedStart = placed(start, size);
  return {
    action: { ...emptyAction('scroll'), ...placedStart, direction, steps, elementInfo: elementInfo(args) },
    error: null,
  };
}

function scrollSteps(text: string | undefined): number {
  const value = text === undefined ? Number.NaN : Number(text.trim());
  if (text === undefined || text.trim() === '' || !Number.isFinite(value)) return DEFAULT_SCROLL_STEPS;
  return Math.min(MAX_SCROLL_STEPS, Math.max(1, Math.round(value)));
}

function keyAction(args: CallArgs): ActionResult {
  const chord = args.named.get('keys') ?? args.named.get('key') ?? args.positional[0];
  if (chord === undefined) return failure("key needs keys, e.g. key(keys='ctrl+c').");
  const keys = parseKeyChord(chord);
  if (keys.length === 0) return failure(`key has no keys in '${chord}'.`);
  const unknown = keys.find((key) => !isKnownKey(key));
  if (unknown !== undefined) return failure(`Unknown key '${unknown}' in key(keys='${chord}').`);
  return { action: { ...emptyAction('key'), keys }, error: null };
}

function typeAction(args: CallArgs): ActionResult {
  const content = args.named.get('content') ?? args.named.get('text') ?? args.positional[0];
  if (content === undefined || content === '') return failure("type needs content, e.g. type(content='hello').");
  return { action: { ...emptyAction('type'), text: content }, error: null };
}

function startValue(args: CallArgs): string | undefined {
  const { named } = args;
  return (
    named.get('start_box') ?? named.get('start_point') ?? named.get('point') ?? named.get('box') ?? args.positional[0]
  );
}

function placed(box: ModelPoint, size: FrameSize): Pick<Action, 'box' | 'point'> {
  return { box, point: mapModelPointToPixel(box, size) };
}

function elementInfo(args: CallArgs): string | null {
  const info = args.named.get('element_info');
  return info === undefined || info.trim() === '' ? null : info;
}

/**
 * Reads a model point from `[x,y]`, `[[x,y]]`, `(x,y)`, `<point>x y</point>` or a 4-number box (its centre). Numbers
 * are kept as written: `readPoint` refuses any outside 0–999 rather than clamping it to the screen's edge.
 */
export function parseModelPoint(text: string): ModelPoint | null {
  const bare = text.replace(/<\/?(?:point|bbox|box)>/g, '');
  // Only digits and separators: the template's literal '[x,y]' or '[x1,y1]' must not read as a point.
  if (!/^[\s[\]()'",.\d+-]*$/.test(bare)) return null;
  const numbers = (bare.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = numbers;
  if (numbers.length === 2) return [x1, y1];
  if (numbers.length !== 4) return null;
  if (numbers.some((value) => !inModelRange(value))) return [Number.NaN, Number.NaN];
  return boxCentre(x1, y1, x2, y2);
}

const inModelRange = (value: number) => Number.isFinite(value) && value >= 0 && value <= MODEL_COORDINATE_MAX;

function readPoint(action: ActionName, argument: string, text: string | undefined): ModelPoint | string {
  if (text === undefined) return `${action} needs ${argument} as [x,y].`;
  const point = parseModelPoint(text);
  if (point === null) return `${action} has an unreadable ${argument} '${text}': expected [x,y] in 0–999.`;
  if (!point.every(inModelRange)) {
    return (
      `${action} has ${argument} '${text.trim()}' outside 0–999: points are thousandths of the screenshot, ` +
      'so this answer cannot be placed on the screen.'
    );
  }
  return point;
}
