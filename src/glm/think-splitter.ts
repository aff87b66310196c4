// Splits a stream of raw GLM-4.1V content chunks with inline <think>…</think> into reasoning and answer parts. Pure.

/** One piece of split output: thinking text or answer text, in stream order. */
export interface ThinkPart {
  kind: 'reasoning' | 'answer';
  text: string;
}

/** A streaming splitter: `push` each raw chunk as it arrives, then call `end` once. */
export interface ThinkSplitter {
  /** Returns the parts that are certain so far; holds back at most a possible partial tag. */
  push(chunk: string): ThinkPart[];
  /** Flushes whatever was held back. */
  end(): ThinkPart[];
}

const OPEN_TAG = '<think>';
const CLOSE_TAG = '</think>';

/**
 * The rule, kept simple on purpose: if the first non-whitespace content is `<think>`, everything up to `</think>`
 * is reasoning and the rest is answer; otherwise the whole stream is answer (servers that send reasoning in a
 * separate field start the content with `<answer>`). Whitespace before `<think>` is dropped. Answer text is passed
 * through verbatim (`<answer>`, box tokens, `Memory:` are the parser's business), and reasoning keeps its own
 * whitespace, so joining all parts of a kind reproduces the input exactly.
 */
export function createThinkSplitter(): ThinkSplitter {
  let mode: 'start' | 'reasoning' | 'answer' = 'start';
  let held = '';

  function consume(final: boolean): ThinkPart[] {
    const parts: ThinkPart[] = [];
    if (mode === 'start') {
      const trimmed = held.trimStart();
      if (trimmed.startsWith(OPEN_TAG)) {
        mode = 'reasoning';
        held = trimmed.slice(OPEN_TAG.length);
      } else if (final && trimmed === '') {
        held = '';
      } else if (final || !OPEN_TAG.startsWith(trimmed)) {
        mode = 'answer';
      }
    }
    if (mode === 'reasoning') {
      const close = held.indexOf(CLOSE_TAG);
      if (close >= 0) {
        append(parts, 'reasoning', held.slice(0, close));
        mode = 'answer';
        held = held.slice(close + CLOSE_TAG.length);
      } else {
        const keep = final ? 0 : partialSuffixLength(held, CLOSE_TAG);
        append(parts, 'reasoning', held.slice(0, held.length - keep));
        held = held.slice(held.length - keep);
      }
    }
    if (mode === 'answer') {
      append(parts, 'answer', held);
      held = '';
    }
    return parts;
  }

  return {
    push(chunk) {
      held += chunk;
      return consume(false);
    },
    end() {
      return consume(true);
    },
  };
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag` (a tag that may finish next chunk). */
function partialSuffixLength(text: string, tag: string): number {
  for (let length = Math.min(text.length, tag.length - 1); length > 0; length--) {
    if (tag.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}

function append(parts: ThinkPart[], kind: ThinkPart['kind'], text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}
