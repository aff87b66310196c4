// A reply cut by "max tokens per step" says so in the step's error; other replies are left as parsed.
import { describe, expect, it } from 'vitest';
import { explainTokenLimit } from '../../../src/agent/token-limit.js';
import { parseAnswer } from '../../../src/glm/parser.js';

const SIZE = { width: 1000, height: 800 };

describe('explainTokenLimit', () => {
  it('names the limit and the fix when the cut left no action, keeping the parser reason', () => {
    const cut = parseAnswer('<think>I should look at the', SIZE);
    const explained = explainTokenLimit(cut, 'length', 1500);
    expect(explained.action.name).toBe('none');
    expect(explained.error).toContain('cut at the limit of max tokens per step (1500)');
    expect(explained.error).toContain('--max-tokens');
    expect(explained.error).toContain(cut.error);
  });

  it('leaves a reply that ended on its own, or still held its action, as parsed', () => {
    const unparseable = parseAnswer('<answer>no call here</answer>', SIZE);
    expect(explainTokenLimit(unparseable, 'stop', 1500)).toEqual(unparseable);
    expect(explainTokenLimit(unparseable, null, 1500)).toEqual(unparseable);
    const acted = parseAnswer("<answer>Click.\n<|begin_of_box|>left_click(start_box='[10,10]')<|end_of_box|>", SIZE);
    expect(explainTokenLimit(acted, 'length', 1500)).toEqual(acted);
  });
});
