import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { ParsedAnswer } from '../../../src/glm/actions.js';
import { act, boxed, failed, NO_ACTION, parsed, SIZE } from '../../support/parsed-answers.js';
import { historyTextFromAnswer, parseAnswer } from '../../../src/glm/parser.js';
import golden from '../../fixtures/glm/parser-golden.json' with { type: 'json' };

const GoldenCase = z.object({
  name: z.string(),
  raw: z.string(),
  reasoning: z.string().optional(),
  size: z.object({ width: z.number(), height: z.number() }),
  history: z.string(),
  expected: ParsedAnswer,
});

describe('parseAnswer on the official examples (test/fixtures/glm/parser-golden.json)', () => {
  for (const goldenCase of z.array(GoldenCase).parse(golden)) {
    it(goldenCase.name, () => {
      expect(parseAnswer(goldenCase.raw, goldenCase.size, goldenCase.reasoning)).toEqual(goldenCase.expected);
      expect(historyTextFromAnswer(goldenCase.raw)).toBe(goldenCase.history);
    });
  }
});

describe('parseAnswer takes the action only from the answer', () => {
  it('ignores calls and boxes inside <think>', () => {
    const raw =
      "<think>Maybe left_click(start_box='[1,2]') or <|begin_of_box|>DONE()<|end_of_box|>.</think>" +
      "<answer>Scroll down.\n<|begin_of_box|>scroll(start_box='[500,500]', direction='down', step=3)<|end_of_box|>\nMemory:\n[]</answer>";
    const thinking = "Maybe left_click(start_box='[1,2]') or <|begin_of_box|>DONE()<|end_of_box|>.";
    const action = act('scroll', { box: [500, 500], point: [960, 540], direction: 'down', steps: 3 });
    expect(parseAnswer(raw, SIZE)).toEqual(parsed(action, { thinking, explanation: 'Scroll down.' }));
  });

  it('gives no action when only the thinking holds a call', () => {
    const raw = "<think>I will left_click(start_box='[1,2]').</think><answer>Not sure yet.</answer>";
    const expected = failed(NO_ACTION, {
      thinking: "I will left_click(start_box='[1,2]').",
      explanation: 'Not sure yet.',
    });
    expect(parseAnswer(raw, SIZE)).toEqual(expected);
  });

  it('takes the thinking from a separate reasoning stream and a leading </think>', () => {
    const raw = 'Earlier thoughts.</think><answer>Done.\n<|begin_of_box|>DONE()<|end_of_box|></answer>';
    const expected = parsed(act('done'), { thinking: 'From the stream.\n\nEarlier thoughts.', explanation: 'Done.' });
    expect(parseAnswer(raw, SIZE, 'From the stream.')).toEqual(expected);
  });

  it('treats an unclosed <think> as a reply cut off while thinking', () => {
    const expected = failed('The reply was cut off inside <think>: it has no answer.', {
      thinking: 'I need to click the',
    });
    expect(parseAnswer('<think>I need to click the', SIZE)).toEqual(expected);
  });

  it('ends an unclosed <think> at a following <answer>', () => {
    const raw = '<think>Plan.<answer>Go.\n<|begin_of_box|>WAIT()<|end_of_box|></answer>';
    expect(parseAnswer(raw, SIZE)).toEqual(parsed(act('wait'), { thinking: 'Plan.', explanation: 'Go.' }));
  });
});

