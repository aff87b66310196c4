import { describe, expect, it } from 'vitest';
import { emptyAction } from '../../../src/glm/actions.js';
import { Redactor } from '../../../src/sessions/redact.js';
import type { StepRecord } from '../../../src/sessions/schema.js';

describe('redaction', () => {
  const redactor = new Redactor();

  it('replaces text shaped like API keys and tokens', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(redactor.redact('key sk-proj-Ab12Cd34Ef56Gh78Ij90 here')).toBe('key [redacted] here');
    expect(redactor.redact(`Bearer ${jwt}.`)).toBe('Bearer [redacted].');
    expect(redactor.redact('token 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08')).toBe(
      'token [redacted]',
    );
    expect(redactor.redact('ghp_R8x2Lq9ZtY4mN7vB1cK6pW3sD5fH0jG8aE2u')).toBe('[redacted]');
  });

  it('leaves prose, paths, URLs, placeholders and short ids alone', () => {
    const prose = [
      'Click the "Submit" button at the bottom right of the form, then wait for the confirmation dialog.',
      '/home/ada/Documents/Reports/2026/quarterly-summary-final-version.pdf',
      'https://example.com/search?q=internationalization&page=2',
      'type {{secret:PASSWORD}} into the field',
      'session 20261121-110512-3fa9, step 12, commit 1a2b3c4d',
      'SupercalifragilisticexpialidociousAndMore words',
    ];
    for (const text of prose) expect(redactor.redact(text)).toBe(text);
  });

  it('replaces values marked secret, longest first, in every free-text field of a step', () => {
    const marked = new Redactor();
    marked.markSecret('hunter2');
    marked.markSecret('hunter2-extra');
    const step = {
      raw: 'typed hunter2-extra',
      thinking: 'the password is hunter2',
      explanation: 'hunter2',
      memory: '["hunter2"]',
      error: 'failed with hunter2',
      action: { ...emptyAction('type'), text: 'hunter2', elementInfo: 'field hunter2' },
    } as StepRecord;
    expect(marked.redactStep(step)).toMatchObject({
      raw: 'typed [redacted]',
      thinking: 'the password is [redacted]',
      explanation: '[redacted]',
      memory: '["[redacted]"]',
      error: 'failed with [redacted]',
      action: { text: '[redacted]', elementInfo: 'field [redacted]' },
    });
  });
});
