// One line a person can read for a recorded action, e.g. `left_drag (120, 40) → (600, 380)`. Node only.
import type { Action } from '../../glm/actions.js';

export function describeAction(action: Action): string {
  const at = (point: readonly number[] | null) => (point ? ` (${point[0]}, ${point[1]})` : '');
  switch (action.name) {
    case 'left_drag':
      return `left_drag${at(action.point)} →${at(action.endPoint)}`;
    case 'key':
      return `key ${(action.keys ?? []).join('+')}`;
    case 'type':
      return `type ${JSON.stringify(action.text ?? '')}`;
    case 'scroll':
      return `scroll ${action.direction ?? 'down'} ${action.steps ?? 5}${at(action.point)}`;
    default:
      return `${action.name}${at(action.point)}${action.elementInfo ? ` on ${JSON.stringify(action.elementInfo)}` : ''}`;
  }
}
