// Removes GLM-4.1V's markup tags (<think>, <answer>, box tokens) from streamed text, even when a tag is split
// across chunks. Pure: used by the CLI's progress printer and the renderer.

const TAGS = ['<think>', '</think>', '<answer>', '</answer>', '<|begin_of_box|>', '<|end_of_box|>'] as const;

/** A streaming stripper: `push` each chunk as it arrives, `flush` once at the end of the answer. */
export class MarkupStripper {
  private held = '';

  /** The text that is certainly not markup so far; a tail that could start a tag waits for the next chunk. */
  push(chunk: string): string {
    const text = removeTags(this.held + chunk);
    const keep = possibleTagStart(text);
    this.held = text.slice(text.length - keep);
    return text.slice(0, text.length - keep);
  }

  /** What was held back: the stream ended, so it was not a tag. */
  flush(): string {
    const rest = this.held;
    this.held = '';
    return rest;
  }
}

/** Text without markup; a trailing partial tag (a stream still arriving) is left out. */
export function stripMarkup(text: string): string {
  return new MarkupStripper().push(text);
}

function removeTags(text: string): string {
  let result = text;
  for (const tag of TAGS) result = result.split(tag).join('');
  return result;
}

/** How many characters at the end of `text` are the beginning of some tag (0 when none). */
function possibleTagStart(text: string): number {
  const start = text.lastIndexOf('<');
  if (start < 0) return 0;
  const tail = text.slice(start);
  return TAGS.some((tag) => tag.length > tail.length && tag.startsWith(tail)) ? tail.length : 0;
}
