// What keeps the UI smooth, asserted as behaviour rather than timings: a 1,000-step session plays from a virtualised
// step list, and a fast stream grows the thinking text in place without moving anything above it.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testFrame, writeSession, type SessionStepInput } from '../support/recorded-session.js';
import { startRunInUi } from '../support/serve.js';
import { startUiHarness, UI_SCREENSHOTS as SCREENSHOTS, type UiHarness } from '../support/ui-harness.js';

const SESSION_ID = 'long-session-1000';
const STEP_COUNT = 1000;
const FRAME_WIDTH = 320;

let ui: UiHarness;
let page: Page;

/** A finished 1,000-step session with real JPEG frames (a few distinct ones, cycled) and a distinct thought each. */
async function writeLongSession(sessionsDir: string): Promise<void> {
  const frames = await Promise.all([0, 1, 2].map((shift) => testFrame(FRAME_WIDTH + shift * 16, 180)));
  const steps = Array.from({ length: STEP_COUNT }, (_, index): SessionStepInput => ({
    frame: frames[index % frames.length]!,
    thinking: `Thinking of step ${index + 1}: the form is open.`,
    action: { name: 'hover', box: [100 + (index % 7) * 100, 500], point: [200 + (index % 7) * 200, 540] },
  }));
  await writeSession(sessionsDir, { id: SESSION_ID, task: 'Hover a thousand cells', steps });
}

beforeAll(async () => {
  ui = await startUiHarness({
    tmpPrefix: 'deskhand-ui-long-',
    prepare: (work) => writeLongSession(join(work, 'sessions')),
    desktop: { width: 1280, height: 800 },
    server: {
      style: 'reasoning_content',
      // About 200 tokens per second: four characters every 5 ms.
      chunkSize: 4,
      chunkDelayMs: 5,
      answers: [
        {
          reasoning: 'A short look at the screen.',
          answer: "<answer><|begin_of_box|>hover(start_box='[300,300]', element_info='cell')<|end_of_box|></answer>",
        },
        {
          reasoning: 'I keep reading the table row by row to find the cell the task names. '.repeat(40),
          answer: "<answer><|begin_of_box|>hover(start_box='[600,400]', element_info='cell')<|end_of_box|></answer>",
        },
        { answer: '<answer><|begin_of_box|>DONE()<|end_of_box|></answer>' },
      ],
    },
    viewport: { width: 1440, height: 900 },
    skipWizard: true,
  });
  page = ui.page;
});

afterAll(() => ui?.stop());

const byTestId = (id: string) => page.getByTestId(id);

/** The player's frame once loaded: its alt text and natural width. */
function loadedFrame(): Promise<{ alt: string; width: number } | null> {
  return byTestId('player-frame').evaluate((image: HTMLImageElement) =>
    image.complete && image.naturalWidth > 0 ? { alt: image.alt, width: image.naturalWidth } : null,
  );
}

interface StreamSample {
  length: number;
  /** Layout boxes (in the timeline's content coordinates) of the run header and the first step card. */
  boxes: string;
}

/** Samples, every frame while step 2 thinks, its thinking length and where the things above it are laid out. */
function sampleStream(): Promise<StreamSample[]> {
  return new Promise((resolveSamples) => {
    const samples: StreamSample[] = [];
    const scroller = document.querySelector('[data-testid="timeline"]')!;
    const layoutBox = (element: Element | null) => {
      const box = element!.getBoundingClientRect();
      const origin = scroller.getBoundingClientRect();
      const top = box.top - origin.top + scroller.scrollTop;
      return `${Math.round(box.left)},${Math.round(top)},${Math.round(box.width)}x${Math.round(box.height)}`;
    };
    const sample = () => {
      const second = document.querySelector('[data-testid="step-card"][data-step="2"]');
      // The markdown body only: before the first delta the panel shows a placeholder instead.
      const thinking = second?.querySelector('[data-testid="thinking"] .markdown');
      const first = document.querySelector('[data-testid="step-card"][data-step="1"]');
      const header = document.querySelector('.run-header');
      if (thinking && first) {
        samples.push({ length: thinking.textContent?.length ?? 0, boxes: `${layoutBox(header)} ${layoutBox(first)}` });
      }
      const done = second?.querySelector('[data-testid="action-chip"]') || samples.length > 2000;
      if (done) resolveSamples(samples);
      else requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

describe('a long session and a fast stream in the browser UI', () => {
  it('lists a 1,000-step session and plays it from a virtualised step list', async () => {
    await byTestId('sessions-tab').click();
    const row = page.locator(`[data-testid="session-row"][data-session-id="${SESSION_ID}"]`);
    await row.click({ timeout: 10_000 });
    await expect.poll(() => byTestId('player-position').textContent(), { timeout: 10_000 }).toBe('Step 1 of 1000');
    const rows = byTestId('player-step');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThan(100);

    await byTestId('player-scrubber').fill(String(STEP_COUNT - 1));
    await expect.poll(() => byTestId('player-position').textContent()).toBe('Step 1000 of 1000');
    expect(await byTestId('player-thinking').textContent()).toContain('Thinking of step 1000:');
    await expect.poll(loadedFrame, { timeout: 10_000 }).toEqual({ alt: 'Screen at step 1000', width: FRAME_WIDTH });
    // The list follows the current step, still with only a window of rows in the DOM.
    expect(await page.locator('[data-testid="player-step"][aria-current="step"]').textContent()).toContain('1000');
    expect(await rows.count()).toBeLessThan(100);

    await byTestId('player-prev').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => byTestId('player-position').textContent()).toBe('Step 998 of 1000');
    expect(await byTestId('player-thinking').textContent()).toContain('Thinking of step 998:');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => byTestId('player-position').textContent()).toBe('Step 999 of 1000');
    await expect.poll(loadedFrame, { timeout: 10_000 }).toMatchObject({ alt: 'Screen at step 999' });
    await page.screenshot({ path: join(SCREENSHOTS, 'long-session-player.png') });
  });

  it('grows streamed thinking in place, without moving the header or the card above', async () => {
    await byTestId('run-tab').click();
    await startRunInUi(page, { baseUrl: ui.server.baseUrl, instruction: 'Find the cell in the table' });
    await page.locator('[data-testid="step-card"][data-step="2"]').waitFor({ timeout: 30_000 });

    const samples = await page.evaluate(sampleStream);
    const lengths = samples.map((sample) => sample.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    // Text arrives a frame's worth at a time, not all at once at the end.
    expect(new Set(lengths).size).toBeGreaterThan(10);
    expect(new Set(samples.map((sample) => sample.boxes))).toEqual(new Set([samples[0]!.boxes]));

    await expect.poll(() => byTestId('outcome-banner').getAttribute('data-outcome'), { timeout: 30_000 }).toBe('done');
    await page.screenshot({ path: join(SCREENSHOTS, 'long-session-stream.png') });
  });
});
