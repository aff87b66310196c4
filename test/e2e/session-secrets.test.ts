// {{secret:NAME}} on a real desktop: the field receives the value, and neither the sessions folder, the CLI's output
// nor the model's requests contain it anywhere.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  FORM_LAYOUT,
  FORM_PAGE_URL,
  openPageInChromium,
  waitForInputReady,
  type ChromiumPage,
} from '../support/chromium.js';
import { spawnDeskhand } from '../support/cli.js';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-openai-server.js';
import { startXDesktop, type XDesktop } from '../support/x-desktop.js';

const SECRET_VALUE = 'Tr0ub4dor&3-horse';
let desktop: XDesktop;
let browser: ChromiumPage;
let server: ScriptedServer;
let sessionsDir: string;

beforeAll(async () => {
  desktop = await startXDesktop();
  browser = await openPageInChromium(desktop, FORM_PAGE_URL);
  sessionsDir = await mkdtemp(join(tmpdir(), 'deskhand-secrets-e2e-'));
});
afterAll(async () => {
  await server?.close();
  await browser?.close();
  await desktop?.stop();
  if (sessionsDir) await rm(sessionsDir, { recursive: true, force: true });
});

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? allFiles(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return nested.flat();
}

it('types {{secret:PASSWORD}} from --secret, and the value is written nowhere', async () => {
  const box = `[${FORM_LAYOUT.textInput.model.join(',')}]`;
  server = await startScriptedServer({
    style: 'inline',
    answers: [
      {
        reasoning: 'Click the field.',
        answer: `<answer>Click.\n<|begin_of_box|>left_click(start_box='${box}')<|end_of_box|></answer>`,
      },
      {
        reasoning: 'Type the password placeholder.',
        answer: "<answer>Type it.\n<|begin_of_box|>type(content='{{secret:PASSWORD}}')<|end_of_box|></answer>",
      },
      { answer: '<answer>Logged in.\n<|begin_of_box|>DONE()<|end_of_box|></answer>' },
    ],
  });
  const run = spawnDeskhand(
    ['run', 'log in with the password {{secret:PASSWORD}}', '--backend', 'openai', '--base-url', server.baseUrl].concat(
      ['--model', 'm', '--sessions-dir', sessionsDir, '--secret', 'PASSWORD=DESKHAND_TEST_PASSWORD', '--json'],
    ),
    { ...desktop.env, DESKHAND_TEST_PASSWORD: SECRET_VALUE },
  );
  const { code } = await run.exited;
  expect(code, run.stderr()).toBe(0);
  expect(await browser.page.$eval('#textInput', (element) => (element as HTMLInputElement).value)).toBe(SECRET_VALUE);

  const files = await allFiles(sessionsDir);
  expect(files.some((file) => file.endsWith('steps.jsonl'))).toBe(true);
  for (const file of files) expect((await readFile(file)).includes(SECRET_VALUE), file).toBe(false);
  expect(run.stdout()).toContain('{{secret:PASSWORD}}');
  expect(run.stdout() + run.stderr()).not.toContain(SECRET_VALUE);
  expect(JSON.stringify(server.requests.map((request) => request.prompt))).not.toContain(SECRET_VALUE);
  const steps = (
    await readFile(
      files.find((file) => file.endsWith('steps.jsonl'))!,
      'utf8',
    )
  )
    .trim()
    .split('\n');
  expect(JSON.parse(steps[1]!).action.text).toBe('{{secret:PASSWORD}}');
});

it('an instruction naming a secret nobody gave is a configuration error before anything runs (exit 2)', async () => {
  const run = spawnDeskhand(
    ['run', 'type {{secret:PIN}}', '--backend', 'openai', '--base-url', server.baseUrl, '--model', 'm'].concat([
      '--sessions-dir',
      sessionsDir,
    ]),
    desktop.env,
  );
  const { code } = await run.exited;
  expect(code).toBe(2);
  expect(run.stderr()).toContain('The instruction uses {{secret:PIN}}: run with --secret PIN=ENV_VAR');
});

it('a rerun types the secret given again, resolved at typing time, and records only the placeholder', async () => {
  const recorded = (await readdir(sessionsDir)).find((name) => !name.startsWith('.'))!;
  await browser.page.reload();
  await waitForInputReady(browser.page);
  const freshValue = 'another-Secret#42';
  const rerun = spawnDeskhand(
    ['sessions', 'rerun', recorded, '--sessions-dir', sessionsDir, '--verify', 'off', '--json'].concat([
      '--secret',
      'PASSWORD=DESKHAND_TEST_PASSWORD',
    ]),
    { ...desktop.env, DESKHAND_TEST_PASSWORD: freshValue },
  );
  const { code } = await rerun.exited;
  expect(code, rerun.stderr()).toBe(0);
  expect(await browser.page.$eval('#textInput', (element) => (element as HTMLInputElement).value)).toBe(freshValue);
  for (const file of await allFiles(sessionsDir)) {
    const bytes = await readFile(file);
    expect(bytes.includes(freshValue) || bytes.includes(SECRET_VALUE), file).toBe(false);
  }
  expect(rerun.stdout() + rerun.stderr()).not.toContain(freshValue);
});
