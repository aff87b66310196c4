// `deskhand run --confirm`: y/N on the terminal, default no, no answer is no, and only risky actions are asked about.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ConfirmRequest } from '../../../src/agent/run-step.js';
import { confirmPolicyFromFlags, createTerminalConfirm } from '../../../src/cli/terminal-confirm.js';
import { emptyAction } from '../../../src/glm/actions.js';

const FRAME = { width: 100, height: 100 };
const DELETE_CLICK: ConfirmRequest = {
  step: 2,
  action: { ...emptyAction('left_click'), box: [100, 100], point: [10, 10], elementInfo: 'Delete' },
  explanation: 'Delete the draft.',
  frame: FRAME,
};
const SEARCH_CLICK: ConfirmRequest = {
  ...DELETE_CLICK,
  action: { ...DELETE_CLICK.action, elementInfo: 'Search' },
  explanation: 'Open the search box.',
};

function terminal(isTTY = false) {
  const input = Object.assign(new PassThrough(), { isTTY });
  const output = new PassThrough();
  let written = '';
  output.setEncoding('utf8').on('data', (chunk: string) => (written += chunk));
  return { input, output, written: () => written };
}

const signal = () => new AbortController().signal;

describe('terminal confirmation', () => {
  it('reads the policy from --confirm / --confirm-policy and refuses an unknown one', () => {
    expect(confirmPolicyFromFlags({})).toBeNull();
    expect(confirmPolicyFromFlags({ confirm: true })).toBe('risky');
    expect(confirmPolicyFromFlags({ 'confirm-policy': 'always' })).toBe('always');
    expect(() => confirmPolicyFromFlags({ confirm: true, 'confirm-policy': 'sometimes' })).toThrow(
      /--confirm-policy must be never, risky or always/,
    );
  });

  it('goes ahead on "y", declines on anything else, and never asks about a harmless action', async () => {
    const streams = terminal();
    const prompt = createTerminalConfirm('risky', streams);
    streams.input.write('y\n\nyes please\n');
    expect(await prompt.confirm(SEARCH_CLICK, signal())).toBe(true);
    expect(await prompt.confirm(DELETE_CLICK, signal())).toBe(true);
    expect(await prompt.confirm(DELETE_CLICK, signal())).toBe(false);
    expect(await prompt.confirm(DELETE_CLICK, signal())).toBe(false);
    prompt.close();
    expect(streams.written()).toContain('Step 2: Deskhand wants to left_click on "Delete" at 10,10.');
    expect(streams.written()).toContain('Go ahead? [y/N] ');
    expect(streams.written().match(/Go ahead\?/g)).toHaveLength(3);
  });

  it('declines when the input ends without an answer (stdin closed, no TTY)', async () => {
    const streams = terminal();
    const prompt = createTerminalConfirm('risky', streams);
    const answer = prompt.confirm(DELETE_CLICK, signal());
    streams.input.end();
    expect(await answer).toBe(false);
    expect(streams.written()).toContain('(no answer: declined)');
  });

  it('on a terminal, ignores keys typed before the question and waits for a fresh answer', async () => {
    const streams = terminal(true);
    const prompt = createTerminalConfirm('risky', streams);
    streams.input.write('y\n');
    await new Promise((resolve) => setImmediate(resolve));
    const answer = prompt.confirm(DELETE_CLICK, signal());
    await new Promise((resolve) => setImmediate(resolve));
    streams.input.write('n\n');
    expect(await answer).toBe(false);
    prompt.close();
  });

  it('a stop while waiting rejects with the stop reason', async () => {
    const streams = terminal(true);
    const prompt = createTerminalConfirm('always', streams);
    const controller = new AbortController();
    const answer = prompt.confirm(SEARCH_CLICK, controller.signal);
    controller.abort(new DOMException('Stopped', 'AbortError'));
    await expect(answer).rejects.toMatchObject({ name: 'AbortError' });
    prompt.close();
  });
});
