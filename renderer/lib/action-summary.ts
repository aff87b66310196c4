// What an action chip says about an action besides its name, and which icon it shows. Pure; renderer.
import type { Action, ActionName } from '../../src/host/protocol/host-api.js';

/** The icons of renderer/components/Icon.tsx that stand for actions. */
export type ActionIcon =
  | 'click'
  | 'right-click'
  | 'double-click'
  | 'hover'
  | 'drag'
  | 'keyboard'
  | 'type'
  | 'scroll-up'
  | 'scroll-down'
  | 'wait'
  | 'done'
  | 'fail'
  | 'none';

const ICONS: Record<ActionName, ActionIcon> = {
  left_click: 'click',
  right_click: 'right-click',
  middle_click: 'click',
  hover: 'hover',
  left_double_click: 'double-click',
  left_drag: 'drag',
  key: 'keyboard',
  type: 'type',
  scroll: 'scroll-down',
  wait: 'wait',
  done: 'done',
  fail: 'fail',
  none: 'none',
};

const MAX_TEXT = 60;

/** The icon for an action. */
export function actionIcon(action: Action): ActionIcon {
  if (action.name === 'scroll') return action.direction === 'up' ? 'scroll-up' : 'scroll-down';
  return ICONS[action.name];
}

/**
 * The details after the action's name, in chip order: keys as a chord (`ctrl+c`), typed text quoted and shortened,
 * scroll direction and steps (`↓ 5`), then the element the model named.
 */
export function actionDetails(action: Action): string[] {
  const details: string[] = [];
  if (action.keys && action.keys.length > 0) details.push(action.keys.join('+'));
  if (action.text !== null && action.name === 'type') details.push(`“${shorten(action.text, MAX_TEXT)}”`);
  if (action.name === 'scroll') details.push(`${action.direction === 'up' ? '↑' : '↓'} ${action.steps ?? 5}`);
  if (action.elementInfo) details.push(shorten(action.elementInfo, MAX_TEXT));
  return details;
}

/** `text` cut to `max` characters with an ellipsis; newlines shown as ⏎. */
export function shorten(text: string, max: number): string {
  const oneLine = text.replace(/\r?\n/g, '⏎');
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
