// "Max tokens per step": set in Settings → Agent loop or with `deskhand run --max-tokens N`, it reaches the model
// server's request as max_tokens and the session's settings, and a reply the limit cut says so in the step's error.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStartOf, spawnServedRun } from '../support/cli.js';
import { startRunInUi } from '../support/serve.js';
import { scriptedAnswer, startScriptedServer } from '../support/scripted-openai-server.js';
import { screenshotLooks } from '../support/ui-looks.js';
import { startUiHarness, UI_SCREENSHOTS as SCREENSHOTS, type UiHarness } from '../support/ui-harness.js';

/** A reply cut inside its thinking, as a server stops at max_tokens. */
const CUT = { reasoning: 'I should look at the screen and then ', answer: '', finishReason: 'length' as const };

let ui: UiHarness;
let page: Page;

beforeAll(async () => {
  ui = await startUiHarness({
    tmpPrefix: 'deskhand-ui-max-tokens-',
    desktop: true,
    server: { style: 'reasoning_content', answers: [CUT, scriptedAnswer('DONE()')] },
    skipWizard: true,
  });
  page = ui.page;
});

afterAll(() => ui?.stop());

const byTestId = (id: string) => page.getByTestId(id);

async function sessionSettings(sessionsDir: string, id: string): Promise<{ maxTokens?: number }> {
  return JSON.parse(await readFile(join(sessionsDir, id, 'session.json'), 'utf8')) as { maxTokens?: number };
}

describe('max tokens per step', () => {
  it('is a bounded Agent loop setting that the UI run sends as max_tokens and records; a cut reply says so', async () => {
    await byTestId('settings-tab').click();
    const input = byTestId('max-tokens-input');
    expect(await input.inputValue()).toBe('8192');
    await input.fill('5');
    await expect.poll(() => byTestId('settings-error').textContent()).toContain('loop.maxTokens');
    expect(await byTestId('settings-save').isDisabled()).toBe(true);
    await input.fill('1500');
    await byTestId('settings-save').click();
    await expect.poll(() => byTestId('settings-status').textContent()).toContain('Saved');
    await screenshotLooks(page, {
      url: ui.served.url,
      dir: SCREENSHOTS,
      name: 'settings-max-tokens',
      target: (shown) => shown.getByTestId('loop-settings'),
    });

    await byTestId('run-tab').click();
    await startRunInUi(page, { baseUrl: ui.server.baseUrl, instruction: 'Open the menu' });
    await expect.poll(() => byTestId('step-error').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await byTestId('step-error').first().textContent()).toContain('max tokens per step (1500)');
    await expect.poll(() => byTestId('outcome-banner').count(), { timeout: 60_000 }).toBe(1);
    expect((ui.server.requests[0]!.body as { max_tokens: number }).max_tokens).toBe(1500);
    await screenshotLooks(page, {
      url: ui.served.url,
      dir: SCREENSHOTS,
      name: 'run-step-cut-by-max-tokens',
      target: (shown) => shown.getByTestId('step-card').first(),
    });
    const sessions = await import('node:fs/promises').then(({ readdir }) => readdir(ui.sessionsDir));
    expect(await sessionSettings(ui.sessionsDir, sessions[0]!)).toMatchObject({ maxTokens: 1500 });
  });

  it('deskhand run --max-tokens N sends max_tokens N and records it in the session', async () => {
    const sessionsDir = join(ui.work, 'cli-sessions');
    const cli = await startScriptedServer({ style: 'reasoning_content', answers: [scriptedAnswer('DONE()')] });
    try {
      const run = spawnServedRun('Open the menu', {
        baseUrl: cli.baseUrl,
        sessionsDir,
        env: ui.desktop!.env,
        args: ['--max-tokens', '321'],
      });
      expect((await run.exited).code).toBe(0);
      expect((cli.requests[0]!.body as { max_tokens: number }).max_tokens).toBe(321);
      expect(await sessionSettings(sessionsDir, runStartOf(run).sessionId)).toMatchObject({ maxTokens: 321 });
    } finally {
      await cli.close();
    }
  });
});
