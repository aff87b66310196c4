// 10,000 generated and mutated model answers: the parser never throws, never points outside the frame, and never
// gives an executable action for an answer it could not parse. `npm run bench -- fuzz` runs 1,000,000.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { frameSize, modelAnswer, parseViolation } from '../../../bench/parser-fuzz-cases.mjs';
import { parseAnswer } from '../../../src/glm/parser.js';

it('keeps its invariants on 10,000 generated and mutated answers', () => {
  let parsedCount = 0;
  fc.assert(
    fc.property(modelAnswer, frameSize, fc.option(fc.string({ maxLength: 40 })), (raw, size, reasoning) => {
      const parsed = parseAnswer(raw, size, reasoning ?? undefined);
      parsedCount += 1;
      expect(parseViolation(parsed, size)).toBeNull();
    }),
    { numRuns: 10_000, seed: 20261121 },
  );
  expect(parsedCount).toBe(10_000);
}, 30_000);

it('the invariant check itself catches the faults it is for', () => {
  const size = { width: 100, height: 50 };
  const click = parseAnswer("<answer>x <|begin_of_box|>left_click(start_box='[500,500]')<|end_of_box|></answer>", size);
  expect(parseViolation(click, size)).toBeNull();
  expect(parseViolation({ ...click, action: { ...click.action, point: [100, 10] } }, size)).toMatch(/outside/);
  expect(parseViolation({ ...click, error: 'bad' }, size)).toMatch(/but action left_click/);
  expect(parseViolation({ ...click, error: 'The parser failed: boom' }, size)).toMatch(/^exception/);
});
