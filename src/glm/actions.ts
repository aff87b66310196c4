// The typed actions of the GLM-4.1V desktop action space. Pure: no Node, no DOM.
import { z } from 'zod';

/** The 12 actions of the GLM-4.1V desktop space, lower-cased, plus `none` for an answer with no usable action. */
export const ACTION_NAMES = [
  'left_click',
  'right_click',
  'middle_click',
  'hover',
  'left_double_click',
  'left_drag',
  'key',
  'type',
  'scroll',
  'wait',
  'done',
  'fail',
  'none',
] as const;
export const ActionName = z.enum(ACTION_NAMES);
export type ActionName = z.infer<typeof ActionName>;

/** A point in the model's space: [x, y], each 0–999 thousandths of the screenshot. */
export const ModelPoint = z.tuple([z.number(), z.number()]);
export type ModelPoint = z.infer<typeof ModelPoint>;

/** A point in screenshot pixels: [x, y] with 0 ≤ x < width, 0 ≤ y < height of the frame the model saw. */
export const PixelPoint = z.tuple([z.number().int(), z.number().int()]);
export type PixelPoint = z.infer<typeof PixelPoint>;

/**
 * One parsed action. The shape is the `action` object of `deskhand parse` (a CLI contract): fields that do not
 * apply to an action are null.
 */
export const Action = z.object({
  name: ActionName,
  /** Model-space start point (0–999), for pointer actions and scroll. */
  box: ModelPoint.nullable(),
  /** Model-space end point, for left_drag. */
  endBox: ModelPoint.nullable(),
  /** `box` mapped to screenshot pixels. */
  point: PixelPoint.nullable(),
  /** `endBox` mapped to screenshot pixels. */
  endPoint: PixelPoint.nullable(),
  /** Canonical lower-case key names of one chord, e.g. ['ctrl', 'c']; a repeated last key means press again. */
  keys: z.array(z.string()).nullable(),
  /** Text for `type`, unescaped. */
  text: z.string().nullable(),
  direction: z.enum(['up', 'down']).nullable(),
  /** Wheel clicks for scroll (default 5). */
  steps: z.number().int().nullable(),
  elementInfo: z.string().nullable(),
});
export type Action = z.infer<typeof Action>;

/** Everything the parser takes from one raw model answer. The shape is `deskhand parse`'s JSON line. */
export const ParsedAnswer = z.object({
  thinking: z.string(),
  /** The answer's plain-text explanation, without the action call and box tokens. */
  explanation: z.string(),
  /** The raw text after `Memory:` (a JSON list as the model wrote it), `[]` when absent. */
  memory: z.string(),
  action: Action,
  /** Why no action could be taken from the answer; null when the action is usable. */
  error: z.string().nullable(),
});
export type ParsedAnswer = z.infer<typeof ParsedAnswer>;

/** Actions that need a pointer position. */
export const POINTER_ACTIONS: readonly ActionName[] = [
  'left_click',
  'right_click',
  'middle_click',
  'hover',
  'left_double_click',
  'left_drag',
  'scroll',
];

/** An action with every field null but its name; the parser fills what applies. */
export function emptyAction(name: ActionName): Action {
  return {
    name,
    box: null,
    endBox: null,
    point: null,
    endPoint: null,
    keys: null,
    text: null,
    direction: null,
    steps: null,
    elementInfo: null,
  };
}
