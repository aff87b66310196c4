// `deskhand suite`: the task list for people and programs, and usage errors caught before any desktop starts.
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { suiteCommand } from '../../../src/cli/suite-command.js';
import { UsageError } from '../../../src/cli/usage.js';
import { SUITE_TASKS } from '../../../src/suite/registry.js';
import { TaskInfo } from '../../../src/suite/task.js';

function fakeIo(env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  return { io: { stdout, stderr, env, signals: new EventEmitter() }, output: () => out };
}

describe('deskhand suite', () => {
  it('list --json prints every task with its metadata', async () => {
    const { io, output } = fakeIo();
    expect(await suiteCommand(['list', '--json'], io)).toBe(0);
    const tasks = TaskInfo.array().parse(JSON.parse(output()));
    expect(tasks.map((task) => task.id)).toEqual(SUITE_TASKS.map((task) => task.id));
    expect(tasks.find((task) => task.expected === 'fail')?.id).toBe('web-settings-impossible');
  });

  it('list prints one line per task', async () => {
    const { io, output } = fakeIo();
    expect(await suiteCommand(['list'], io)).toBe(0);
    expect(output().trim().split('\n')).toHaveLength(SUITE_TASKS.length);
    expect(output()).toMatch(/^web-board-drag\s+chromium\s+drag$/m);
  });

  it.each([
    [['run'], /--backend must be openai, local or replay/],
    [['run', '--backend', 'cloud'], /got "cloud"/],
    [['run', '--backend', 'openai'], /needs --base-url/],
    [['run', '--backend', 'local'], /needs --model-dir/],
    [['run', '--backend', 'openai', '--base-url', 'http://x/v1', '--transcripts', 'dir'], /replay only/],
    [['run', '--backend', 'replay', '--tasks', 'files-rename,nope'], /Unknown task "nope"; known tasks: /],
    [['run', '--backend', 'replay', '--tasks', ','], /at least one task/],
    [['run', '--backend', 'replay', '--repeat', '0'], /--repeat must be a positive whole number/],
    [['run', '--backend', 'replay', '--own-display'], /needs DISPLAY/],
    [['walk'], /suite list/],
  ])('%j is a usage error', async (args, message) => {
    const { io } = fakeIo();
    const result = suiteCommand(args, io);
    await expect(result).rejects.toThrow(UsageError);
    await expect(result).rejects.toThrow(message);
  });
});
