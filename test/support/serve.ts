// Runs `deskhand serve` as a child process and reads the URL it prints; drives its UI in headless Chromium. Node only
// (tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DESKHAND_BIN } from './cli.js';

export interface ServedUi {
  url: string;
  child: ChildProcess;
  stderr(): string;
  stop(): Promise<void>;
}

export async function startServe(args: string[], env: NodeJS.ProcessEnv): Promise<ServedUi> {
  const child = spawn(process.execPath, [DESKHAND_BIN, 'serve', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL: ${stderr}`)), 30_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^Deskhand UI: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]!);
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`serve exited ${code}: ${stderr}`))));
  });
  return {
    url,
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Debian's Chromium, headless and quiet (no first-run UI, background traffic, sync or QUIC), for the served UI. */
export function launchUiBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Fills the run form for an OpenAI-compatible server at `baseUrl` and starts the run. */
export async function startRunInUi(page: Page, run: { baseUrl: string; instruction: string }): Promise<void> {
  await page.getByTestId('backend-select').selectOption('openai');
  await page.getByTestId('base-url-input').fill(run.baseUrl);
  await page.getByTestId('model-input').fill('glm-4.1v-scripted');
  await page.getByTestId('instruction-input').fill(run.instruction);
  await page.getByTestId('run-button').click();
}

/** Sets the UI's language and theme through the page's own API connection (settings.set), as Save would. */
export async function setAppearanceInUi(page: Page, language: 'en' | 'zh', theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate(
    async (appearance) => {
      const socket = new WebSocket(`ws://${location.host}/api${location.search}`);
      await new Promise((resolve) => (socket.onopen = resolve));
      const call = (id: number, method: string, params: unknown) =>
        new Promise<unknown>((resolve) => {
          socket.addEventListener('message', function onReply(event: MessageEvent<string>) {
            const reply = JSON.parse(event.data) as { id?: number; result?: unknown };
            if (reply.id !== id) return;
            socket.removeEventListener('message', onReply);
            resolve(reply.result);
          });
          socket.send(JSON.stringify({ id, method, params }));
        });
      const settings = (await call(1, 'settings.get', {})) as Record<string, unknown>;
      await call(2, 'settings.set', { ...settings, ...appearance });
      socket.close();
    },
    { language, theme },
  );
  await page.waitForFunction(
    (expected) =>
      document.documentElement.dataset.theme === expected.theme &&
      document.documentElement.lang.startsWith(expected.language),
    { language, theme },
  );
}
