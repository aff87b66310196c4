// `deskhand sessions rerun` end to end: a session recorded by the real CLI on Xvfb + Chromium, then replayed.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/run-protocol/run-events.js';
import { readSession } from '../../src/sessions/reader.js';
import { modelPointOf } from '../fixtures/pages/form-layout.js';
import { waitForInputReady } from '../support/chromium.js';
import { runStartOf, spawnDeskhand, spawnServedRun } from '../support/cli.js';
import { useCliDesktop } from '../support/cli-desktop.js';
import { scriptedAnswer, startScriptedServer, type ScriptedAnswer } from '../support/scripted-openai-server.js';

const answer = (explanation: string, call: string) =>
  scriptedAnswer(call, { explanation, reasoning: `The screen shows the test form. ${explanation}` });
const FILL_AND_CLICK = [
  answer('Click the text input.', `left_click(start_box='${modelPointOf('textInput')}')`),
  answer('Type the word.', `type(content='hello')`),
  answer('Press the button.', `left_click(start_box='${modelPointOf('clickButton')}')`),
  answer('Done.', 'DONE()'),
];

const e2e = useCliDesktop({ tmpPrefix: 'deskhand-rerun-e2e-', formPage: true });

const clicks = () => e2e.browser.page.evaluate(() => (window as unknown as { __state: { left: number } }).__state.left);
const inputValue = () => e2e.browser.page.$eval('#textInput', (element) => (element as HTMLInputElement).value);
const pageEventCount = () =>
  e2e.browser.page.evaluate(() => (window as unknown as { __events: unknown[] }).__events.length);

/** Records a session with `bin/deskhand run` and the scripted model, then puts the page back as it was. */
async function recordSession(answers: ScriptedAnswer[]): Promise<string> {
  const server = await startScriptedServer({ style: 'inline', answers });
  try {
    const run = spawnServedRun('fill in the test form', {
      baseUrl: server.baseUrl,
      sessionsDir: e2e.sessionsDir,
      env: e2e.desktop.env,
    });
    const { code } = await run.exited;
    expect(code, run.stderr()).toBe(0);
    await e2e.browser.page.reload({ waitUntil: 'load' });
    await waitForInputReady(e2e.browser.page);
    return runStartOf(run).sessionId;
  } finally {
    await server.close();
  }
}

function rerun(id: string, extraArgs: string[] = []) {
  return spawnDeskhand(
    ['sessions', 'rerun', id, '--sessions-dir', e2e.sessionsDir, '--json', ...extraArgs],
    e2e.desktop.env,
  );
}

function sessionIdOf(events: RunEvent[]): string {
  const start = events[0];
  if (start?.type !== 'run-start') throw new Error('the rerun printed no run-start');
  return start.sessionId;
}

describe('deskhand sessions rerun on a real desktop', () => {
  it('repeats the clicks and typing of an unchanged page without a model and records a new session (exit 0)', async () => {
    const id = await recordSession(FILL_AND_CLICK);
    expect([await inputValue(), await clicks()]).toEqual(['', 0]);

    const replay = rerun(id);
    const { code } = await replay.exited;
    expect(code, replay.stderr()).toBe(0);
    expect([await inputValue(), await clicks()]).toEqual(['hello', 1]);

    const session = await readSession(e2e.sessionsDir, sessionIdOf(replay.events));
    expect(session.info).toMatchObject({
      task: `rerun of ${id}: fill in the test form`,
      backend: { kind: 'rerun', baseUrl: null },
      outcome: { kind: 'done' },
    });
    expect(session.steps.map((step) => [step.action.name, step.acted, step.error])).toEqual([
      ['left_click', true, null],
      ['type', true, null],
      ['left_click', true, null],
      ['done', false, null],
    ]);
    expect((await readdir(join(session.dir, 'frames'))).sort()).toEqual([
      '0001.png',
      '0002.png',
      '0003.png',
      '0004.png',
    ]);
  });

  it('--verify strict stops before clicking a relabelled button: exit 6, a report naming the step, no click', async () => {
    const id = await recordSession(FILL_AND_CLICK);
    await e2e.browser.page.evaluate(() => (document.getElementById('clickButton')!.textContent = 'send'));

    const replay = rerun(id, ['--verify', 'strict']);
    const { code } = await replay.exited;
    expect(code, replay.stderr()).toBe(6);
    expect(await clicks()).toBe(0);
    expect(await inputValue()).toBe('hello');
    const report =
      /Step 3 \(recorded step 3, left_click at 2\d\d,4\d\d\) was not carried out: the screen around the target/;
    expect(replay.stderr()).toMatch(report);
    expect(replay.events.at(-1)).toMatchObject({ type: 'run-end', outcome: { kind: 'stuck' } });

    const session = await readSession(e2e.sessionsDir, sessionIdOf(replay.events));
    expect(session.steps.map((step) => step.acted)).toEqual([true, true, false]);
    expect(session.steps[2]!.error).toMatch(report);
  });

  it('--verify off clicks a button that moved by 20 px anyway', async () => {
    const id = await recordSession(FILL_AND_CLICK);
    await e2e.browser.page.evaluate(() => (document.getElementById('clickButton')!.style.left = '80px'));

    const strict = rerun(id);
    expect((await strict.exited).code, strict.stderr()).toBe(6);
    expect(await clicks()).toBe(0);

    const replay = rerun(id, ['--verify', 'off']);
    const { code } = await replay.exited;
    expect(code, replay.stderr()).toBe(0);
    expect(await clicks()).toBe(1);
  });

  it('SIGINT mid-rerun stops within 100 ms with exit 4 and no input after it', async () => {
    const id = await recordSession([
      answer('Wait for the page.', 'WAIT()'),
      answer('Press the button.', `left_click(start_box='${modelPointOf('clickButton')}')`),
      answer('Done.', 'DONE()'),
    ]);
    const replay = rerun(id);
    await replay.waitForEvent((event) => event.type === 'action-parsed' && event.action.name === 'wait');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const eventsAtStop = await pageEventCount();
    const stoppedAt = performance.now();
    replay.child.kill('SIGINT');
    const { code, at: exitedAt } = await replay.exited;
    expect(code, replay.stderr()).toBe(4);
    expect(exitedAt - stoppedAt).toBeLessThan(100);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await pageEventCount()).toBe(eventsAtStop);
    expect(await clicks()).toBe(0);
    const session = await readSession(e2e.sessionsDir, sessionIdOf(replay.events));
    expect(session.info.outcome?.kind).toBe('stopped');
  });

  it('an unknown session is a usage error (exit 2)', async () => {
    const replay = rerun('no-such-session');
    expect((await replay.exited).code).toBe(2);
    expect(replay.stderr()).toContain('no-such-session');
  });
});
