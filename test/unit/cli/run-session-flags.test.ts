import { describe, expect, it } from 'vitest';
import { parseSessionFlags } from '../../../src/cli/run-session-flags.js';

const env = { PW: 'hunter2-value', DESKHAND_KEEP_GB: '0.5' };

describe('deskhand run session flags', () => {
  it('maps --secret NAME=ENV_VAR, marks every value secret and reads retention from flags or the environment', async () => {
    const flags = parseSessionFlags({ secret: ['PASSWORD=PW'], 'keep-sessions': '20' }, env, 'use {{secret:PASSWORD}}');
    expect(await flags.secrets.get('PASSWORD')).toBe('hunter2-value');
    expect(await flags.secrets.get('OTHER')).toBeUndefined();
    expect(flags.redactor.redact('pw hunter2-value')).toBe('pw [redacted]');
    expect(flags.retention).toEqual({ keepSessions: 20, keepBytes: 0.5 * 1024 ** 3 });
    expect(parseSessionFlags({}, {}, 'plain').retention).toEqual({ keepSessions: null, keepBytes: null });
  });

  it('refuses bad flags and secrets the instruction needs but nobody gave, before the run starts', () => {
    expect(() => parseSessionFlags({ secret: ['PASSWORD'] }, env, 'x')).toThrow(/--secret takes NAME=ENV_VAR/);
    expect(() => parseSessionFlags({ secret: ['PASSWORD=UNSET'] }, env, 'x')).toThrow(
      '--secret PASSWORD=UNSET: the environment variable UNSET is empty or not set.',
    );
    expect(() => parseSessionFlags({}, env, 'type {{secret:PIN}}')).toThrow(
      'The instruction uses {{secret:PIN}}: run with --secret PIN=ENV_VAR',
    );
    expect(() => parseSessionFlags({ 'keep-sessions': '0' }, {}, 'x')).toThrow(/--keep-sessions must be a positive/);
    expect(() => parseSessionFlags({ 'keep-gb': '-1' }, {}, 'x')).toThrow(/--keep-gb must be a positive number/);
  });
});
