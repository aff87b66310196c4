// `deskhand COMMAND --help` prints that command's usage; a misspelt flag names the nearest valid one.
import { describe, expect, it } from 'vitest';
import { runDeskhand } from '../../support/cli.js';

function deskhand(args: string[]) {
  return runDeskhand(args, { ...process.env, DISPLAY: '' });
}

describe('deskhand help and unknown flags', () => {
  it('run --help and -h print the usage of run alone, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = await deskhand(['run', flag]);
      expect(code, stderr).toBe(0);
      expect(stdout).toContain('deskhand run "<instruction>" --backend openai|local|replay');
      expect(stdout).toContain('--base-url URL');
      expect(stdout).not.toContain('deskhand parse');
      expect(stderr).toBe('');
    }
  });

  it('every command answers --help with its own usage, exit 0', async () => {
    for (const command of [
      ['parse'],
      ['displays'],
      ['sessions'],
      ['sessions', 'list'],
      ['serve'],
      ['model'],
      ['suite'],
    ]) {
      const { code, stdout } = await deskhand([...command, '--help']);
      expect(code, command.join(' ')).toBe(0);
      expect(stdout, command.join(' ')).toContain(`deskhand ${command.join(' ')}`);
    }
  }, 30_000);

  it('a misspelt flag is one line naming the nearest valid flag, exit 2', async () => {
    const { code, stderr } = await deskhand(['run', 'x', '--backend', 'openai', '--base-ur', 'http://a/v1']);
    expect(code).toBe(2);
    expect(stderr).toBe('deskhand: unknown flag --base-ur; did you mean --base-url?\n');
  });
});
