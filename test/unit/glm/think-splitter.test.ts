// Unit tests for the streaming <think> splitter: every cut point, partial tags, recorded chunk fixtures. Node.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createThinkSplitter, type ThinkPart } from '../../../src/glm/think-splitter.js';

const fixtures = new URL('../../fixtures/streams/', import.meta.url);

function split(chunks: string[]): { reasoning: string; answer: string; parts: ThinkPart[] } {
  const splitter = createThinkSplitter();
  const parts = [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()];
  const join = (kind: ThinkPart['kind']): string =>
    parts
      .filter((part) => part.kind === kind)
      .map((part) => part.text)
      .join('');
  return { reasoning: join('reasoning'), answer: join('answer'), parts };
}

/** True when all reasoning parts come before all answer parts. */
function isOrdered(parts: ThinkPart[]): boolean {
  const firstAnswer = parts.findIndex((part) => part.kind === 'answer');
  return firstAnswer < 0 || parts.slice(firstAnswer).every((part) => part.kind === 'answer');
}

const REASONING = '\nThe search box is at the top </thin> of the page; <think> here is just text.\n';
const ANSWER =
  "\n<answer>Click it.\n<|begin_of_box|>left_click(start_box='[500,80]')<|end_of_box|>\nMemory:\n[]</answer>";
const STREAM = ` \n<think>${REASONING}</think>${ANSWER}`;

describe('createThinkSplitter', () => {
  it('gives the same reasoning and answer for every single cut point of a known stream', () => {
    for (let cut = 0; cut <= STREAM.length; cut++) {
      const result = split([STREAM.slice(0, cut), STREAM.slice(cut)]);
      expect({ cut, reasoning: result.reasoning, answer: result.answer }).toEqual({
        cut,
        reasoning: REASONING,
        answer: ANSWER,
      });
      expect(isOrdered(result.parts)).toBe(true);
    }
  });

  it('gives the same result for every pair of cut points around the tags', () => {
    const head = STREAM.slice(0, 20);
    const tail = STREAM.slice(STREAM.indexOf('</think>') - 4, STREAM.indexOf('</think>') + 14);
    for (const window of [head, tail]) {
      const offset = STREAM.indexOf(window);
      for (let first = 0; first <= window.length; first++) {
        for (let second = first; second <= window.length; second++) {
          const [a, b] = [offset + first, offset + second];
          const result = split([STREAM.slice(0, a), STREAM.slice(a, b), STREAM.slice(b)]);
          expect([result.reasoning, result.answer]).toEqual([REASONING, ANSWER]);
        }
      }
    }
  });

  it('gives the same result fed one character at a time', () => {
    const result = split([...STREAM]);
    expect([result.reasoning, result.answer]).toEqual([REASONING, ANSWER]);
  });

  it('streams thinking live, holding back only a possible partial closing tag', () => {
    const splitter = createThinkSplitter();
    expect(splitter.push('<think>Looking')).toEqual([{ kind: 'reasoning', text: 'Looking' }]);
    expect(splitter.push(' at it</th')).toEqual([{ kind: 'reasoning', text: ' at it' }]);
    expect(splitter.push('ink><answer>A')).toEqual([{ kind: 'answer', text: '<answer>A' }]);
    expect(splitter.end()).toEqual([]);
  });

  it('holds a possible partial opening tag at the start, then releases it as answer when it is not one', () => {
    const splitter = createThinkSplitter();
    expect(splitter.push('  <thi')).toEqual([]);
    expect(splitter.push('s is an answer')).toEqual([{ kind: 'answer', text: '  <this is an answer' }]);
  });

  it('treats a stream that does not start with <think> as all answer, tags included', () => {
    const result = split(['<answer>x</answer>', '</think> more']);
    expect([result.reasoning, result.answer]).toEqual(['', '<answer>x</answer></think> more']);
  });

  it('keeps a reasoning stream cut off before </think> as reasoning, partial tag included', () => {
    const result = split(['<think>still thinking </thi']);
    expect([result.reasoning, result.answer]).toEqual(['still thinking </thi', '']);
  });

  it('drops whitespace-only content and empty streams', () => {
    expect(split([' \n ', '\t']).parts).toEqual([]);
    expect(split([]).parts).toEqual([]);
  });

  it('flushes an unfinished opening tag at the end as answer', () => {
    expect(split(['<thin']).parts).toEqual([{ kind: 'answer', text: '<thin' }]);
  });

  it('splits the recorded inline stream fixture into the expected reasoning and answer', () => {
    const expected = JSON.parse(readFileSync(new URL('glm41v-expected.json', fixtures), 'utf8')) as {
      reasoning: string;
      answer: string;
    };
    const contents = readFileSync(new URL('glm41v-inline.chunks.txt', fixtures), 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map(
        (line) =>
          (JSON.parse(line) as { choices: Array<{ delta?: { content?: string } }> }).choices[0]?.delta?.content ?? '',
      );
    const result = split(contents);
    expect([result.reasoning, result.answer]).toEqual([expected.reasoning, expected.answer]);
  });
});