describe('parseAnswer picks one action call', () => {
  it('uses the first box when there are several, as the official 4.1V parser does', () => {
    const raw =
      "<answer>First <|begin_of_box|>left_click(start_box='[1,2]')<|end_of_box|> then " +
      "<|begin_of_box|>right_click(start_box='[500,500]')<|end_of_box|>\nMemory:\n[]</answer>";
    const expected = parsed(act('left_click', { box: [1, 2], point: [2, 2] }), { explanation: 'First' });
    expect(parseAnswer(raw, SIZE)).toEqual(expected);
  });

  it('falls back to the first call before Memory: without box tokens, as the official 4.1V parser does', () => {
    const raw =
      "<answer>Open the menu.\nleft_click(start_box='[10,20]', element_info='File menu')\n" +
      "then right_click(start_box='[1,2]')\nMemory:\n[]</answer>";
    const action = act('left_click', { box: [10, 20], point: [19, 22], elementInfo: 'File menu' });
    expect(parseAnswer(raw, SIZE)).toEqual(parsed(action, { explanation: 'Open the menu.' }));
  });

  it('reads a box left unclosed before Memory:', () => {
    const raw = "<answer>Go.\n<|begin_of_box|>hover(start_box='[500,500]')\nMemory:\n[]</answer>";
    expect(parseAnswer(raw, SIZE)).toEqual(
      parsed(act('hover', { box: [500, 500], point: [960, 540] }), { explanation: 'Go.' }),
    );
  });

  it('drops chat tokens after the answer', () => {
    const raw = '<answer>Go.\n<|begin_of_box|>WAIT()<|end_of_box|>\nMemory:\n[]</answer><|user|>';
    expect(parseAnswer(raw, SIZE)).toEqual(parsed(act('wait'), { explanation: 'Go.' }));
  });
});

describe('parseAnswer reads the memory', () => {
  it('keeps a multi-line JSON list verbatim', () => {
    const memory = '[\n  {"price": "$25-60"},\n  "black finish"\n]';
    expect(parseAnswer(boxed('WAIT()', memory), SIZE)).toEqual(
      parsed(act('wait'), { thinking: 'Look at the screen.', explanation: 'Go.', memory }),
    );
  });

  it('reads a <memory> part', () => {
    const raw = '<answer>Go.\n<memory>["a"]</memory>\n<|begin_of_box|>DONE()<|end_of_box|></answer>';
    expect(parseAnswer(raw, SIZE)).toEqual(parsed(act('done'), { explanation: 'Go.', memory: '["a"]' }));
  });

  it('ignores Memory: inside the typed content', () => {
    const raw = '<answer>Go.\n<|begin_of_box|>type(content=\'Memory: 3 GB\')<|end_of_box|>\nMemory:\n["x"]</answer>';
    expect(parseAnswer(raw, SIZE)).toEqual(
      parsed(act('type', { text: 'Memory: 3 GB' }), { explanation: 'Go.', memory: '["x"]' }),
    );
  });
});

describe('historyTextFromAnswer', () => {
  it('keeps the explanation and call, without thinking, box tokens or memory', () => {
    const raw =
      '<think>x</think><answer>Open it.\n<|begin_of_box|>left_click(start_box=\'[1,2]\')<|end_of_box|>\nMemory:\n["a"]</answer>';
    expect(historyTextFromAnswer(raw)).toBe("Open it.\nleft_click(start_box='[1,2]')");
  });

  it('gives an empty entry for a reply cut off while thinking', () => {
    expect(historyTextFromAnswer('<think>still thinking')).toBe('');
  });
});

describe('parseAnswer never throws', () => {
  it('turns an internal failure into action none with an error', () => {
    const size = {
      get width(): number {
        throw new Error('no size');
      },
      height: 1,
    };
    expect(parseAnswer("<|begin_of_box|>left_click(start_box='[1,2]')<|end_of_box|>", size)).toEqual(
      failed('The parser failed: no size'),
    );
  });
});

describe('parseAnswer on a huge answer', () => {
  it('refuses to read past the answer limit, with the sizes in the error', () => {
    const huge = `<answer>${'WAIT '.repeat(250_000)}</answer>`;
    const parsed = parseAnswer(huge, { width: 100, height: 100 });
    expect(parsed.action.name).toBe('none');
    expect(parsed.error).toBe(
      'The answer is 1,250,017 characters, over the 1,000,000 the parser reads: it is not read.',
    );
  });
});
