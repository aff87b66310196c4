// The action as the operator carries it out: a union by name, each variant with exactly the fields it needs.
// The flat `Action` stays the wire shape (`deskhand parse`, sessions, events); `typedAction` converts at the operator.
// Pure: no Node, no DOM.
import { DEFAULT_SCROLL_STEPS } from './action-from-call.js';
import type { Action, PixelPoint } from './actions.js';

export type PointerActionName = 'left_click' | 'right_click' | 'middle_click' | 'hover' | 'left_double_click';

export type TypedAction =
  | { name: PointerActionName; point: PixelPoint }
  | { name: 'left_drag'; point: PixelPoint; endPoint: PixelPoint }
  | { name: 'key'; keys: readonly string[] }
  | { name: 'type'; text: string }
  | { name: 'scroll'; point: PixelPoint; direction: 'up' | 'down'; steps: number }
  | { name: 'wait' | 'done' | 'fail' | 'none' };

/** Thrown when a flat action lacks a field its name needs (the parser never emits one; a hand-made session may). */
export class IncompleteActionError extends Error {
  override readonly name = 'IncompleteActionError';
}

function required(point: PixelPoint | null, action: Action, field: string): PixelPoint {
  if (point === null) throw new IncompleteActionError(`Action ${action.name} needs ${field}`);
  return point;
}

/** The typed form of a flat action: points required where they act, the official defaults for missing keys, text, scroll. */
export function typedAction(action: Action): TypedAction {
  switch (action.name) {
    case 'left_click':
    case 'right_click':
    case 'middle_click':
    case 'hover':
    case 'left_double_click':
      return { name: action.name, point: required(action.point, action, 'a point') };
    case 'left_drag':
      return {
        name: 'left_drag',
        point: required(action.point, action, 'a point'),
        endPoint: required(action.endPoint, action, 'an end point'),
      };
    case 'key':
      return { name: 'key', keys: action.keys ?? [] };
    case 'type':
      return { name: 'type', text: action.text ?? '' };
    case 'scroll':
      return {
        name: 'scroll',
        point: required(action.point, action, 'a point'),
        direction: action.direction ?? 'down',
        steps: action.steps ?? DEFAULT_SCROLL_STEPS,
      };
    case 'wait':
    case 'done':
    case 'fail':
    case 'none':
      return { name: action.name };
  }
}
