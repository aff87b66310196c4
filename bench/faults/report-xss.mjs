// XSS payloads in every text field of a session, exported with `deskhand sessions export --html` and opened in headless
// Chromium twice: as shipped, and with its CSP off (the escaping alone). Held: nothing ran, loaded or navigated, no
// markup of the payload's own, every field shows the payload as text; offline: no request left file://. Node only.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { tally } from './tally.mjs';
import { inspectReport, launchChromium } from './report-browser.mjs';
import { xssPayloads } from './report-payloads.mjs';
import { isolatedEnv } from './serve-process.mjs';
import { writeSession } from './session-writer.mjs';
import { BIN } from './cli.mjs';

const STEPS = 3;

/** A server that notes the path of every request a payload manages to send. */
async function probeServer() {
  const hits = [];
  const server = createServer((request, response) => {
    hits.push(request.url);
    response.writeHead(204).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    hits,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The payload in the task, the model name, the outcome and every field of every step. */
function hostileSession(id, text) {
  const fields = { thinking: text, explanation: text, memory: text, error: text, raw: `<answer>${text}</answer>` };
  const typed = { name: 'type', point: null, text };
  return {
    id,
    task: text,
    model: text,
    outcome: { kind: 'fail', message: text },
    steps: Array.from({ length: STEPS }, (_, index) => ({
      ...fields,
      ...(index % 2 ? { action: typed } : { elementInfo: text }),
    })),
  };
}

export async function reportXss(results, work) {
  const sessionsDir = join(work, 'report-sessions');
  const probe = await probeServer();
  const browser = await launchChromium();
  const exportHtml = promisify(execFile);
  try {
    for (const [index, payload] of xssPayloads(probe.url).entries()) {
      const id = `xss-${index}`;
      const file = join(work, `${id}.html`);
      await writeSession(sessionsDir, hostileSession(id, payload.text));
      const args = ['sessions', 'export', id, '--html', file, '--sessions-dir', sessionsDir];
      await exportHtml(process.execPath, [BIN, ...args], { env: isolatedEnv(work), timeout: 30_000 });
      const happened = [];
      await tally(results, 'report: XSS payloads', async () => {
        for (const bypassCSP of [false, true]) {
          const options = { payload: payload.text, steps: STEPS, bypassCSP };
          const seen = await inspectReport(browser, pathToFileURL(file).href, options);
          happened.push(...seen.map((what) => `${bypassCSP ? 'CSP off' : 'as shipped'}: ${what}`));
        }
        const ran = happened.filter((what) => !what.includes('a request to'));
        const probed = probe.hits.filter((path) => path.includes(`/p/${payload.probe}`));
        if (probed.length > 0) ran.push(`the probe was asked for ${probed[0]}`);
        return ran.length === 0 ? null : `${payload.name}: ${ran.join('; ')}`;
      });
      await tally(results, 'report: offline', async () => {
        const requests = happened.filter((what) => what.includes('a request to'));
        return requests.length === 0 ? null : `${payload.name}: ${requests.join('; ')}`;
      });
    }
  } finally {
    await browser.close();
    await probe.close();
  }
}
