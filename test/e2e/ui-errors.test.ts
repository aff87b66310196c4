// How the UI in a browser shows a wrong server, a stopped run and a located target, in English and Chinese, light
// and dark: worded from error codes (no CLI flags, no English in Chinese), no session for a failed start, Retry.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedAnswer, startScriptedServer, type ScriptedServer } from '../support/scripted-openai-server.js';
import { startUiHarness, UI_SCREENSHOTS as SCREENSHOTS, type UiHarness } from '../support/ui-harness.js';

const LOCATED = { answer: '<answer>The OK button <|begin_of_box|>[[100,200,300,400]]<|end_of_box|></answer>' };

let ui: UiHarness;
let page: Page;
const servers: ScriptedServer[] = [];

beforeAll(async () => {
  ui = await startUiHarness({ tmpPrefix: 'deskhand-ui-errors-', desktop: true, formPage: true, skipWizard: true });
  page = ui.page;
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await ui?.stop();
});

const byTestId = (id: string) => page.getByTestId(id);

/** Sets the UI's language and theme through the host API, as the settings page saves them. */
async function setAppearance(language: 'en' | 'zh', theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate(
    async (appearance) => {
      const socket = new WebSocket(`ws://${location.host}/api`);
      await new Promise((resolveOpen) => socket.addEventListener('open', resolveOpen, { once: true }));
      const call = (id: number, method: string, params: unknown) =>
        new Promise<{ result: Record<string, unknown> }>((resolveCall) => {
          const onMessage = (event: MessageEvent) => {
            const message = JSON.parse(event.data as string) as { id?: number; result: Record<string, unknown> };
            if (message.id !== id) return;
            socket.removeEventListener('message', onMessage);
            resolveCall(message);
          };
          socket.addEventListener('message', onMessage);
          socket.send(JSON.stringify({ id, method, params }));
        });
      const { result: settings } = await call(1, 'settings.get', {});
      await call(2, 'settings.set', { ...settings, ...appearance });
      socket.close();
    },
    { language, theme },
  );
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language === 'zh' ? 'zh-CN' : 'en');
}

async function startRun(baseUrl: string, model: string, instruction = 'Click the button'): Promise<void> {
  await byTestId('run-tab').click();
  await byTestId('backend-select').selectOption('openai');
  await byTestId('base-url-input').fill(baseUrl);
  await byTestId('model-input').fill(model);
  await byTestId('instruction-input').fill(instruction);
  await byTestId('run-button').click();
}

async function runError(): Promise<string> {
  await expect.poll(() => byTestId('run-error').isVisible(), { timeout: 15_000 }).toBe(true);
  return (await byTestId('run-error').textContent()) ?? '';
}

/** No CLI flag, and no English word once the URL and the names API/HTTP/OpenAI are taken out. */
function expectChineseOnly(text: string, url: string): void {
  expect(text).not.toContain('--');
  const rest = text
    .split(url)
    .join('')
    .replace(/\b(API|HTTP|OpenAI|Deskhand|glm-[\w.-]+|http:\/\/[\w.:/]+)\b/g, '');
  expect(rest, text).not.toMatch(/[A-Za-z]{3,}/);
}

async function closedServerUrl(): Promise<{ baseUrl: string; port: number }> {
  const server = await startScriptedServer({ style: 'inline', answers: [] });
  await server.close();
  return { baseUrl: server.baseUrl, port: Number(new URL(server.baseUrl).port) };
}

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** The screen as it is, in both languages and both themes; ends in `back`'s language and theme. */
async function shotAll(name: string, back: ['en' | 'zh', 'light' | 'dark']): Promise<void> {
  for (const language of ['zh', 'en'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      await setAppearance(language, theme);
      await shot(`${name}-${language}-${theme}`);
    }
  }
  await setAppearance(...back);
}

