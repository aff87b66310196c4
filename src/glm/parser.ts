// Parses one raw GLM-4.1V desktop reply into thinking, explanation, memory and a typed action. Pure: no Node, no DOM.
import { emptyAction } from './actions.js';
import type { ParsedAnswer } from './actions.js';
import { actionFromCall, failure, resolveActionName } from './action-from-call.js';
import type { ActionResult } from './action-from-call.js';
import { firstActionBox, removeBoxTokens, splitAnswer, splitThinking } from './answer-sections.js';
import { findCalls } from './call-args.js';
import type { FrameSize } from './geometry.js';

interface ChosenAction {
  result: ActionResult;
  /** Where the action (its box or call) starts in the body; the explanation is the text before it. */
  start: number;
}

const TERMINAL = /^(wait|done|fail)\s*(?:\(\s*\))?\s*[.!]?$/i;
// Without box tokens only upper-case bare words count: "I'll wait" in prose is not WAIT.
const BARE_TERMINAL = /\b(WAIT|DONE|FAIL)\b(?!\s*\()/g;
const ACTION_PREFIX_TERMINAL = /Action:\s*(wait|done|fail)\s*(?:\(\s*\))?\s*[.!]?\s*$/i;

/** The longest answer (thinking included) the parser reads: 8192 tokens are about 40 KB; 1 MB is far past any. */
export const MAX_ANSWER_CHARS = 1_000_000;

const TRUNCATED = 'The reply was cut off inside <think>: it has no answer.';
const EMPTY = 'The answer is empty: no action.';
const NO_ACTION = "No action found in the answer: expected a call such as left_click(start_box='[x,y]') or DONE().";

/**
 * Parses a raw reply (`<think>…</think><answer>…<|begin_of_box|>call<|end_of_box|>\nMemory:\n[…]</answer>`).
 * `size` is the original screenshot the model saw, in pixels; `reasoning` is a separate reasoning stream, if any.
 * The action comes only from the answer, never from the thinking. Never throws: anything unusable gives action
 * `none` and an `error`.
 */
export function parseAnswer(raw: string, size: FrameSize, reasoning?: string): ParsedAnswer {
  try {
    return parseAnswerUnguarded(String(raw ?? ''), size, reasoning === undefined ? undefined : String(reasoning));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      thinking: '',
      explanation: '',
      memory: '[]',
      action: emptyAction('none'),
      error: `The parser failed: ${reason}`,
    };
  }
}

function parseAnswerUnguarded(raw: string, size: FrameSize, reasoning: string | undefined): ParsedAnswer {
  const length = raw.length + (reasoning?.length ?? 0);
  if (length > MAX_ANSWER_CHARS) {
    const error =
      `The answer is ${length.toLocaleString('en')} characters, over the ` +
      `${MAX_ANSWER_CHARS.toLocaleString('en')} the parser reads: it is not read.`;
    return { thinking: '', explanation: '', memory: '[]', action: emptyAction('none'), error };
  }
  const split = splitThinking(raw, reasoning);
  const { body, memory } = splitAnswer(split.answer);
  const chosen = chooseAction(body, size);
  const explanation = removeBoxTokens(body.slice(0, chosen.start))
    .replace(/Action:\s*$/i, '')
    .trim();
  let { error } = chosen.result;
  if (error !== null && split.truncated) error = TRUNCATED;
  else if (error !== null && body.trim() === '') error = EMPTY;
  return { thinking: split.thinking, explanation, memory, action: chosen.result.action, error };
}

/**
 * The official 4.1V parser's choice (README "Parser decisions"): the first action box; without boxes, the first
 * action call in the answer; a bare DONE/WAIT/FAIL word only when the answer has no call at all.
 */
function chooseAction(body: string, size: FrameSize): ChosenAction {
  const box = firstActionBox(body);
  if (box !== null) return { result: actionFromText(box.content, size), start: box.start };
  return firstActionInProse(body, size) ?? { result: failure(NO_ACTION), start: body.length };
}

function actionFromText(content: string, size: FrameSize): ActionResult {
  const text = content.trim().replace(/^Action:\s*/i, '');
  const terminal = TERMINAL.exec(text);
  if (terminal) return { action: emptyAction(terminalName(terminal[1] ?? '')), error: null };
  const calls = findCalls(text);
  const call = calls.find((candidate) => resolveActionName(candidate.name) !== null) ?? calls[0];
  if (call !== undefined) return actionFromCall(call.name, call.args, size);
  if (text === '') return failure('The action box is empty.');
  return failure(`The action box holds no action call: '${snippet(text)}'.`);
}

// Without box tokens: the first known call; else the first bare upper-case WAIT/DONE/FAIL or `Action: done`; else the
// first unknown call (so its name is reported). A DONE written after a call never overrides the call.
function firstActionInProse(body: string, size: FrameSize): ChosenAction | null {
  const calls = findCalls(body);
  const known = calls.find((call) => resolveActionName(call.name) !== null);
  if (known !== undefined) return { result: actionFromCall(known.name, known.args, size), start: known.start };
  const insideCall = (index: number) => calls.some((call) => index >= call.start && index < call.end);
  const bare = [...body.matchAll(BARE_TERMINAL)].find((match) => !insideCall(match.index)) ?? null;
  const prefixed = ACTION_PREFIX_TERMINAL.exec(body);
  const words = [bare, prefixed].filter((match) => match !== null).sort((a, b) => a.index - b.index);
  if (words[0]) return { result: terminal(words[0][1] ?? ''), start: words[0].index };
  const unknown = calls[0];
  return unknown === undefined
    ? null
    : { result: actionFromCall(unknown.name, unknown.args, size), start: unknown.start };
}

function terminal(word: string): ActionResult {
  return { action: emptyAction(terminalName(word)), error: null };
}

function terminalName(word: string): 'wait' | 'done' | 'fail' {
  const name = word.toLowerCase();
  return name === 'wait' || name === 'fail' ? name : 'done';
}

function snippet(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * The history entry the official agent feeds back ("step i: <entry>"): the answer before `Memory:`, with `<answer>`
 * tags and box tokens removed, i.e. the explanation followed by the action call. Never throws.
 */
export function historyTextFromAnswer(raw: string): string {
  try {
    return removeBoxTokens(splitAnswer(splitThinking(String(raw ?? '')).answer).body).trim();
  } catch {
    return '';
  }
}
