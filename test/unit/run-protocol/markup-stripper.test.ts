import { describe, expect, it } from 'vitest';
import { MarkupStripper, stripMarkup } from '../../../src/run-protocol/markup-stripper.js';

const TAGS = ['<think>', '</think>', '<answer>', '</answer>', '<|begin_of_box|>', '<|end_of_box|>'];
const SAMPLE =
  "<think>The OK button < the Cancel one.</think><answer>Click OK.\n<|begin_of_box|>left_click(start_box='[500,500]')<|end_of_box|>\nMemory:\n[]</answer>";
const UNSPLIT = "The OK button < the Cancel one.Click OK.\nleft_click(start_box='[500,500]')\nMemory:\n[]";

function streamed(chunks: string[]): string {
  const stripper = new MarkupStripper();
  return chunks.map((chunk) => stripper.push(chunk)).join('') + stripper.flush();
}

describe('MarkupStripper', () => {
  it('removes every markup tag from a whole answer and keeps the words and other angle brackets', () => {
    expect(stripMarkup(SAMPLE)).toBe(UNSPLIT);
    expect(streamed([SAMPLE])).toBe(UNSPLIT);
  });

  it('gives the unsplit result when the stream is cut inside any tag at any position', () => {
    for (const tag of TAGS) {
      const at = SAMPLE.indexOf(tag);
      expect(at, tag).toBeGreaterThanOrEqual(0);
      for (let cut = 1; cut < tag.length; cut += 1) {
        const split = at + cut;
        expect(streamed([SAMPLE.slice(0, split), SAMPLE.slice(split)]), `${tag} cut at ${cut}`).toBe(UNSPLIT);
      }
    }
  });

  it('gives the unsplit result for every single cut and for one character per chunk', () => {
    for (let split = 0; split <= SAMPLE.length; split += 1) {
      expect(streamed([SAMPLE.slice(0, split), SAMPLE.slice(split)]), `cut at ${split}`).toBe(UNSPLIT);
    }
    expect(streamed([...SAMPLE])).toBe(UNSPLIT);
  });

  it('holds back only a possible tag start, and flushes it when the stream ends without the tag', () => {
    const stripper = new MarkupStripper();
    expect(stripper.push('a <|begin')).toBe('a ');
    expect(stripper.push('ning')).toBe('<|beginning');
    expect(stripper.push(' x <')).toBe(' x ');
    expect(stripper.flush()).toBe('<');
  });
});
