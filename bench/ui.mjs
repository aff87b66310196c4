// UI smoothness benchmark: `deskhand serve` in headless Chromium on an Xvfb desktop. Measures a 200 tok/s reasoning
// stream (frame intervals, long tasks, token-to-DOM delay), a 1,000-step recorded session in the player (first render,
// scrubbing, step-list DOM size) and a 1,000-step live run. Run `node bench/ui.mjs` after `npm run build`; the last
// line of stdout is one JSON object. DESKHAND_BENCH_UI_LIVE_STEPS sets the live run's length (0 skips it).
/* global document -- these run in the page through page.evaluate */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startPlainDesktop } from './desktop.mjs';
import { DONE_ANSWER, hoverAnswer, startPacedModelServer, thoughtChunks } from './ui-model-server.mjs';
import { measureLiveRun } from './ui-live-run.mjs';
import {
  callHost,
  frameFigures,
  scrubThroughSteps,
  spread,
  startFrameProbe,
  startMarkerProbe,
  stopFrameProbe,
  stopMarkerProbe,
  timeUntil,
} from './ui-page-probes.mjs';
import { writeLongSession } from './ui-session.mjs';

/** 200 tokens/s: a chunk of about 4 characters (one token) every 5 ms. */
const CHUNK_INTERVAL_MS = 5;
const CHUNK_CHARS = 4;
const STREAM_STEPS = 3;
const CHUNKS_PER_STEP = 1200;
const MARKER_EVERY = 10;
const SESSION_STEPS = 1000;
const LIVE_STEPS = Number(process.env.DESKHAND_BENCH_UI_LIVE_STEPS ?? 1000);
const DESKHAND_BIN = fileURLToPath(new URL('../bin/deskhand', import.meta.url));

