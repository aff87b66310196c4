// One line a person can read for an action, e.g. `left_click on "OK" at 960,540` or `type "hello"`. Pure.
import type { Action } from './actions.js';

/**
 * The action's name, then what it presses, types or scrolls, the element the model named, and where: the pixel
 * point, and for a drag where it ends. Used by the CLI, reports, confirmations and reruns alike.
 */
export function describeAction(action: Action): string {
  const parts: string[] = [action.name];
  if (action.keys && action.keys.length > 0) parts.push(action.keys.join('+'));
  if (action.name === 'type' && action.text !== null) parts.push(JSON.stringify(action.text));
  if (action.name === 'scroll') parts.push(`${action.direction ?? 'down'} ×${action.steps ?? 5}`);
  if (action.elementInfo) parts.push(`on ${JSON.stringify(action.elementInfo)}`);
  if (action.point) parts.push(`at ${action.point[0]},${action.point[1]}`);
  if (action.endPoint) parts.push(`to ${action.endPoint[0]},${action.endPoint[1]}`);
  return parts.join(' ');
}
