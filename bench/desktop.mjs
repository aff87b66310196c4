// A private busy desktop for benchmarks: Xvfb 1920×1080 + openbox + Chromium in kiosk mode on a dashboard page.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** A dashboard-like page: sidebar, a 40-row table, generated plasma images and paragraphs. */
function busyPageHtml() {
  const rows = Array.from(
    { length: 40 },
    (_, row) =>
      `<tr>${Array.from({ length: 7 }, (_, column) => `<td>#${row * 7 + column} item ${(row * 37 + column * 11) % 997}</td>`).join('')}<td><button>Open</button></td></tr>`,
  ).join('');
  const links = Array.from({ length: 14 }, (_, index) => `<li><a href="#">Section ${index + 1}</a></li>`).join('');
  const text = 'Deskhand captures the screen, the model picks an action, and the operator carries it out. '.repeat(12);
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:0;font:14px sans-serif;display:grid;grid-template-columns:220px 1fr;background:#f4f6fa}
nav{background:#223;color:#fff;padding:12px}nav a{color:#9cf}main{padding:12px;overflow:hidden;height:100vh}
table{border-collapse:collapse;font-size:12px}td{border:1px solid #ccd;padding:2px 6px}tr:nth-child(odd){background:#eef}
canvas{margin:4px;border:1px solid #999}p{max-width:900px}pre{background:#111;color:#7f7;padding:8px}
</style></head><body><nav><input placeholder="Search"><ul>${links}</ul></nav><main>
<div>${[0, 1, 2, 3].map((seed) => `<canvas data-seed="${seed}" width="300" height="200"></canvas>`).join('')}</div>
<p>${text}</p><p>${text}</p><pre>for (const step of run) { observe(); think(); act(); }</pre>
<table>${rows}</table></main><script>
for (const canvas of document.querySelectorAll('canvas')) {
  const context = canvas.getContext('2d'); const image = context.createImageData(canvas.width, canvas.height);
  const seed = Number(canvas.dataset.seed);
  for (let y = 0; y < canvas.height; y++) for (let x = 0; x < canvas.width; x++) {
    const value = Math.sin(x / (9 + seed)) + Math.sin(y / (7 + seed)) + Math.sin((x + y) / 13) + Math.sin(Math.hypot(x - 150, y - 100) / 8);
    const offset = (y * canvas.width + x) * 4;
    image.data[offset] = 128 + 120 * Math.sin(value * Math.PI); image.data[offset + 1] = 128 + 120 * Math.sin(value * Math.PI + 2);
    image.data[offset + 2] = 128 + 120 * Math.sin(value * Math.PI + 4); image.data[offset + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}
</script></body></html>`;
}

/**
 * A bare desktop: Xvfb at `size` (WIDTHxHEIGHT) with openbox, for benchmarks that open their own windows. It is the
 * task suite's desktop, loaded from the build in dist/.
 */
export async function startPlainDesktop(size = '1280x800') {
  const { startVirtualDesktop, xDisplayEnv } = await import('../dist/src/suite/virtual-desktop.js');
  const [width, height] = size.split('x').map(Number);
  const desktop = await startVirtualDesktop({ width, height });
  return { display: desktop.display, env: xDisplayEnv(desktop.display), stop: () => desktop.stop() };
}

/** Chromium in kiosk mode at scale 1 on the desktop that `env` names, with its profile in `profileDir`. */
export async function launchKioskChromium(env, profileDir) {
  const { chromium } = await import('playwright-core');
  const { KIOSK_CHROMIUM_ARGS } = await import('../dist/src/suite/chromium-kiosk.js');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: false,
    env,
    viewport: null,
    args: [...KIOSK_CHROMIUM_ARGS],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Xvfb + openbox + Chromium in kiosk mode showing the busy page. */
export async function startBusyDesktop() {
  const desktop = await startPlainDesktop('1920x1080');
  const workDir = await mkdtemp(join(tmpdir(), 'deskhand-bench-'));
  const pagePath = join(workDir, 'busy.html');
  await writeFile(pagePath, busyPageHtml());
  const { context, page } = await launchKioskChromium(desktop.env, join(workDir, 'profile'));
  await page.goto(pathToFileURL(pagePath).href);
  await page.waitForFunction('window.innerWidth === screen.width');
  return {
    display: desktop.display,
    async stop() {
      await context.close().catch(() => undefined);
      await desktop.stop();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** Median, min and max in ms of `runs` timed calls after `warmups` untimed ones. */
export async function measure(run, { warmups = 2, runs = 12 } = {}) {
  for (let warmup = 0; warmup < warmups; warmup++) await run();
  const times = [];
  for (let index = 0; index < runs; index++) {
    globalThis.gc?.();
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return summarize(times);
}

/** Median, min and max of a list of ms values, rounded to 0.1 ms. */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const round = (value) => Math.round(value * 10) / 10;
  return { median: round(median), min: round(sorted[0]), max: round(sorted.at(-1)), n: sorted.length };
}

/** Runs `script --measure` in a child process on `display` and returns its JSON; libnut must not outlive the X server. */
export async function measureInChild(script, display) {
  const { stdout } = await execFileAsync(process.execPath, ['--expose-gc', script, '--measure'], {
    env: { ...process.env, DISPLAY: display },
    maxBuffer: 4 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}
