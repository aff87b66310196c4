// Sessions recorded by a real `deskhand run`, exported as HTML (opened offline in Chromium) and as a zip (imported).
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSession, type SessionDetail } from '../../src/sessions/reader.js';
import { modelPointOf } from '../fixtures/pages/form-layout.js';
import { FORM_PAGE_URL, openPageInChromium } from '../support/chromium.js';
import { runDeskhand, spawnDeskhand } from '../support/cli.js';
import { busyPageHtml } from '../fixtures/pages/busy-page.js';
import { writeSession } from '../support/recorded-session.js';
import { markerInFramePixels, openReport } from '../support/report-viewer.js';
import { scriptedAnswer, startScriptedServer, type ScriptedAnswer } from '../support/scripted-openai-server.js';
import { startXDesktop, type XDesktop } from '../support/x-desktop.js';

const HOSTILE_THINKING = 'Look: <script>alert(1)</script> and "><img src=x onerror=alert(1)> done';
const HOSTILE_SCRIPT_END = 'then </script><script>alert(2)</script> ends';
const answer = (reasoning: string, call: string) => scriptedAnswer(call, { reasoning });

let desktop: XDesktop;
let workDir: string;
let sessionsDir: string;

beforeAll(async () => {
  desktop = await startXDesktop();
  workDir = await mkdtemp(join(tmpdir(), 'deskhand-export-e2e-'));
  sessionsDir = join(workDir, 'sessions');
});
afterAll(async () => {
  await desktop?.stop();
  await rm(workDir, { recursive: true, force: true });
});

function deskhand(args: string[]) {
  return runDeskhand(args, desktop.env);
}

/** `deskhand sessions export ID --html|--zip FILE [flags]` on this test's sessions folder. */
function exportSession(id: string, format: '--html' | '--zip', file: string, flags: readonly string[] = []) {
  return deskhand(['sessions', 'export', id, format, file, ...flags, '--sessions-dir', sessionsDir]);
}

/** Runs `deskhand run` on the form page against `answers`; `stopAfter` kills it (SIGKILL) once that step streams. */
async function recordRun(answers: ScriptedAnswer[], stopAfter?: number): Promise<SessionDetail> {
  const server = await startScriptedServer({ style: 'reasoning_content', answers, chunkDelayMs: stopAfter ? 40 : 0 });
  const browser = await openPageInChromium(desktop, FORM_PAGE_URL);
  try {
    const args = ['run', 'drag the block', '--backend', 'openai', '--base-url', server.baseUrl];
    const run = spawnDeskhand([...args, '--sessions-dir', sessionsDir, '--json'], desktop.env);
    const start = await run.waitForEvent((event) => event.type === 'run-start');
    if (stopAfter !== undefined) {
      await run.waitForEvent((event) => event.type === 'reasoning-delta' && event.step === stopAfter);
      run.child.kill('SIGKILL');
    }
    const { code } = await run.exited;
    if (stopAfter === undefined) expect(code, run.stderr()).toBe(0);
    return await readSession(sessionsDir, (start as { sessionId: string }).sessionId);
  } finally {
    await browser.close();
    await server.close();
  }
}

