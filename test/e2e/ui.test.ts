// The UI in a browser against `deskhand serve` on a real X desktop, with a slow scripted model server.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRunInUi } from '../support/serve.js';
import { startUiHarness, UI_SCREENSHOTS as SCREENSHOTS, type UiHarness } from '../support/ui-harness.js';

const execFileAsync = promisify(execFile);
const LONG_THOUGHT = 'I look at the desktop and consider where the pointer should go next. '.repeat(8);

let ui: UiHarness;
let page: Page;

beforeAll(async () => {
  ui = await startUiHarness({
    tmpPrefix: 'deskhand-ui-',
    desktop: true,
    // Something real for the model's screenshots to show.
    formPage: true,
    server: {
      style: 'reasoning_content',
      chunkSize: 6,
      chunkDelayMs: 15,
      answers: [
        {
          reasoning: LONG_THOUGHT,
          answer:
            "<answer>Point at the middle.\n<|begin_of_box|>hover(start_box='[500,500]', element_info='desktop centre')<|end_of_box|>\nMemory:\n[]</answer>",
        },
        {
          reasoning: 'Thinking for a long time. '.repeat(400),
          answer: '<answer><|begin_of_box|>WAIT()<|end_of_box|></answer>',
        },
        {
          reasoning: 'Still weighing the options. '.repeat(400),
          answer: '<answer><|begin_of_box|>WAIT()<|end_of_box|></answer>',
        },
      ],
    },
    viewport: { width: 1440, height: 900 },
  });
  page = ui.page;
});

afterAll(() => ui?.stop());

const byTestId = (id: string) => page.getByTestId(id);

describe('Deskhand UI in a browser', () => {
  it('shows the first-run wizard, which can be skipped', async () => {
    await expect.poll(() => byTestId('setup-wizard').isVisible(), { timeout: 20_000 }).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'wizard.png') });
    await byTestId('wizard-skip').click();
    await expect.poll(() => byTestId('instruction-input').isVisible()).toBe(true);
  });

  it('streams thinking before the action, draws the target on the screenshot, and Stop ends the run', async () => {
    await startRunInUi(page, { baseUrl: ui.server.baseUrl, instruction: 'Point at the middle of the screen' });

    const firstCard = byTestId('step-card').first();
    await expect
      .poll(async () => (await firstCard.getByTestId('thinking').textContent())?.length ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(20);
    // Thinking is on screen while the model is still writing: the step has no action yet.
    expect(await firstCard.getByTestId('action-chip').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'run-streaming.png') });

    await expect.poll(() => firstCard.getByTestId('action-chip').count(), { timeout: 20_000 }).toBe(1);
    const screenshot = firstCard.getByTestId('step-screenshot');
    await expect
      .poll(() => screenshot.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), {
        timeout: 10_000,
      })
      .toBe(1920);
    expect(await firstCard.getByTestId('action-overlay').count()).toBe(1);

    await expect.poll(() => byTestId('step-card').count(), { timeout: 20_000 }).toBe(2);
    const secondThinking = byTestId('step-card').nth(1).getByTestId('thinking');
    await expect.poll(() => secondThinking.textContent(), { timeout: 10_000 }).toContain('Thinking for a long time.');
    await byTestId('stop-button').click();
    await expect.poll(() => byTestId('outcome-banner').getAttribute('data-outcome'), { timeout: 5000 }).toBe('stopped');
    await expect.poll(() => byTestId('step-card').nth(1).getByTestId('step-phase').textContent()).toBe('Cut short');
    // What streamed before the stop stays on screen.
    expect(await secondThinking.textContent()).toContain('Thinking for a long time.');
    await page.screenshot({ path: join(SCREENSHOTS, 'run-stopped.png'), fullPage: true });
  });

  it('lists the recorded run and plays it back', async () => {
    await byTestId('sessions-tab').click();
    await expect.poll(() => byTestId('session-row').count(), { timeout: 10_000 }).toBe(1);
    await byTestId('session-row').first().click();
    await expect.poll(() => byTestId('player').isVisible()).toBe(true);
    const frame = byTestId('player-frame');
    await expect
      .poll(() => frame.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth), {
        timeout: 10_000,
      })
      .toBe(1920);
    await page.screenshot({ path: join(SCREENSHOTS, 'sessions-player.png') });
  });

  it('keeps settings across a reload', async () => {
    await byTestId('settings-tab').click();
    await byTestId('max-steps-input').fill('17');
    await page.locator('label', { has: byTestId('theme-dark') }).click();
    await byTestId('settings-save').click();
    await expect.poll(() => byTestId('settings-status').textContent()).toBeTruthy();
    await page.reload();
    await byTestId('settings-tab').click();
    await expect.poll(() => byTestId('max-steps-input').inputValue(), { timeout: 10_000 }).toBe('17');
    expect(await byTestId('theme-dark').isChecked()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'settings-dark.png'), fullPage: true });
    await byTestId('run-tab').click();
    await page.screenshot({ path: join(SCREENSHOTS, 'run-dark.png') });
  });

  it('Ctrl+Shift+Escape pressed on the desktop stops a run started from the browser', async () => {
    await byTestId('run-tab').click();
    await startRunInUi(page, { baseUrl: ui.server.baseUrl, instruction: 'Think for a while' });
    const thinking = byTestId('step-card').first().getByTestId('thinking');
    await expect.poll(() => thinking.textContent(), { timeout: 20_000 }).toContain('Still weighing the options.');
    // The key goes to the desktop's focused window (Chromium showing the form), as a user's key press would.
    await execFileAsync('xdotool', ['key', 'ctrl+shift+Escape'], { env: ui.desktop!.env });
    await expect.poll(() => byTestId('outcome-banner').getAttribute('data-outcome'), { timeout: 5000 }).toBe('stopped');
    expect(ui.served.stderr()).not.toContain('stop key');
  });

  it('the API rejects invalid messages from the page and answers valid ones', async () => {
    const replies = await page.evaluate(async () => {
      const socket = new WebSocket(`ws://${location.host}/api`);
      const received: unknown[] = [];
      await new Promise((resolveOpen) => socket.addEventListener('open', resolveOpen, { once: true }));
      const next = () =>
        new Promise((resolveMessage) =>
          socket.addEventListener('message', (event) => resolveMessage(JSON.parse(event.data as string)), {
            once: true,
          }),
        );
      socket.send('{"id": "one"');
      received.push(await next());
      socket.send(JSON.stringify({ id: 7, method: 'run.start', params: { instruction: '' } }));
      received.push(await next());
      socket.send(JSON.stringify({ id: 8, method: 'settings.get', params: {} }));
      received.push(await next());
      socket.close();
      return received;
    });
    expect(replies).toEqual([
      { id: null, error: { code: 'invalid-params', message: 'Messages must be JSON {id, method, params}.' } },
      { id: 7, error: { code: 'invalid-params', message: expect.stringContaining('instruction') } },
      { id: 8, result: expect.objectContaining({ loop: expect.objectContaining({ maxSteps: 17 }) }) },
    ]);
  });
});
