// `deskhand run` end to end: the real CLI, a real X desktop with Chromium, a scripted model server on loopback.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { readSession } from '../../src/sessions/reader.js';
import { modelPointOf } from '../fixtures/pages/form-layout.js';
import { FORM_LAYOUT } from '../support/chromium.js';
import { runStartOf, spawnDeskhand, spawnServedRun } from '../support/cli.js';
import { useCliDesktop } from '../support/cli-desktop.js';
import {
  scriptedAnswer,
  startScriptedServer,
  type ScriptedAnswer,
  type ScriptedServer,
} from '../support/scripted-openai-server.js';
import { tinyModelDir } from '../support/tiny-model.js';

const execFileAsync = promisify(execFile);
const API_KEY = 'sk-test-SECRET-7f3a9c';
const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
const answer = (explanation: string, call: string, memory = '[]') =>
  scriptedAnswer(call, {
    explanation,
    memory,
    reasoning: `The screen shows the test form. Next: ${explanation} This reasoning is long enough to arrive in several chunks.`,
  });
const DONE = answer('The form is filled in.', 'DONE()');

const SLOW_REASONING = 'Thinking slowly. '.repeat(200);
const UNICODE_AND_SYMBOLS = 'Grüße, 世界! @#$%^&*()_+{}:"<>?~|\\ it\'s `ok`';

/** A click, then a second step whose thinking streams for long enough to stop the run in the middle of it. */
const clickThenThinkSlowly = (): ScriptedAnswer[] => [
  answer('Click the button.', `left_click(start_box='${modelPointOf('clickButton')}')`),
  {
    reasoning: SLOW_REASONING,
    answer: `<answer>x <|begin_of_box|>left_click(start_box='${modelPointOf('clickButton')}')<|end_of_box|></answer>`,
  },
];

const e2e = useCliDesktop({ tmpPrefix: 'deskhand-e2e-', formPage: true });
let server: ScriptedServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

const pageValue = (selector: string) =>
  e2e.browser.page.$eval(selector, (element) => (element as HTMLInputElement).value);
const pageState = () =>
  e2e.browser.page.evaluate(() => (window as unknown as { __state: Record<string, unknown> }).__state);
const pageEventCount = () =>
  e2e.browser.page.evaluate(() => (window as unknown as { __events: unknown[] }).__events.length);

function runDeskhand(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnServedRun('fill in the test form', {
    baseUrl: server!.baseUrl,
    sessionsDir: e2e.sessionsDir,
    env: { ...e2e.desktop.env, ...env },
    args,
  });
}

async function expectFramesOnDisk(sessionDir: string, count: number, format: 'png' | 'jpeg' = 'png') {
  const frames = (await readdir(join(sessionDir, 'frames'))).sort();
  expect(frames).toHaveLength(count);
  const metadata = await sharp(join(sessionDir, 'frames', frames[0]!)).metadata();
  expect([metadata.format, metadata.width, metadata.height]).toEqual([format, 1920, 1080]);
}

