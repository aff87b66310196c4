// Two monitors on one X screen (xrandr --setmonitor): `deskhand run --display` sees, clicks and drags on the
// right-hand monitor only, and the screenshot-desktop fallback captures that monitor too. Node only.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCapturer } from '../../src/desktop/capture.js';
import { listDisplays } from '../../src/desktop/displays.js';
import type { Frame } from '../../src/desktop/types.js';
import { readSession } from '../../src/sessions/reader.js';
import { modelPointOf } from '../fixtures/pages/form-layout.js';
import { FORM_COLOUR_BLOCK_RGB, FORM_LAYOUT, type ChromiumPage } from '../support/chromium.js';
import { runStartOf, spawnDeskhand, spawnServedRun } from '../support/cli.js';
import { scriptedAnswer, startScriptedServer } from '../support/scripted-openai-server.js';
import { startFormDesktop, type FormDesktop } from '../support/form-desktop.js';
import type { XDesktop } from '../support/x-desktop.js';

const execFileAsync = promisify(execFile);

/** A 1280×1024 monitor on the left and a 1920×1080 one to its right: different sizes catch a wrong mapping. */
const LEFT = { id: 'LEFT', bounds: { x: 0, y: 0, width: 1280, height: 1024 } };
const RIGHT = { id: 'RIGHT', bounds: { x: 1280, y: 0, width: 1920, height: 1080 } };

const answer = (explanation: string, call: string) =>
  scriptedAnswer(call, { explanation, reasoning: `The form is on this monitor. ${explanation}` });

let form: FormDesktop;
let desktop: XDesktop;
let browser: ChromiumPage;
let sessionsDir: string;

const pageState = () =>
  browser.page.evaluate(() => (window as unknown as { __state: Record<string, unknown> }).__state);

function colourAt(pixels: Buffer, width: number, channels: number, [x, y]: readonly [number, number]) {
  const offset = (y * width + x) * channels;
  return [...pixels.subarray(offset, offset + 3)];
}

function frameColourAt(frame: Frame, point: readonly [number, number]) {
  const [first, green, third] = colourAt(frame.pixels, frame.width, 4, point);
  return frame.channelOrder === 'bgra' ? [third, green, first] : [first, green, third];
}

beforeAll(async () => {
  form = await startFormDesktop({
    width: 3200,
    height: 1080,
    prepare: async (x) => {
      const monitor = ({ id, bounds }: typeof LEFT, output: string) =>
        execFileAsync(
          'xrandr',
          ['--setmonitor', id, `${bounds.width}/340x${bounds.height}/270+${bounds.x}+${bounds.y}`, output],
          { env: x.env },
        );
      await monitor(LEFT, 'screen');
      await monitor(RIGHT, 'none');
    },
    chromium: { monitor: { x: 1280, y: 0, width: 1920 } },
  });
  ({ desktop, browser, sessionsDir } = form);
});

afterAll(async () => {
  await form?.stop();
});

describe('two monitors on one X screen', () => {
  it('lists both monitors by their RandR names, the first as primary', async () => {
    process.env.DISPLAY = desktop.display;
    expect(await listDisplays()).toEqual([
      { ...LEFT, scaleFactor: 1, primary: true },
      { ...RIGHT, scaleFactor: 1, primary: false },
    ]);
  });

  it('`deskhand displays` lists what --display can name', async () => {
    const listed = spawnDeskhand(['displays', '--json'], desktop.env);
    expect((await listed.exited).code, listed.stderr()).toBe(0);
    expect(JSON.parse(listed.stdout())).toEqual([
      { index: 0, ...LEFT, scaleFactor: 1, primary: true },
      { index: 1, ...RIGHT, scaleFactor: 1, primary: false },
    ]);
    const text = spawnDeskhand(['displays'], desktop.env);
    expect((await text.exited).code, text.stderr()).toBe(0);
    expect(text.stdout()).toMatch(/^ 1 {2}RIGHT {2}1920×1080 +at 1280,0 +scale 1$/m);
  });

  it('runs on the right monitor: the model sees only it, and clicks and drags land on it', async () => {
    const server = await startScriptedServer({
      style: 'reasoning_content',
      answers: [
        answer('Click the button.', `left_click(start_box='${modelPointOf('clickButton')}')`),
        answer(
          'Drag the block.',
          `left_drag(start_box='${modelPointOf('dragSource')}', end_box='${modelPointOf('dropTarget')}')`,
        ),
        answer('All done.', 'DONE()'),
      ],
    });
    try {
      const run = spawnServedRun('press the button and drop the block', {
        baseUrl: server.baseUrl,
        sessionsDir,
        env: desktop.env,
        args: ['--display', 'RIGHT'],
      });
      const { code } = await run.exited;
      expect(code, run.stderr()).toBe(0);
      expect(await pageState()).toMatchObject({ left: 1, drop: { onTarget: true } });

      const start = runStartOf(run);
      expect(start.displayId).toBe('RIGHT');
      const session = await readSession(sessionsDir, start.sessionId);
      expect(session.info.display).toEqual({ ...RIGHT, scaleFactor: 1 });
      // The mapping on the monitor's own frame, then shifted by the monitor's origin for the input library.
      const [modelX, modelY] = FORM_LAYOUT.clickButton.model;
      const pixel = [Math.round((modelX / 1000) * 1920), Math.round((modelY / 1000) * 1080)] as const;
      expect(session.steps[0]!.action.point).toEqual(pixel);
      expect(session.steps[0]!.inputPoint).toEqual({ x: RIGHT.bounds.x + pixel[0], y: RIGHT.bounds.y + pixel[1] });

      // The model's screenshot is the right monitor alone: its size, and the page's colour block where the page has it.
      const { data, info } = await sharp(join(session.dir, session.steps[0]!.frame!))
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([1920, 1080]);
      colourAt(data, info.width, info.channels, FORM_LAYOUT.colourBlock.px).forEach((value, channel) =>
        expect(Math.abs(value - FORM_COLOUR_BLOCK_RGB[channel]!), `channel ${channel}`).toBeLessThan(24),
      );
    } finally {
      await server.close();
    }
  });

  it('an index picks the same monitor as its name', async () => {
    const server = await startScriptedServer({ style: 'inline', answers: [answer('Nothing to do.', 'DONE()')] });
    try {
      const run = spawnServedRun('look', {
        baseUrl: server.baseUrl,
        sessionsDir,
        env: desktop.env,
        args: ['--display', '1'],
      });
      expect((await run.exited).code, run.stderr()).toBe(0);
      expect(run.events[0]).toMatchObject({ type: 'run-start', displayId: 'RIGHT' });
    } finally {
      await server.close();
    }
  });

  it('the screenshot-desktop fallback cuts the right monitor out of the X screen', async () => {
    process.env.DISPLAY = desktop.display;
    const [, right] = await listDisplays();
    const frame = await (await createCapturer('screenshot-desktop')).capture(right!);
    expect([frame.width, frame.height]).toEqual([1920, 1080]);
    expect(frameColourAt(frame, FORM_LAYOUT.colourBlock.px)).toEqual([...FORM_COLOUR_BLOCK_RGB]);
  });
});
