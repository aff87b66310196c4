// Builders of expected parser results and of raw answers, shared by the parser tests.
import { emptyAction, type Action, type ActionName, type ParsedAnswer } from '../../src/glm/actions.js';

export const SIZE = { width: 1920, height: 1080 };
export const NO_ACTION =
  "No action found in the answer: expected a call such as left_click(start_box='[x,y]') or DONE().";

export function act(name: ActionName, fields: Partial<Action> = {}): Action {
  return { ...emptyAction(name), ...fields };
}

export function parsed(action: Action, fields: Partial<ParsedAnswer> = {}): ParsedAnswer {
  return { thinking: '', explanation: '', memory: '[]', action, error: null, ...fields };
}

export function failed(error: string, fields: Partial<ParsedAnswer> = {}): ParsedAnswer {
  return parsed(emptyAction('none'), { error, ...fields });
}

/** A canonical answer with `call` in box tokens. */
export function boxed(call: string, memory = '[]'): string {
  return `<think>Look at the screen.</think><answer>Go.\n<|begin_of_box|>${call}<|end_of_box|>\nMemory:\n${memory}</answer>`;
}
