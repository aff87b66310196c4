import { describe, expect, it } from 'vitest';
import { buildGroundingPrompt, parseGroundingBox } from '../../../src/glm/grounding.js';

describe('grounding', () => {
  it('asks with the README prompt', () => {
    expect(buildGroundingPrompt(' the blue Submit button ')).toBe(
      'Help me to locate the blue Submit button in the image and give me its bounding boxes.',
    );
  });

  it.each([
    ['<answer><|begin_of_box|>[[120,340,260,390]]<|end_of_box|></answer>', [120, 340, 260, 390]],
    ['<|begin_of_box|>[120, 340, 260, 390]<|end_of_box|>', [120, 340, 260, 390]],
    ['<|begin_of_box|>(260,390,120,340)<|end_of_box|>', [120, 340, 260, 390]],
    ['It is here: <120.6, 340, 1260, -5>', [121, 0, 999, 340]],
    ['<think>maybe [1,2,3,4]</think><answer>[[10,20,30,40]]</answer>', [10, 20, 30, 40]],
    ['<|begin_of_box|>[[1,2,3,4],[5,6,7,8]]<|end_of_box|>', [1, 2, 3, 4]],
  ])('reads the box of %j', (answer, box) => {
    expect(parseGroundingBox(answer)).toEqual(box);
  });

  it('returns null when the answer has no box', () => {
    expect(parseGroundingBox('<answer>I cannot find it.</answer>')).toBeNull();
    expect(parseGroundingBox('<think>[1,2,3,4]</think><answer>No.</answer>')).toBeNull();
  });
});
