// Splits a raw GLM-4.1V reply into thinking, answer body and memory, and finds the action box. Pure: no Node, no DOM.

/** The special token that opens the action box. */
export const BOX_OPEN = '<|begin_of_box|>';
/** The special token that closes the action box. */
export const BOX_CLOSE = '<|end_of_box|>';
const THINK_OPEN = '<think>';
const THINK_CLOSE = '</think>';
const ANSWER_OPEN = '<answer>';

/** A reply split into its reasoning and the rest. */
export interface ThinkingSplit {
  /** The reasoning stream and every `<think>` segment, trimmed, joined by blank lines. */
  thinking: string;
  /** Everything outside `<think>…</think>`. */
  answer: string;
  /** True when a `<think>` was never closed: the reply stopped while thinking. */
  truncated: boolean;
}

/** The answer without its memory part. */
export interface AnswerSections {
  /** The answer with `<answer>` tags, chat tokens and the memory part removed; box tokens kept. */
  body: string;
  /** The raw memory text (a JSON list as the model wrote it), `[]` when absent. */
  memory: string;
}

/** The content of the last action box in a body, and where its opening token starts. */
export interface ActionBox {
  content: string;
  start: number;
}

/**
 * Separates reasoning from the answer: `reasoning` (a separate stream) first, then every `<think>…</think>`; a
 * leading `</think>` without an opener closes reasoning that began before the text; an unclosed `<think>` runs to
 * `<answer>` if one follows, else to the end (truncated).
 */
export function splitThinking(raw: string, reasoning?: string): ThinkingSplit {
  const thoughts: string[] = reasoning === undefined ? [] : [reasoning];
  const answers: string[] = [];
  let rest = raw;
  const firstClose = rest.indexOf(THINK_CLOSE);
  const firstOpen = rest.indexOf(THINK_OPEN);
  if (firstClose !== -1 && (firstOpen === -1 || firstClose < firstOpen)) {
    thoughts.push(rest.slice(0, firstClose));
    rest = rest.slice(firstClose + THINK_CLOSE.length);
  }
  let truncated = false;
  for (let open = rest.indexOf(THINK_OPEN); open !== -1; open = rest.indexOf(THINK_OPEN)) {
    answers.push(rest.slice(0, open));
    const inner = rest.slice(open + THINK_OPEN.length);
    const close = inner.indexOf(THINK_CLOSE);
    const end = close !== -1 ? close : inner.indexOf(ANSWER_OPEN);
    thoughts.push(end === -1 ? inner : inner.slice(0, end));
    truncated = end === -1;
    rest = end === -1 ? '' : inner.slice(close !== -1 ? close + THINK_CLOSE.length : end);
  }
  answers.push(rest);
  return { thinking: joinThoughts(thoughts), answer: answers.join(''), truncated };
}

function joinThoughts(thoughts: readonly string[]): string {
  return thoughts
    .map((thought) => thought.trim())
    .filter((thought) => thought !== '')
    .join('\n\n');
}

// The served model may return GLM chat tokens when special tokens are kept; none of them belongs to the answer.
const NON_ANSWER_TOKENS = /<\/?answer>|<\|(?:endoftext|user|assistant|system|observation)\|>/g;

/** Removes the `<answer>` tags and chat tokens, then cuts out the memory part (after the last `Memory:`). */
export function splitAnswer(answer: string): AnswerSections {
  const text = answer.replace(NON_ANSWER_TOKENS, '');
  const memory = findMemory(text);
  if (memory === null) return { body: text, memory: '[]' };
  const content = text
    .slice(memory.contentStart, memory.end)
    .replace(/<\/?memory>/g, '')
    .trim();
  return { body: text.slice(0, memory.start) + text.slice(memory.end), memory: content === '' ? '[]' : content };
}

interface MemorySpan {
  start: number;
  contentStart: number;
  end: number;
}

// `Memory:` is what the Output Format shows; rule 5 of the prompt asks for <memory></memory>, so both occur.
function findMemory(text: string): MemorySpan | null {
  const boxes = closedBoxRanges(text);
  const marker = lastOutside(text, 'Memory:', boxes);
  if (marker !== -1) {
    const box = text.indexOf(BOX_OPEN, marker);
    return { start: marker, contentStart: marker + 'Memory:'.length, end: box === -1 ? text.length : box };
  }
  const tag = lastOutside(text, '<memory>', boxes);
  if (tag === -1) return null;
  const close = text.indexOf('</memory>', tag);
  return { start: tag, contentStart: tag, end: close === -1 ? text.length : close + '</memory>'.length };
}

function lastOutside(text: string, marker: string, ranges: readonly [number, number][]): number {
  for (let index = text.lastIndexOf(marker); index !== -1; index = text.lastIndexOf(marker, index - 1)) {
    if (!ranges.some(([start, end]) => index > start && index < end)) return index;
    if (index === 0) break;
  }
  return -1;
}

function closedBoxRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (let open = text.indexOf(BOX_OPEN); open !== -1; open = text.indexOf(BOX_OPEN, open + 1)) {
    const close = text.indexOf(BOX_CLOSE, open + BOX_OPEN.length);
    if (close === -1) break;
    ranges.push([open, close + BOX_CLOSE.length]);
    open = close;
  }
  return ranges;
}

/**
 * The first `<|begin_of_box|>…<|end_of_box|>` in `body`, as the official 4.1V parser takes it (`re.search`); an
 * unclosed box runs to the end. Null without boxes.
 */
export function firstActionBox(body: string): ActionBox | null {
  const open = body.indexOf(BOX_OPEN);
  if (open === -1) return null;
  const contentStart = open + BOX_OPEN.length;
  const close = body.indexOf(BOX_CLOSE, contentStart);
  return { content: body.slice(contentStart, close === -1 ? body.length : close), start: open };
}

/** `text` without box tokens (their content stays). */
export function removeBoxTokens(text: string): string {
  return text.split(BOX_OPEN).join('').split(BOX_CLOSE).join('');
}
