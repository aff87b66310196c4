// A HiDPI X desktop (3840×2160, Xft.dpi 192, Chromium at scale 2): clicks land where the model points, also when the
// model gets a 1080p copy of the screenshot (--max-pixels). Node only.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSession } from '../../src/sessions/reader.js';
import { modelPointOf } from '../fixtures/pages/form-layout.js';
import { FORM_LAYOUT, type ChromiumPage } from '../support/chromium.js';
import { runStartOf, spawnServedRun } from '../support/cli.js';
import { scriptedAnswer, startScriptedServer } from '../support/scripted-openai-server.js';
import { startFormDesktop, type FormDesktop } from '../support/form-desktop.js';
import type { XDesktop } from '../support/x-desktop.js';

const execFileAsync = promisify(execFile);

// The page is laid out in CSS pixels for 1920×1080; at scale 2 on 3840×2160 every target keeps its 0–999 point.
const answer = (explanation: string, call: string) =>
  scriptedAnswer(call, { explanation, reasoning: `The form is drawn at twice the size. ${explanation}` });

let form: FormDesktop;
let desktop: XDesktop;
let browser: ChromiumPage;
let sessionsDir: string;

beforeAll(async () => {
  form = await startFormDesktop({
    width: 3840,
    height: 2160,
    prepare: async (x) => {
      const xrdb = execFileAsync('xrdb', ['-merge'], { env: x.env });
      xrdb.child.stdin!.end('Xft.dpi: 192\n');
      await xrdb;
    },
    chromium: { args: ['--force-device-scale-factor=2'] },
  });
  ({ desktop, browser, sessionsDir } = form);
});

afterAll(async () => {
  await form?.stop();
});

describe('a HiDPI X desktop at scale factor 2', () => {
  it('clicks, double-clicks and drags where the model points, from a 1080p copy of a 2160p screen', async () => {
    expect(await browser.page.evaluate(() => window.devicePixelRatio)).toBe(2);
    const server = await startScriptedServer({
      style: 'inline',
      answers: [
        answer('Click the button.', `left_click(start_box='${modelPointOf('clickButton')}')`),
        answer('Double-click it.', `left_double_click(start_box='${modelPointOf('clickButton')}')`),
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
        args: ['--max-pixels', String(1920 * 1080)],
      });
      const { code } = await run.exited;
      expect(code, run.stderr()).toBe(0);
      const state = await browser.page.evaluate(
        () => (window as unknown as { __state: Record<string, unknown> }).__state,
      );
      // A double click is two clicks and a dblclick: three clicks in all, one double.
      expect(state).toMatchObject({ left: 3, double: 1, drop: { onTarget: true } });

      const body = server.requests[0]!.body as { messages: Array<{ content: Array<{ image_url?: { url: string } }> }> };
      const url = body.messages[0]!.content.find((part) => part.image_url)!.image_url!.url;
      const modelImage = await sharp(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')).metadata();
      expect([modelImage.width, modelImage.height]).toEqual([1920, 1080]);

      const session = await readSession(sessionsDir, runStartOf(run).sessionId);
      expect(session.info.display).toEqual({
        id: 'screen',
        bounds: { x: 0, y: 0, width: 3840, height: 2160 },
        scaleFactor: 2,
      });
      const frame = await sharp(join(session.dir, session.steps[0]!.frame)).metadata();
      expect([frame.width, frame.height]).toEqual([3840, 2160]);
      const [modelX, modelY] = FORM_LAYOUT.clickButton.model;
      expect(session.steps[0]!.inputPoint).toEqual({
        x: Math.round((modelX / 1000) * 3840),
        y: Math.round((modelY / 1000) * 2160),
      });
    } finally {
      await server.close();
    }
  });
});