describe('errors in the UI', () => {
  it('an unreachable server is worded in Chinese with field names, and leaves no session behind', async () => {
    await setAppearance('zh', 'light');
    const { baseUrl } = await closedServerUrl();
    await startRun(baseUrl, 'glm-x');
    const text = await runError();
    expect(text).toContain('无法连接');
    expect(text).toContain('服务器地址');
    expectChineseOnly(text, baseUrl);
    await shotAll('errors-unreachable', ['zh', 'dark']);
    expect(await readdir(ui.sessionsDir).catch(() => [])).toEqual([]);
    await byTestId('sessions-tab').click();
    await expect.poll(() => byTestId('session-row').count()).toBe(0);
  });

  it('an unknown model and a refused key are worded in Chinese without flags', async () => {
    const models = await startScriptedServer({ style: 'inline', answers: [], modelIds: ['glm-a', 'glm-b'] });
    const keyed = await startScriptedServer({ style: 'inline', answers: [], requireApiKey: 'sk-right' });
    servers.push(models, keyed);
    await startRun(models.baseUrl, 'glm-x');
    await expect.poll(runError).toContain('没有提供模型“glm-x”');
    const unknownModel = await runError();
    expect(unknownModel).toContain('glm-a, glm-b');
    expectChineseOnly(unknownModel, models.baseUrl);
    await shotAll('errors-model', ['zh', 'dark']);
    await startRun(keyed.baseUrl, '');
    await expect.poll(runError).toContain('拒绝了 API 密钥');
    expectChineseOnly(await runError(), keyed.baseUrl);
    expect(models.requests.length + keyed.requests.length).toBe(0);
    expect(await readdir(ui.sessionsDir).catch(() => [])).toEqual([]);
  });

  it('the same errors in English name the fields, not the CLI flags', async () => {
    await setAppearance('en', 'light');
    const { baseUrl } = await closedServerUrl();
    await startRun(baseUrl, 'glm-x');
    await expect.poll(runError).toContain('Check the Server URL');
    expect(await runError()).not.toContain('--');
    await shot('errors-unreachable-en-light');
  });

  it('Retry starts the same instruction once the server is up; the stop is worded in Chinese; dates are Chinese', async () => {
    await setAppearance('zh', 'light');
    const { baseUrl, port } = await closedServerUrl();
    await startRun(baseUrl, '', 'Think for a while');
    await runError();
    expect(await readdir(ui.sessionsDir).catch(() => [])).toEqual([]);
    const server = await startScriptedServer({
      style: 'reasoning_content',
      port,
      chunkDelayMs: 20,
      answers: [
        { reasoning: 'Thinking slowly. '.repeat(400), answer: '<answer><|begin_of_box|>WAIT()<|end_of_box|></answer>' },
      ],
    });
    servers.push(server);
    await byTestId('run-retry').click();
    await expect.poll(() => byTestId('step-card').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => server.requests.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(server.requests[0]!.prompt).toContain('Think for a while');
    await byTestId('stop-button').click();
    await expect.poll(() => byTestId('outcome-message').textContent(), { timeout: 10_000 }).toBe('你停止了这次运行。');
    await shotAll('errors-stopped', ['zh', 'light']);
    expect(await readdir(ui.sessionsDir)).toHaveLength(1);
    await byTestId('sessions-tab').click();
    await expect.poll(() => byTestId('session-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.session-date').first().textContent()).toMatch(/^\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    await shotAll('errors-sessions', ['zh', 'light']);
  });

  it('an error during a run is worded in Chinese with the server’s own words, and Retry runs the instruction again', async () => {
    const body = JSON.stringify({ error: { message: 'max_tokens is too large: 8192' } });
    const server = await startScriptedServer({
      style: 'inline',
      failFirst: [{ status: 400, body }],
      answers: [scriptedAnswer('DONE()', { explanation: 'Nothing to do.' })],
    });
    servers.push(server);
    await startRun(server.baseUrl, '', 'Check the form');
    await expect.poll(() => byTestId('outcome-banner').getAttribute('data-outcome'), { timeout: 20_000 }).toBe('error');
    const message = (await byTestId('outcome-message').textContent()) ?? '';
    expect(message).toContain('拒绝了请求（HTTP 400）：max_tokens is too large: 8192');
    expect(message).not.toContain('--');
    await shotAll('errors-run-error', ['zh', 'light']);
    await byTestId('outcome-retry').click();
    await expect.poll(() => server.requests.length, { timeout: 20_000 }).toBe(2);
    await expect
      .poll(() => byTestId('outcome-banner').last().getAttribute('data-outcome'), { timeout: 20_000 })
      .toBe('done');
    expect(server.requests[1]!.prompt).toContain('Check the form');
    // A finished step whose model wrote no thinking says so, not that it is still waiting for the model.
    expect(await byTestId('thinking').last().textContent()).toContain('模型在这一步没有写出思考过程');
  });

  it('a secret the instruction names but nobody stored is worded in Chinese, before any session is recorded', async () => {
    const server = await startScriptedServer({ style: 'inline', answers: [] });
    servers.push(server);
    await setAppearance('zh', 'light');
    const sessions = () => readdir(ui.sessionsDir).catch(() => []);
    const sessionsBefore = await sessions();
    await startRun(server.baseUrl, '', 'Log in with {{secret:PASSWORD}}');
    const text = await runError();
    expect(text).toContain('指令用到了密钥 PASSWORD');
    expectChineseOnly(text.replace('PASSWORD', ''), server.baseUrl);
    expect(await sessions()).toEqual(sessionsBefore);
    await shotAll('errors-secret', ['zh', 'light']);
  });

  it('locate shows the answer without model markup', async () => {
    const server = await startScriptedServer({
      style: 'inline',
      chunkSize: 3,
      answers: [LOCATED, LOCATED],
    });
    servers.push(server);
    for (const [language, theme] of [
      ['zh', 'light'],
      ['en', 'dark'],
    ] as const) {
      await setAppearance(language, theme);
      await byTestId('run-tab').click();
      await byTestId('backend-select').selectOption('openai');
      await byTestId('base-url-input').fill(server.baseUrl);
      await byTestId('model-input').fill('');
      await byTestId('locate-input').fill('the OK button');
      const asked = server.requests.length;
      await byTestId('locate-button').click();
      await expect.poll(() => server.requests.length, { timeout: 20_000 }).toBe(asked + 1);
      // The result shown is the new one once the button is no longer "Looking…".
      await expect.poll(() => byTestId('locate-button').textContent(), { timeout: 20_000 }).not.toContain('…');
      expect(await byTestId('locate-error').count()).toBe(0);
      // The box is drawn once the frame has loaded.
      await expect.poll(() => byTestId('locate-box').count(), { timeout: 10_000 }).toBe(1);
      const answer = (await byTestId('locate-answer').textContent()) ?? '';
      expect(answer).toBe('The OK button [[100,200,300,400]]');
      await byTestId('locate-result').scrollIntoViewIfNeeded();
      await shot(`errors-locate-${language}-${theme}`);
      await setAppearance(language, theme === 'light' ? 'dark' : 'light');
      await shot(`errors-locate-${language}-${theme === 'light' ? 'dark' : 'light'}`);
    }
  });
});