async function startServe(sessionsDir, env) {
  const child = spawn(process.execPath, [DESKHAND_BIN, 'serve', '--sessions-dir', sessionsDir], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  for await (const chunk of child.stdout.setEncoding('utf8')) {
    stdout += chunk;
    const match = /^Deskhand UI: (\S+)$/m.exec(stdout);
    if (match) return { url: match[1], stop: () => stopChild(child) };
  }
  throw new Error(`deskhand serve exited without printing its URL: ${stdout}`);
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** Skips the wizard and sets a step budget and settle wait that suit the scripted runs. */
async function prepareApp(page) {
  await page.getByTestId('wizard-skip').click({ timeout: 30_000 });
  const settings = await page.evaluate(callHost, { method: 'settings.get', params: {} });
  const loop = { ...settings.loop, maxSteps: 1000, historyImages: 0, settleCapMs: 0 };
  await page.evaluate(callHost, { method: 'settings.set', params: { ...settings, loop } });
}

async function startRunFromForm(page, baseUrl, instruction) {
  await page.getByTestId('run-tab').click();
  await page.getByTestId('backend-select').selectOption('openai');
  await page.getByTestId('base-url-input').fill(baseUrl);
  await page.getByTestId('model-input').fill('glm-4.1v-bench');
  await page.getByTestId('instruction-input').fill(instruction);
  await page.getByTestId('run-button').click();
}

async function waitForOutcome(page, timeout) {
  await page.getByTestId('outcome-banner').last().waitFor({ timeout });
}

/** A few steps whose long thoughts stream at 200 tok/s, measured while they stream. */
async function measureStream(page, server) {
  const turns = [];
  for (let step = 0; step < STREAM_STEPS; step++) {
    const chunks = thoughtChunks(CHUNKS_PER_STEP, CHUNK_CHARS, MARKER_EVERY, step * CHUNKS_PER_STEP);
    turns.push({ chunks, answer: step === STREAM_STEPS - 1 ? DONE_ANSWER : hoverAnswer(step) });
  }
  server.setScript(turns);
  server.markerSentAt.clear();
  await page.evaluate(startMarkerProbe);
  await page.evaluate(startFrameProbe);
  const started = performance.now();
  await startRunFromForm(page, server.baseUrl, 'Inspect the table while thinking aloud');
  await waitForOutcome(page, 120_000);
  const streamSeconds = (performance.now() - started) / 1000;
  const frames = await page.evaluate(stopFrameProbe);
  const seen = await page.evaluate(stopMarkerProbe);
  const delays = [...server.markerSentAt].flatMap(([marker, sentAt]) =>
    seen[marker] === undefined ? [] : [seen[marker] - sentAt],
  );
  return {
    tokensPerSecond: 1000 / CHUNK_INTERVAL_MS,
    steps: STREAM_STEPS,
    tokensPerStep: CHUNKS_PER_STEP,
    seconds: Math.round(streamSeconds * 10) / 10,
    ...frameFigures(frames),
    tokenToDomMs: spread(delays),
    markersSeen: `${delays.length}/${server.markerSentAt.size}`,
  };
}

/** Opens the long session in the player, scrubs through every step and jumps back to the start. */
async function measurePlayer(page, sessionId) {
  const listMs = await page.evaluate(timeUntil, {
    selector: '[data-testid="sessions-tab"]',
    ready: `(document) => document.querySelector('[data-session-id="${sessionId}"]') !== null`,
  });
  const playerMs = await page.evaluate(timeUntil, {
    selector: `[data-session-id="${sessionId}"]`,
    ready: `(document) => {
      const image = document.querySelector('[data-testid="player-frame"]');
      return document.querySelector('[data-testid="player-step"]') !== null && image?.complete && image.naturalWidth > 0;
    }`,
  });
  await page.evaluate(startFrameProbe);
  const scrub = await page.evaluate(scrubThroughSteps);
  const frames = await page.evaluate(stopFrameProbe);
  const lastFrameStarted = performance.now();
  await page.waitForFunction(() => {
    const image = document.querySelector('[data-testid="player-frame"]');
    return image?.alt.includes(' 1000') && image.complete && image.naturalWidth > 0;
  });
  const lastFrameMs = Math.round(performance.now() - lastFrameStarted);
  return {
    steps: SESSION_STEPS,
    sessionListFirstRenderMs: Math.round(listMs),
    playerFirstRenderMs: Math.round(playerMs),
    scrubStepChange: { domMs: spread(scrub.commitMs), nextFrameMs: spread(scrub.frameMs) },
    stepListDomNodesMax: Math.max(...scrub.listNodes),
    stepListRowsMax: Math.max(...scrub.listRows),
    lastStepFrameLoadedAfterScrubMs: lastFrameMs,
    whileScrubbing: frameFigures(frames),
  };
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'deskhand-bench-ui-'));
  const sessionsDir = join(work, 'sessions');
  const cleanups = [() => rm(work, { recursive: true, force: true })];
  try {
    const sessionId = 'bench-1000-steps';
    await writeLongSession(sessionsDir, { id: sessionId, task: 'Inspect a thousand cells', steps: SESSION_STEPS });
    const desktop = await startPlainDesktop('1280x800');
    cleanups.push(() => desktop.stop());
    const server = await startPacedModelServer({ intervalMs: CHUNK_INTERVAL_MS });
    cleanups.push(() => server.close());
    const served = await startServe(sessionsDir, { ...desktop.env, XDG_CONFIG_HOME: join(work, 'config') });
    cleanups.push(() => served.stop());
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(served.url);
    await prepareApp(page);

    const result = { viewport: '1440x900 headless Chromium', desktop: '1280x800 Xvfb' };
    result.stream = await measureStream(page, server);
    result.player = await measurePlayer(page, sessionId);
    if (LIVE_STEPS > 0) {
      result.liveRun = await measureLiveRun(page, server, LIVE_STEPS, (instruction) =>
        startRunFromForm(page, server.baseUrl, instruction),
      );
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

await main();
