import { describe, expect, it } from 'vitest';
import { confirmationReason } from '../../../src/agent/risk-policy.js';
import { emptyAction, type Action } from '../../../src/glm/actions.js';

const click = (elementInfo: string | null): Action => ({
  ...emptyAction('left_click'),
  box: [1, 1],
  point: [1, 1],
  elementInfo,
});
const key = (...keys: string[]): Action => ({ ...emptyAction('key'), keys });

describe('confirmation policy', () => {
  it('never asks under "never", always asks under "always" except for waiting and finishing', () => {
    expect(confirmationReason('never', key('alt', 'f4'), 'Close it.')).toBeNull();
    expect(confirmationReason('always', click('OK'), 'Click OK.')).toBe('You asked to confirm every action.');
    expect(confirmationReason('always', emptyAction('done'), '')).toBeNull();
    expect(confirmationReason('always', emptyAction('wait'), '')).toBeNull();
  });

  it('asks under "risky" for chords that close, quit or delete, in any key order', () => {
    expect(confirmationReason('risky', key('alt', 'f4'), '')).toMatch(/alt\+f4 can close/);
    expect(confirmationReason('risky', key('shift', 'ctrl', 'w'), '')).toMatch(/close/);
    expect(confirmationReason('risky', key('delete'), '')).not.toBeNull();
    expect(confirmationReason('risky', key('ctrl', 'c'), '')).toBeNull();
    expect(confirmationReason('risky', key('ctrl', 'a'), '')).toBeNull();
  });

  it('asks under "risky" when the target or the explanation names a destructive or paying step', () => {
    expect(confirmationReason('risky', click('Delete file'), 'Click it.')).toBe(
      'The model means to "delete" (Delete file).',
    );
    expect(confirmationReason('risky', click(null), 'I will click Buy now to finish.')).toMatch(/"buy"/);
    expect(confirmationReason('risky', click('Place order'), '')).toMatch(/place order/);
    expect(confirmationReason('risky', click('Sign out'), '')).toMatch(/sign out/);
    expect(confirmationReason('risky', click('Send'), '')).toMatch(/send/);
    expect(confirmationReason('risky', click('Search'), 'Click the search box.')).toBeNull();
    expect(confirmationReason('risky', click('Formatting toolbar'), '')).toBeNull();
  });
});