/** The images of a recorded request, decoded from their data URLs: [mime, bytes]. */
function requestImages(body: unknown): Array<[string, Buffer]> {
  const { messages } = body as { messages: Array<{ content: Array<{ image_url?: { url: string } }> }> };
  return messages[0]!.content.flatMap((part) => {
    if (!part.image_url) return [];
    const { url } = part.image_url;
    return [[url.slice(5, url.indexOf(';')), Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')]];
  });
}

describe('deskhand run on a real desktop', () => {
  it('fills a form from a server that streams <think> inline: clicks land, unicode and symbols arrive exactly, key chords work', async () => {
    server = await startScriptedServer({
      style: 'inline',
      requireApiKey: API_KEY,
      // Listed by /v1/models, so the name given with --model is the one asked for.
      modelIds: ['glm-4.1v-test', 'glm-4.1v-other'],
      answers: [
        answer(
          'Click the text input.',
          `left_click(start_box='${modelPointOf('textInput')}', element_info='text input')`,
        ),
        answer('Type the greeting.', `type(content=${quote(UNICODE_AND_SYMBOLS)})`, '["greeting typed"]'),
        answer('Click the text area.', `left_click(start_box='${modelPointOf('textArea')}')`),
        answer('Type a draft.', `type(content='draft text')`),
        answer('Select all of it.', `key(keys='ctrl+a')`),
        answer('Replace it.', `type(content='fresh')`),
        answer('New line.', `key(keys='Return')`),
        answer('Second line.', `type(content='zweite Zeile ✓')`),
        DONE,
      ],
    });
    const run = runDeskhand(['--api-key-env', 'DESKHAND_TEST_KEY', '--model', 'glm-4.1v-test'], {
      DESKHAND_TEST_KEY: API_KEY,
    });
    const { code } = await run.exited;
    expect(code, run.stderr()).toBe(0);

    expect(await pageValue('#textInput')).toBe(UNICODE_AND_SYMBOLS);
    const pageEvents = () =>
      e2e.browser.page.evaluate(() => JSON.stringify((window as unknown as { __events: unknown[] }).__events));
    expect(await pageValue('#textArea'), `${run.stderr()}\n${await pageEvents()}`).toBe('fresh\nzweite Zeile ✓');

    expect(server.requests.map((request) => request.imageCount)).toEqual([1, 2, 3, 4, 5, 5, 5, 5, 5]);
    expect(server.requests[2]!.prompt).toContain('Memory:\n["greeting typed"]');
    expect(server.requests[1]!.prompt).toContain(
      "step 1: Click the text input.\nleft_click(start_box='[161,130]', element_info='text input')",
    );
    expect(server.requests[0]!.body).toMatchObject({
      model: 'glm-4.1v-test',
      stream: true,
      skip_special_tokens: false,
    });

    const types = run.events.map((event) => event.type);
    expect(types[0]).toBe('run-start');
    expect(types.at(-1)).toBe('run-end');
    expect(types.filter((type) => type === 'reasoning-delta').length).toBeGreaterThan(9 * 3);
    const firstStep = run.events.filter((event) => 'step' in event && event.step === 1).map((event) => event.type);
    expect(firstStep.indexOf('reasoning-delta')).toBeLessThan(firstStep.indexOf('text-delta'));

    const session = await readSession(e2e.sessionsDir, runStartOf(run).sessionId);
    expect(session.info).toMatchObject({
      outcome: { kind: 'done' },
      steps: 9,
      backend: { kind: 'openai', model: 'glm-4.1v-test' },
    });
    expect(session.steps.map((step) => [step.step, step.action.name, step.acted])).toEqual([
      [1, 'left_click', true],
      [2, 'type', true],
      [3, 'left_click', true],
      [4, 'type', true],
      [5, 'key', true],
      [6, 'type', true],
      [7, 'key', true],
      [8, 'type', true],
      [9, 'done', false],
    ]);
    expect(session.steps[0]!).toMatchObject({
      action: { point: FORM_LAYOUT.textInput.px.map((value) => expect.closeTo(value, -1)) },
    });
    expect(session.steps[0]!.thinking).toContain('The screen shows the test form.');
    expect(session.steps[1]!.action.text).toBe(UNICODE_AND_SYMBOLS);
    await expectFramesOnDisk(session.dir, 9);

    // Lossless by default: the model got the recorded frame's PNG byte for byte, and PNG history screenshots at
    // floor(w/2)×floor(h/2), as the official agent sends them. The session says which format the model saw.
    expect(session.info.imageFormat).toBe('png');
    const [[mime, current], [historyMime, history]] = requestImages(server.requests[1]!.body) as [
      [string, Buffer],
      [string, Buffer],
    ];
    expect([mime, historyMime]).toEqual(['image/png', 'image/png']);
    expect(current.equals(await readFile(join(session.dir, session.steps[1]!.frame)))).toBe(true);
    const historyMeta = await sharp(history).metadata();
    expect([historyMeta.format, historyMeta.width, historyMeta.height]).toEqual(['png', 960, 540]);
    for (const file of ['session.json', 'steps.jsonl']) {
      expect(await readFile(join(session.dir, file), 'utf8')).not.toContain(API_KEY);
    }
  });

  it('scrolls, drags and clicks every button from a server that streams reasoning_content', async () => {
    server = await startScriptedServer({
      style: 'reasoning_content',
      answers: [
        answer('Scroll the box.', `scroll(start_box='${modelPointOf('scrollBox')}', direction='down', step=3)`),
        answer(
          'Drag the block.',
          `left_drag(start_box='${modelPointOf('dragSource')}', end_box='${modelPointOf('dropTarget')}')`,
        ),
        answer('Right click.', `right_click(start_box='${modelPointOf('clickButton')}')`),
        answer('Double click.', `left_double_click(start_box='${modelPointOf('clickButton')}')`),
        answer('Middle click.', `middle_click(start_box='${modelPointOf('clickButton')}')`),
        answer('Hover.', `hover(start_box='${modelPointOf('hoverTarget')}')`),
        DONE,
      ],
    });
    const run = runDeskhand(['--image-format', 'jpeg']);
    const { code } = await run.exited;
    expect(code, run.stderr()).toBe(0);

    const state = await pageState();
    expect(state).toMatchObject({ right: 1, double: 1, middle: 1, drop: { onTarget: true } });
    expect(state.hover).toBeGreaterThanOrEqual(1);
    expect(await e2e.browser.page.$eval('#scrollBox', (element) => element.scrollTop)).toBeGreaterThan(0);

    const start = runStartOf(run);
    expect(start.model).toBe('glm-4.1v-9b-thinking-scripted');
    const session = await readSession(e2e.sessionsDir, start.sessionId);
    expect(session.steps.map((step) => step.action.name)).toEqual([
      'scroll',
      'left_drag',
      'right_click',
      'left_double_click',
      'middle_click',
      'hover',
      'done',
    ]);
    expect(session.steps[0]!.action).toMatchObject({ direction: 'down', steps: 3 });
    // --image-format jpeg: q90 JPEG without chroma subsampling, recorded as such.
    expect(session.info.imageFormat).toBe('jpeg');
    const [[mime, image]] = requestImages(server.requests[0]!.body) as [[string, Buffer]];
    expect([mime, (await sharp(image).metadata()).chromaSubsampling]).toEqual(['image/jpeg', '4:4:4']);
    await expectFramesOnDisk(session.dir, 7, 'jpeg');
  });

  it('SIGINT mid-generation stops within 100 ms with exit 4, no input after it, and an intact session', async () => {
    server = await startScriptedServer({
      style: 'reasoning_content',
      chunkDelayMs: 40,
      answers: clickThenThinkSlowly(),
    });
    const run = runDeskhand([]);
    await run.waitForEvent((event) => event.type === 'reasoning-delta' && event.step === 2);
    const eventsAtStop = await pageEventCount();
    const stoppedAt = performance.now();
    run.child.kill('SIGINT');
    const { code, at: exitedAt } = await run.exited;
    expect(code, run.stderr()).toBe(4);
    expect(exitedAt - stoppedAt).toBeLessThan(100);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await pageEventCount()).toBe(eventsAtStop);
    expect((await pageState()).left).toBe(1);
    expect(server.requests[1]!.closedEarly).toBe(true);

    const end = run.events.at(-1)!;
    expect(end).toMatchObject({ type: 'run-end', outcome: { kind: 'stopped' } });
    const session = await readSession(e2e.sessionsDir, (end as { sessionId: string }).sessionId);
    expect(session.warnings).toEqual([]);
    expect(session.info.outcome?.kind).toBe('stopped');
    expect(session.steps.map((step) => [step.step, step.acted])).toEqual([
      [1, true],
      [2, false],
    ]);
    const partialThinking = session.steps[1]!.thinking;
    expect(partialThinking.length).toBeGreaterThan(0);
    expect(SLOW_REASONING.startsWith(partialThinking)).toBe(true);
  });

  it('Ctrl+Shift+Escape pressed while another window has focus stops mid-generation with exit 4', async () => {
    server = await startScriptedServer({
      style: 'reasoning_content',
      chunkDelayMs: 40,
      answers: clickThenThinkSlowly(),
    });
    const run = runDeskhand([]);
    await run.waitForEvent((event) => event.type === 'reasoning-delta' && event.step === 2);
    expect(await e2e.browser.page.evaluate(() => document.hasFocus())).toBe(true);
    // xdotool presses the chord as a user would, into the focused Chromium window, not into deskhand's terminal.
    const pressedAt = performance.now();
    await execFileAsync('xdotool', ['key', 'ctrl+shift+Escape'], { env: e2e.desktop.env });
    const { code, at: exitedAt } = await run.exited;
    expect(code, run.stderr()).toBe(4);
    expect(exitedAt - pressedAt).toBeLessThan(250);
    expect((await pageState()).left).toBe(1);
    expect(run.events.at(-1)).toMatchObject({ type: 'run-end', outcome: { kind: 'stopped' } });
    expect(run.stderr()).not.toContain('stop key');
  });

  it('SIGINT during a WAIT stops within 100 ms with exit 4', async () => {
    server = await startScriptedServer({ style: 'inline', answers: [answer('Wait for the page.', 'WAIT()')] });
    const run = runDeskhand([]);
    await run.waitForEvent((event) => event.type === 'action-parsed' && event.action.name === 'wait');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stoppedAt = performance.now();
    run.child.kill('SIGINT');
    const { code, at: exitedAt } = await run.exited;
    expect(code, run.stderr()).toBe(4);
    expect(exitedAt - stoppedAt).toBeLessThan(100);
  });

  it('an unreachable server is a configuration error (exit 2) that names the URL, found before any session', async () => {
    const closed = await startScriptedServer({ style: 'inline', answers: [] });
    await closed.close();
    const run = spawnDeskhand(
      [
        'run',
        'anything',
        '--backend',
        'openai',
        '--base-url',
        closed.baseUrl,
        '--model',
        'm',
        '--sessions-dir',
        e2e.sessionsDir,
      ],
      e2e.desktop.env,
    );
    const { code } = await run.exited;
    expect(code).toBe(2);
    expect(run.stderr()).toContain(closed.baseUrl);
    expect(run.stderr()).toContain('Check --base-url.');
    expect(await readdir(e2e.sessionsDir)).toEqual([]);
  });

  it('refuses a Wayland session before it records or touches anything (exit 2), and says what to do', async () => {
    server = await startScriptedServer({ style: 'inline', answers: [DONE] });
    const eventsBefore = await pageEventCount();
    const run = runDeskhand([], { XDG_SESSION_TYPE: 'wayland' });
    const { code } = await run.exited;
    expect(code).toBe(2);
    expect(run.stderr()).toContain('This is a Wayland session (XDG_SESSION_TYPE=wayland)');
    expect(run.stderr()).toContain('DESKHAND_ALLOW_WAYLAND=1');
    expect(await readdir(e2e.sessionsDir)).toEqual([]);
    expect(server.requests).toEqual([]);
    expect(await pageEventCount()).toBe(eventsBefore);

    const allowed = runDeskhand([], { XDG_SESSION_TYPE: 'wayland', DESKHAND_ALLOW_WAYLAND: '1' });
    expect((await allowed.exited).code, allowed.stderr()).toBe(0);
  });

  it("runs the exporter's folder (transformers-made, committed) with --backend local to an ordinary end", async () => {
    const modelDir = join(import.meta.dirname, '../fixtures/glm41v-export/model');
    const run = spawnDeskhand(
      ['run', 'open the editor', '--backend', 'local', '--model-dir', modelDir, '--device', 'cpu'].concat([
        '--max-tokens',
        '24',
        '--max-steps',
        '2',
        '--sessions-dir',
        e2e.sessionsDir,
        '--json',
      ]),
      e2e.desktop.env,
    );
    const { code } = await run.exited;
    // Random weights answer noise: two unparseable steps use up the budget (exit 5), each streamed and recorded.
    expect(code, run.stderr()).toBe(5);
    const streamed = run.events.filter((event) => event.type === 'text-delta' || event.type === 'reasoning-delta');
    expect(streamed.length).toBeGreaterThan(4);
    const end = run.events.at(-1)!;
    expect(end).toMatchObject({ type: 'run-end', outcome: { kind: 'max-steps' }, steps: 2 });
    const session = await readSession(e2e.sessionsDir, (end as { sessionId: string }).sessionId);
    expect(session.steps.map((step) => [step.action.name, step.acted])).toEqual(Array(2).fill(['none', false]));
    expect(session.steps.every((step) => (step.usage.completionTokens ?? 0) > 0)).toBe(true);
  });

  it('runs the local engine end to end on the tiny model: noise answers end with exit 6 after the retries, recorded', async () => {
    const modelDir = await tinyModelDir();
    const run = spawnDeskhand(
      [
        'run',
        'open the editor',
        '--backend',
        'local',
        '--model-dir',
        modelDir,
        '--device',
        'cpu',
        '--max-tokens',
        '48',
        '--sessions-dir',
        e2e.sessionsDir,
        '--json',
      ],
      e2e.desktop.env,
    );
    const { code } = await run.exited;
    expect(code, run.stderr()).toBe(6);
    expect(
      run.events.filter((event) => event.type === 'text-delta' || event.type === 'reasoning-delta').length,
    ).toBeGreaterThan(4);
    const end = run.events.at(-1)!;
    expect(end).toMatchObject({ type: 'run-end', outcome: { kind: 'unparseable' }, steps: 4 });
    const session = await readSession(e2e.sessionsDir, (end as { sessionId: string }).sessionId);
    expect(session.info).toMatchObject({ backend: { kind: 'local' }, outcome: { kind: 'unparseable' } });
    expect(session.steps.map((step) => [step.action.name, step.acted])).toEqual(Array(4).fill(['none', false]));
    expect(
      session.steps.every((step) => (step.usage.completionTokens ?? 0) > 0 && (step.usage.completionTokens ?? 0) <= 48),
    ).toBe(true);
    await expectFramesOnDisk(session.dir, 4);
  });
});
