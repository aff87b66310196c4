// The HTML report: hostile model text stays inert text, nothing reaches out, nothing of the machine leaks.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSession } from '../../../src/sessions/reader.js';
import { buildReportData, ReportData } from '../../../src/sessions/report/report-data.js';
import { exportSessionReport } from '../../../src/sessions/report/export-report.js';
import { jsonForScriptElement, renderReportHtml } from '../../../src/sessions/report/report-html.js';
import { testFrame, writeSession } from '../../support/recorded-session.js';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</script><script>alert(2)</script>',
  '<!-- <script> -->',
  "a\u2028b\u2029c & &amp; 'quoted'",
];

let sessionsDir: string;
beforeEach(async () => {
  sessionsDir = await mkdtemp(join(tmpdir(), 'deskhand-report-'));
});
afterEach(async () => {
  await rm(sessionsDir, { recursive: true, force: true });
});

/** The text inside the one JSON data element, parsed the way the player parses it. */
function embeddedData(html: string): unknown {
  const match = /<script type="application\/json" id="session-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no data element');
  return JSON.parse(match[1]!);
}

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

async function hostileReport(): Promise<{ html: string; data: ReportData }> {
  const frame = await testFrame(320, 180);
  const dir = await writeSession(sessionsDir, {
    id: '20261121-100000-beef',
    task: HOSTILE.join(' '),
    steps: HOSTILE.map((text) => ({ frame, thinking: text, explanation: text, action: { elementInfo: text } })),
    outcome: { kind: 'fail', message: HOSTILE[1]! },
  });
  const detail = await readSession(sessionsDir, '20261121-100000-beef');
  expect(detail.dir).toBe(dir);
  const data = await buildReportData(detail, { redact: (text) => text, maxFrameWidth: null });
  return { html: renderReportHtml(data), data };
}

describe('report escaping', () => {
  it('embeds JSON that cannot close its element yet parses back to the same value', () => {
    const value = { texts: HOSTILE };
    const json = jsonForScriptElement(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('keeps every hostile string inside the data element: two scripts, one img, no markup from the model', async () => {
    const { html, data } = await hostileReport();
    expect(count(html, '<script')).toBe(2);
    expect(count(html, '</script>')).toBe(2);
    expect(count(html, '<img')).toBe(1);
    expect(count(html, '<!--')).toBe(0);
    expect(html).not.toContain('alert(1)</');
    expect(embeddedData(html)).toEqual(data);
    expect(data.steps.map((step) => step.thinking)).toEqual(HOSTILE);
  });

  it('pins the inline script and style by hash in a CSP that allows nothing else', async () => {
    const { html } = await hostileReport();
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      'img-src data:',
      `style-src ${hash(style)}`,
      `script-src ${hash(script)}`,
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
    const markup = html.replace(/<script[\s\S]*?<\/script>/g, '');
    expect(markup).not.toMatch(/\s(?:src|href|srcset|action|poster|data)\s*=|url\(|@import/i);
    expect(script).not.toMatch(/fetch|XMLHttpRequest|WebSocket|import\(|\.href|location/);
    const urls = html.match(/\b[a-z]+:\/\/[^\s"'<>)]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
  });
});

describe('report contents', () => {
  it('leaves out the server URL, API keys, the session folder and the home folder', async () => {
    const baseUrl = 'http://10.20.30.40:8123/v1';
    const key = 'sk-live-9f8e7d6c5b4a3f2e1d0c';
    const machineText = `${sessionsDir}/x ${homedir()}/Documents ${baseUrl}/chat/completions 10.20.30.40:8123`;
    await writeSession(sessionsDir, {
      id: '20261121-100000-cafe',
      baseUrl,
      task: `open ${homedir()}/notes.txt`,
      steps: [{ frame: await testFrame(320, 180), thinking: machineText, error: `key ${key} rejected` }],
      outcome: { kind: 'error', message: `Could not reach ${baseUrl}` },
    });
    const detail = await readSession(sessionsDir, '20261121-100000-cafe');
    const output = join(sessionsDir, 'report.html');
    await exportSessionReport(detail, output, { secrets: [key] });
    const html = await readFile(output, 'utf8');
    for (const secret of [sessionsDir, detail.dir, homedir(), baseUrl, '10.20.30.40', key, 'sk-live']) {
      expect(html, secret).not.toContain(secret);
    }
    const data = ReportData.parse(embeddedData(html));
    expect(data.task).toBe('open ~/notes.txt');
    expect(data.outcome?.message).toBe('Could not reach [server]');
    expect(data.steps[0]!.thinking).toContain('[sessions folder]/x ~/Documents [server]/chat/completions');
  });

  it('embeds frames as data URLs, wide ones downscaled to 1280 px, and draws both ends of a drag', async () => {
    const wide = await testFrame(1920, 1080);
    const png = await testFrame(400, 300, 'png');
    await writeSession(sessionsDir, {
      id: '20261121-100000-f00d',
      steps: [
        { frame: wide, action: { name: 'left_drag', point: [100, 200], endPoint: [1500, 900] } },
        { frame: png, extension: 'png', action: { name: 'type', point: null, text: 'hello' } },
        { frame: png, framePath: '../../../etc/passwd' },
      ],
    });
    const detail = await readSession(sessionsDir, '20261121-100000-f00d');
    const data = await buildReportData(detail, { redact: (text) => text, maxFrameWidth: 1280 });
    const [drag, typed, hostile] = data.steps;
    const dragImage = Buffer.from(drag!.image!.replace('data:image/jpeg;base64,', ''), 'base64');
    expect(await sharp(dragImage).metadata()).toMatchObject({ format: 'jpeg', width: 1280, height: 720 });
    expect(drag!.frameSize).toEqual({ width: 1920, height: 1080 });
    expect(drag!.targets).toEqual([
      { x: 100, y: 200, role: 'from' },
      { x: 1500, y: 900, role: 'to' },
    ]);
    expect(drag!.action).toBe('left_drag at 100,200 to 1500,900');
    expect(typed!.image).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(typed!.targets).toEqual([]);
    expect(typed!.action).toBe('type "hello"');
    expect(hostile!.image).toBeNull();
  });

  it('embeds no frame that a link leads out of the session folder to', async () => {
    const png = await testFrame(40, 30, 'png');
    const outside = join(sessionsDir, '..', `${sessionsDir.split('/').pop()}-outside.png`);
    await writeFile(outside, await testFrame(50, 30, 'png'));
    const dir = await writeSession(sessionsDir, {
      id: '20261121-100000-1111',
      steps: [
        { frame: png, extension: 'png' },
        { frame: png, extension: 'png' },
      ],
    });
    await rm(join(dir, 'frames', '0002.png'));
    await symlink(outside, join(dir, 'frames', '0002.png'));
    const detail = await readSession(sessionsDir, '20261121-100000-1111');
    const data = await buildReportData(detail, { redact: (text) => text, maxFrameWidth: null });
    await rm(outside);
    expect(data.steps.map((step) => step.image)).toEqual([`data:image/png;base64,${png.toString('base64')}`, null]);
  });

  it('reports a killed run (no outcome, no end) with its steps', async () => {
    await writeSession(sessionsDir, {
      id: '20261121-100000-dead',
      steps: [{ frame: await testFrame(320, 180) }],
      outcome: null,
    });
    const detail = await readSession(sessionsDir, '20261121-100000-dead');
    const data = await buildReportData(detail, { redact: (text) => text, maxFrameWidth: 1280 });
    expect(data).toMatchObject({ outcome: null, endedAt: null, steps: [{ step: 1, status: 'acted' }] });
  });
});