describe('sessions export and import of a real run', () => {
  let session: SessionDetail;
  beforeAll(async () => {
    session = await recordRun([
      answer(HOSTILE_THINKING, `left_click(start_box='${modelPointOf('textInput')}')`),
      answer(
        HOSTILE_SCRIPT_END,
        `left_drag(start_box='${modelPointOf('dragSource')}', end_box='${modelPointOf('dropTarget')}')`,
      ),
      answer('All done.', 'DONE()'),
    ]);
  }, 120_000);

  it('exports HTML that plays offline: no request, no error, hostile thinking shown as text, scrubber and markers', async () => {
    expect(session.steps.map((step) => step.action.name)).toEqual(['left_click', 'left_drag', 'done']);
    const output = join(workDir, 'report.html');
    const exported = await exportSession(session.info.id, '--html', output);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain(output);
    const html = await readFile(output, 'utf8');
    for (const leak of [sessionsDir, session.dir, session.info.backend.baseUrl!, '127.0.0.1']) {
      expect(html).not.toContain(leak);
    }

    const report = await openReport(desktop, output);
    try {
      const { page } = report.browser;
      await page.waitForFunction(() => document.getElementById('position')?.textContent === 'Step 1 of 3');
      expect(await page.textContent('#thinking')).toBe(HOSTILE_THINKING);
      expect(await page.textContent('#outcome')).toMatch(/^DONE/);
      expect(await page.locator('script').count()).toBe(2);
      expect(await page.locator('img').count()).toBe(1);
      const first = session.steps[0]!;
      const firstImage = (await page.getAttribute('#frame-image', 'src'))!;
      const decoded = await sharp(Buffer.from(firstImage.split(',')[1]!, 'base64')).metadata();
      expect([decoded.format, decoded.width, decoded.height]).toEqual(['jpeg', 1280, 720]);
      const point = await markerInFramePixels(report, '.target-point', first.frameSize);
      point.forEach((value, axis) => expect(value).toBeCloseTo(first.action.point![axis]!, -1));

      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.getElementById('position')?.textContent === 'Step 2 of 3');
      expect(await page.textContent('#thinking')).toBe(HOSTILE_SCRIPT_END);
      expect(await page.getAttribute('#frame-image', 'src')).not.toBe(firstImage);
      const drag = session.steps[1]!;
      const from = await markerInFramePixels(report, '.target-from', drag.frameSize);
      const to = await markerInFramePixels(report, '.target-to', drag.frameSize);
      from.forEach((value, axis) => expect(value).toBeCloseTo(drag.action.point![axis]!, -1));
      to.forEach((value, axis) => expect(value).toBeCloseTo(drag.action.endPoint![axis]!, -1));

      await page.focus('#scrubber');
      await page.keyboard.press('End');
      await page.waitForFunction(() => document.getElementById('position')?.textContent === 'Step 3 of 3');
      expect(await page.locator('#targets .target').count()).toBe(0);
      await page.click('#prev');
      await page.waitForFunction(() => document.getElementById('position')?.textContent === 'Step 2 of 3');
      await page.waitForTimeout(300);
      expect({ requests: report.requests, problems: report.problems, dialogs: report.dialogs }).toEqual({
        requests: [],
        problems: [],
        dialogs: [],
      });
    } finally {
      await report.browser.close();
    }
  });

  it('exports a zip that imports byte for byte into another sessions folder, with the same show --json', async () => {
    const zip = join(workDir, 'session.zip');
    const exported = await exportSession(session.info.id, '--zip', zip);
    expect(exported.code, exported.stderr).toBe(0);
    const otherDir = join(workDir, 'other-sessions');
    const imported = await deskhand(['sessions', 'import', zip, '--sessions-dir', otherDir]);
    expect([imported.code, imported.stdout], imported.stderr).toEqual([0, `${session.info.id}\n`]);

    const names = [
      'session.json',
      'steps.jsonl',
      ...(await readdir(join(session.dir, 'frames'))).map((n) => `frames/${n}`),
    ];
    expect(names.length).toBe(2 + 3);
    for (const name of names) {
      const [original, copy] = await Promise.all([
        readFile(join(session.dir, name)),
        readFile(join(otherDir, session.info.id, name)),
      ]);
      expect(copy.equals(original), name).toBe(true);
    }
    const show = async (dir: string) => {
      const result = await deskhand(['sessions', 'show', session.info.id, '--json', '--sessions-dir', dir]);
      expect(result.code, result.stderr).toBe(0);
      const { dir: _dir, ...rest } = JSON.parse(result.stdout);
      return rest;
    };
    const original = await show(sessionsDir);
    expect(original).toMatchObject({ id: session.info.id, task: 'drag the block', outcome: { kind: 'done' } });
    expect(original.steps).toHaveLength(3);
    expect(await show(otherDir)).toEqual(original);

    const again = await deskhand(['sessions', 'import', zip, '--sessions-dir', otherDir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });
});

describe('a run killed with SIGKILL', () => {
  it('shows with outcome null and its recorded steps, and exports a report that says it was interrupted', async () => {
    const session = await recordRun(
      [
        answer('Click the input first.', `left_click(start_box='${modelPointOf('textInput')}')`),
        answer('Thinking slowly. '.repeat(300), 'DONE()'),
      ],
      2,
    );
    const shown = await deskhand(['sessions', 'show', session.info.id, '--json', '--sessions-dir', sessionsDir]);
    expect(shown.code, shown.stderr).toBe(0);
    const json = JSON.parse(shown.stdout);
    expect(json).toMatchObject({ id: session.info.id, task: 'drag the block', outcome: null, endedAt: null });
    expect(json.steps.map((step: { step: number }) => step.step)).toEqual([1]);

    const output = join(workDir, 'killed.html');
    const exported = await exportSession(session.info.id, '--html', output);
    expect(exported.code, exported.stderr).toBe(0);
    const report = await openReport(desktop, output);
    try {
      await report.browser.page.waitForFunction(
        () => document.getElementById('position')?.textContent === 'Step 1 of 1',
      );
      expect(await report.browser.page.textContent('#outcome')).toMatch(/^Interrupted/);
      expect(report.problems).toEqual([]);
    } finally {
      await report.browser.close();
    }
  });
});

describe('report size', () => {
  it('keeps a 50-step report of a busy 1920×1080 desktop small enough to share, and it plays', async () => {
    const page = join(workDir, 'busy.html');
    await writeFile(page, busyPageHtml());
    const browser = await openPageInChromium(desktop, pathToFileURL(page).href);
    const frames: Buffer[] = [];
    try {
      for (let index = 0; index < 50; index += 1) {
        await browser.page.evaluate((y) => window.scrollTo(0, y), index * 140);
        const png = await browser.page.screenshot({ type: 'png' });
        frames.push(await sharp(png).jpeg({ quality: 80 }).toBuffer());
      }
    } finally {
      await browser.close();
    }
    const id = '20261121-120000-b0b0';
    await writeSession(sessionsDir, {
      id,
      steps: frames.map((frame, index) => ({ frame, action: { point: [100 + index * 30, 200 + index * 15] } })),
    });
    const sizes: Record<string, number> = {};
    for (const [name, flags] of [
      ['downscaled', []],
      ['full', ['--full-frames']],
    ] as const) {
      const output = join(workDir, `busy-${name}.html`);
      const result = await exportSession(id, '--html', output, flags);
      expect(result.code, result.stderr).toBe(0);
      sizes[name] = (await stat(output)).size;
    }
    const recorded = frames.reduce((total, frame) => total + frame.length, 0);
    console.log(
      `50-step report: recorded JPEG frames ${mb(recorded)}, HTML ${mb(sizes.downscaled!)} (1280 px q70), ${mb(sizes.full!)} (full frames)`,
    );
    expect(sizes.downscaled!).toBeLessThan(sizes.full!);
    expect(sizes.downscaled!).toBeLessThan(20 * 1024 * 1024);

    const report = await openReport(desktop, join(workDir, 'busy-downscaled.html'));
    try {
      await report.browser.page.waitForFunction(
        () => document.getElementById('position')?.textContent === 'Step 1 of 50',
      );
      await report.browser.page.keyboard.press('End');
      await report.browser.page.waitForFunction(
        () => document.getElementById('position')?.textContent === 'Step 50 of 50',
      );
      expect(await report.browser.page.getAttribute('.target-point', 'data-x')).toBe(String(100 + 49 * 30));
      expect(report.problems).toEqual([]);
    } finally {
      await report.browser.close();
    }
  });
});

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
