// What the Run view and the player tell the user while the agent works, in a browser against `deskhand serve` on a
// real X desktop with a slow scripted model server: dialogs above everything (portalled), live generation progress,
// step statuses of their own, grounding boxes, and a tab title and favicon that say the agent has the desktop.
// Screenshots of each screen in English and Chinese, light and dark, go to test/.tmp/screenshots/run-feedback-*.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_PAGE_URL, openPageInChromium, type ChromiumPage } from '../support/chromium.js';
import { launchUiBrowser, startRunInUi, startServe, type ServedUi } from '../support/serve.js';
import { scriptedAnswer, startScriptedServer, type ScriptedServer } from '../support/scripted-openai-server.js';
import { startXDesktop, type XDesktop } from '../support/x-desktop.js';

const SCREENSHOTS = resolve(import.meta.dirname, '../.tmp/screenshots');
const VARIANTS = [
  ['en', 'light'],
  ['en', 'dark'],
  ['zh', 'light'],
  ['zh', 'dark'],
] as const;
type Language = (typeof VARIANTS)[number][0];
type Theme = (typeof VARIANTS)[number][1];

// Step 1 of the first run thinks for about three seconds, then writes a long answer: time to watch it generate.
const LONG_THOUGHT = 'I look at the desktop and weigh where the pointer should go next, row by row. '.repeat(16);
const LONG_EXPLANATION = Array.from({ length: 30 }, (_, line) => `Line ${line + 1}: the form field is here.`).join(
  '\n',
);

let desktop: XDesktop;
let desktopPage: ChromiumPage;
let server: ScriptedServer;
let served: ServedUi;
let browser: Browser;
let page: Page;
let cdp: CDPSession;
let work: string;
/** The favicon href the page starts with. */
let ownIcon: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'deskhand-ui-feedback-'));
  await mkdir(SCREENSHOTS, { recursive: true });
  desktop = await startXDesktop();
  desktopPage = await openPageInChromium(desktop, FORM_PAGE_URL);
  server = await startScriptedServer({
    style: 'reasoning_content',
    chunkSize: 6,
    chunkDelayMs: 15,
    answers: [
      // Run 1: a slow step that is carried out, then a step whose stream stalls half-way (the run is stopped).
      scriptedAnswer("hover(start_box='[500,500]', element_info='the form')", {
        reasoning: LONG_THOUGHT,
        explanation: LONG_EXPLANATION,
      }),
      scriptedAnswer("hover(start_box='[300,300]', element_info='the title')", {
        reasoning: 'Still weighing the options. '.repeat(120),
      }),
      // Run 2: paused before its first action, then the model's DONE.
      scriptedAnswer("hover(start_box='[520,480]', element_info='the form')", {
        reasoning: 'I read the form from the top, field by field, before I move. '.repeat(24),
      }),
      scriptedAnswer('DONE()', { explanation: 'The form is in view.', reasoning: 'It is there.' }),
      // Run 3: a click that needs the user's OK, which the user declines.
      scriptedAnswer("left_click(start_box='[500,520]', element_info='Submit')", {
        explanation: 'Click Submit.',
        reasoning: 'Submit is below the fields.',
      }),
      // Find on screen.
      { reasoning: 'The form is in the middle.', answer: '<|begin_of_box|>[[380,300,620,700]]<|end_of_box|>' },
    ],
    faults: { 1: 'stall-midway' },
  });
  served = await startServe(['--sessions-dir', join(work, 'sessions')], {
    ...desktop.env,
    XDG_CONFIG_HOME: join(work, 'config'),
  });
  browser = await launchUiBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // CSS animations stay at their first frame until the wizard has been measured: what shows through then shows.
  cdp = await page.context().newCDPSession(page);
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 0 });
  await page.goto(served.url);
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await server?.close();
  await desktopPage?.close();
  await desktop?.stop();
  await rm(work, { recursive: true, force: true });
});

const byTestId = (id: string) => page.getByTestId(id);
const stepCard = (step: number) => page.locator(`[data-testid="step-card"][data-step="${step}"]`).last();

/** Calls the host API from the page over a WebSocket of its own (the page's token cookie lets it in). */
function callHost(method: string, params: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ method, params }) => {
      const socket = new WebSocket(`ws://${location.host}/api`);
      await new Promise((resolveOpen) => socket.addEventListener('open', resolveOpen, { once: true }));
      const reply = await new Promise<{ result?: unknown; error?: { message: string } }>((resolveReply) => {
        socket.addEventListener('message', (event) => {
          const message = JSON.parse(event.data as string) as {
            id?: number;
            result?: unknown;
            error?: { message: string };
          };
          if (message.id === 1) resolveReply(message);
        });
        socket.send(JSON.stringify({ id: 1, method, params }));
      });
      socket.close();
      if (reply.error) throw new Error(reply.error.message);
      return reply.result;
    },
    { method, params },
  );
}

async function updateSettings(change: Record<string, unknown>): Promise<void> {
  const settings = (await callHost('settings.get', {})) as Record<string, unknown>;
  await callHost('settings.set', { ...settings, ...change });
}

/** Switches language and theme through the settings, and waits until the page shows them. */
async function setAppearance(language: Language, theme: Theme): Promise<void> {
  await updateSettings({ language, theme });
  await page.waitForFunction(
    ([lang, theme]) => document.documentElement.lang === lang && document.documentElement.dataset.theme === theme,
    [language === 'zh' ? 'zh-CN' : 'en', theme] as const,
  );
  // Two frames, so the new strings and colours are painted.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** One screenshot per language and theme, then back to English and light. */
async function shootVariants(name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  for (const [language, theme] of VARIANTS) {
    await setAppearance(language, theme);
    await page.screenshot({ path: join(SCREENSHOTS, `run-feedback-${name}-${language}-${theme}.png`), ...options });
  }
  await setAppearance('en', 'light');
}

interface DialogGeometry {
  /** The dialog's box lies wholly inside the viewport. */
  inViewport: boolean;
  /** Its backdrop is a child of <body>: no ancestor's transform, overflow or stacking can clip or cover it. */
  portalled: boolean;
  /** Of its centre and four corners, how many points some other element covers. */
  covered: number;
  /** The product of the opacities of the dialog and its ancestors: below 1, what is behind shows through. */
  opacity: number;
  /** Whether the empty state's heading (if any) is hit at its centre: it must not be, under a dialog. */
  emptyStateShows: boolean;
}

function dialogGeometry(dialog: Locator): Promise<DialogGeometry> {
  return dialog.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const inset = 8;
    const points = [
      [box.left + box.width / 2, box.top + box.height / 2],
      [box.left + inset, box.top + inset],
      [box.right - inset, box.top + inset],
      [box.left + inset, box.bottom - inset],
      [box.right - inset, box.bottom - inset],
    ] as const;
    const covered = points.filter(([x, y]) => {
      const hit = document.elementFromPoint(x, y);
      return !hit || !element.contains(hit);
    }).length;
    let opacity = 1;
    for (let node: Element | null = element; node; node = node.parentElement)
      opacity *= Number(getComputedStyle(node).opacity);
    const heading = document.querySelector('.empty-state h2')?.getBoundingClientRect();
    const hit =
      heading && document.elementFromPoint(heading.left + heading.width / 2, heading.top + heading.height / 2);
    return {
      inViewport: box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
      portalled: element.closest('.modal-backdrop')?.parentElement === document.body,
      covered,
      opacity,
      emptyStateShows: Boolean(hit && hit.closest('.empty-state')),
    };
  });
}

const WELL_PLACED: DialogGeometry = {
  inViewport: true,
  portalled: true,
  covered: 0,
  opacity: 1,
  emptyStateShows: false,
};

/** Whether an <img> has loaded (false while there is none). */
function loaded(image: Locator): Promise<boolean> {
  return image
    .first()
    .evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0, undefined, { timeout: 2000 })
    .catch(() => false);
}

/** An attribute, or null when the element is not there (within a short wait). */
function attr(locator: Locator, name: string): Promise<string | null> {
  return locator
    .first()
    .getAttribute(name, { timeout: 2000 })
    .catch(() => null);
}

/** The text, or null when the element is not there (within a short wait). */
function text(locator: Locator): Promise<string | null> {
  return locator
    .first()
    .textContent({ timeout: 2000 })
    .catch(() => null);
}

/**
 * Waits (up to `timeoutMs`) for `read` to give `expected`, then checks it softly: a miss is reported and the test goes
 * on, so it still leaves the app as the next test expects and reports every other miss too.
 */
async function softPoll<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000, what?: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let actual = await read();
  while (JSON.stringify(actual) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    actual = await read();
  }
  expect.soft(actual, what).toEqual(expected);
}

const statusOf = (card: Locator) => card.getByTestId('step-phase');

/** The page's title and favicon href. */
function tabState(): Promise<{ title: string; icon: string }> {
  return page.evaluate(() => ({
    title: document.title,
    icon: document.querySelector('link[rel="icon"]')!.getAttribute('href')!,
  }));
}

/** Ends whatever run is still going (a test that failed half-way leaves one), so the next test starts from rest. */
async function endAnyRun(): Promise<void> {
  const reject = byTestId('reject-button');
  if (await reject.isVisible()) await reject.click();
  const stop = byTestId('stop-button');
  if (await stop.isVisible()) {
    await stop.click();
    await expect.poll(() => stop.isVisible(), { timeout: 10_000 }).toBe(false);
  }
}

describe('run feedback in the browser UI', () => {
  it('draws the first-run wizard opaque and above the empty state, from its first frame', async () => {
    const wizard = byTestId('setup-wizard');
    await expect.poll(() => wizard.isVisible(), { timeout: 20_000 }).toBe(true);
    try {
      ownIcon = (await tabState()).icon;
      // Measured with every animation held at its start: nothing may fade the card in over the text behind it.
      expect.soft(await dialogGeometry(wizard)).toEqual(WELL_PLACED);
      expect.soft(await wizard.evaluate((element) => getComputedStyle(element).backgroundColor)).toMatch(/^rgb\(/);
      await cdp.send('Animation.setPlaybackRate', { playbackRate: 1 });
      await page.waitForTimeout(300);
      await shootVariants('wizard');
      await page.setViewportSize({ width: 760, height: 900 });
      expect.soft(await dialogGeometry(wizard)).toEqual(WELL_PLACED);
      await shootVariants('wizard-760');
    } finally {
      await cdp.send('Animation.setPlaybackRate', { playbackRate: 1 });
      await page.setViewportSize({ width: 1440, height: 900 });
      await byTestId('wizard-skip').click();
    }
    await expect.poll(() => byTestId('instruction-input').isVisible()).toBe(true);
  });

  it('shows a generating step’s clock, tokens and rate, then its first token and generation times', async () => {
    expect(await tabState()).toEqual({ title: 'Deskhand', icon: ownIcon });
    await startRunInUi(page, { baseUrl: server.baseUrl, instruction: 'Point at the form' });
    const first = stepCard(1);
    const progress = first.getByTestId('step-progress');
    const sample = async () => ({
      ms: Number(await attr(progress.getByTestId('step-elapsed'), 'data-ms')),
      tokens: Number(await attr(progress.getByTestId('step-tokens'), 'data-count')),
    });
    await expect.poll(async () => (await sample()).tokens, { timeout: 15_000 }).toBeGreaterThan(5);
    const before = await sample();
    await page.waitForTimeout(700);
    const after = await sample();
    expect(after.ms).toBeGreaterThanOrEqual(before.ms + 500);
    expect(after.tokens).toBeGreaterThan(before.tokens + 10);
    expect(Number(await attr(progress.getByTestId('step-ttft'), 'data-ms'))).toBeGreaterThan(0);
    await expect.poll(() => text(progress.getByTestId('step-rate'))).toMatch(/^\d+\.\d tok\/s$/);
    expect(await text(progress.getByTestId('step-tokens'))).toMatch(/^\d+ tokens$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'run-feedback-first-token-en-light.png') });

    // The answer streams into a box of its own height, which scrolls.
    const answer = first.getByTestId('step-answer');
    await expect
      .poll(
        () =>
          answer
            .evaluate((box) => ({ capped: box.clientHeight <= 160, scrolls: box.scrollHeight > box.clientHeight + 40 }))
            .catch(() => null),
        { timeout: 20_000 },
      )
      .toEqual({ capped: true, scrolls: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'run-feedback-answer-streaming-en-light.png') });

    await expect.poll(() => attr(statusOf(first), 'data-status'), { timeout: 20_000 }).toBe('acted');
    expect(await text(statusOf(first))).toBe('Acted');
    const timings = first.getByTestId('step-timings');
    for (const fact of ['ttft', 'generation', 'tokens', 'tps'])
      expect(await timings.locator(`[data-timing="${fact}"]`).count(), fact).toBe(1);
    expect(await text(timings.locator('[data-timing="generation"]'))).toMatch(/^Generation\d+(\.\d)? s$/);

    // Step 2 stalls half-way: its clock runs on.
    const second = stepCard(2);
    await expect
      .poll(() => attr(second.getByTestId('step-tokens'), 'data-count'), { timeout: 20_000 })
      .toMatch(/^[1-9]/);
    expect(await attr(statusOf(second), 'data-status')).toBe('thinking');
    await shootVariants('generating');
  });

  it('zooms a step’s screenshot in a dialog above the header and the next card, also 760 px wide', async () => {
    const first = stepCard(1);
    const zoom = page.getByRole('dialog');
    try {
      await first.scrollIntoViewIfNeeded();
      await expect.poll(() => loaded(first.getByTestId('step-screenshot')), { timeout: 20_000 }).toBe(true);
      await first.getByTestId('step-screenshot').click();
      await expect.poll(() => zoom.isVisible()).toBe(true);
      await expect.poll(() => loaded(zoom.locator('img')), { timeout: 10_000 }).toBe(true);
      await page.waitForTimeout(300);
      expect.soft(await dialogGeometry(zoom)).toEqual(WELL_PLACED);
      expect.soft(await attr(zoom.getByTestId('action-overlay'), 'data-state')).toBe('executed');
      await shootVariants('zoom');
      await page.setViewportSize({ width: 760, height: 900 });
      await page.waitForTimeout(200);
      expect.soft(await dialogGeometry(zoom)).toEqual(WELL_PLACED);
      await shootVariants('zoom-760');
      await page.setViewportSize({ width: 1440, height: 900 });

      // Escape closes the dialog and nothing else: the run goes on.
      await page.keyboard.press('Escape');
      await expect.poll(() => zoom.count()).toBe(0);
      expect(await byTestId('outcome-banner').count()).toBe(0);
      await byTestId('stop-button').click();
      await expect.poll(() => attr(byTestId('outcome-banner'), 'data-outcome'), { timeout: 5000 }).toBe('stopped');
      expect(await text(statusOf(stepCard(2)))).toBe('Cut short');
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
      if (await zoom.isVisible()) await page.keyboard.press('Escape');
      await endAnyRun();
    }
  });

  it('titles the tab and badges the favicon while running and paused, and says a paused step is paused', async () => {
    expect(await tabState()).toEqual({ title: 'Deskhand', icon: ownIcon });
    try {
      await startRunInUi(page, { baseUrl: server.baseUrl, instruction: 'Read the form, then point at it' });
      await softPoll(() => page.title(), '▶ Running — Deskhand');
      const running = await tabState();
      expect.soft(running.icon).toMatch(/^data:image\/svg\+xml,/);

      const first = stepCard(1);
      await expect.poll(() => text(first.getByTestId('thinking')), { timeout: 20_000 }).toContain('I read the form');
      await byTestId('pause-button').click();
      await softPoll(() => page.title(), '⏸ Paused — Deskhand');
      const paused = await tabState();
      expect.soft(paused.icon).toMatch(/^data:image\/svg\+xml,/);
      expect.soft(paused.icon).not.toBe(running.icon);

      // The model finishes its answer; the run then holds before acting.
      await expect.poll(() => first.getByTestId('action-chip').count(), { timeout: 20_000 }).toBe(1);
      await softPoll(() => attr(statusOf(first), 'data-status'), 'paused');
      expect.soft(await text(statusOf(first))).toBe('Paused');
      await shootVariants('paused');

      await byTestId('resume-button').click();
      await expect.poll(() => attr(byTestId('outcome-banner'), 'data-outcome'), { timeout: 20_000 }).toBe('done');
      expect.soft(await text(statusOf(first))).toBe('Acted');
      // The model's DONE is its action, on the chip; the step's own word says it was recorded.
      const second = stepCard(2);
      expect(await attr(second.getByTestId('action-chip'), 'data-action')).toBe('done');
      expect.soft(await attr(statusOf(second), 'data-status')).toBe('recorded');
      expect.soft(await text(statusOf(second))).toBe('Recorded');
      await softPoll(tabState, { title: 'Deskhand', icon: ownIcon });
      await first.evaluate((card) => card.scrollIntoView({ block: 'start' }));
      await shootVariants('finished');
    } finally {
      await endAnyRun();
    }
  });

  it('asks with the screenshot and the target drawn, flags the tab while it waits, and shows a declined step', async () => {
    await updateSettings({ safety: { confirmation: 'always' } });
    try {
      await startRunInUi(page, { baseUrl: server.baseUrl, instruction: 'Submit the form' });
      const dialog = byTestId('confirmation-dialog');
      await expect.poll(() => dialog.isVisible(), { timeout: 20_000 }).toBe(true);
      await softPoll(() => page.title(), '⚠ Waiting for your OK — Deskhand');
      const waiting = await tabState();
      expect.soft(waiting.icon).toMatch(/^data:image\/svg\+xml,/);
      // Not the running icon: that one has a play badge.
      expect.soft(waiting.icon).not.toContain(encodeURIComponent('#1f8a5b'));

      const frame = dialog.getByTestId('confirm-frame');
      await softPoll(() => loaded(frame), true);
      expect.soft(await attr(dialog.getByTestId('action-overlay'), 'data-state')).toBe('pending');
      expect.soft(await dialog.locator('.overlay-target').count()).toBe(1);
      await page.waitForTimeout(300);
      expect.soft(await dialogGeometry(dialog)).toEqual(WELL_PLACED);
      const first = stepCard(1);
      expect.soft(await attr(statusOf(first), 'data-status')).toBe('waiting');
      expect.soft(await text(statusOf(first))).toBe('Waiting for you');
      await shootVariants('confirm');

      await byTestId('reject-button').click();
      await expect.poll(() => attr(byTestId('outcome-banner'), 'data-outcome'), { timeout: 10_000 }).toBe('stopped');
      expect.soft(await attr(statusOf(first), 'data-status')).toBe('declined');
      expect.soft(await text(statusOf(first))).toBe('Declined');
      // The target is drawn as declined, never as the crosshair of a carried-out action.
      expect.soft(await attr(first.getByTestId('action-overlay'), 'data-state')).toBe('declined');
      expect.soft(await first.getByTestId('declined-target').count()).toBe(1);
      expect.soft(await first.locator('.overlay-target').count()).toBe(0);
      await softPoll(tabState, { title: 'Deskhand', icon: ownIcon });
      await shootVariants('declined');
    } finally {
      await endAnyRun();
      await updateSettings({ safety: { confirmation: 'never' } });
    }
  });

  it('shows a Find on screen result as a box with a positive chip, live and in the player', async () => {
    await byTestId('locate-input').fill('the form');
    await byTestId('locate-button').click();
    const result = byTestId('locate-result');
    await expect.poll(() => result.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => result.getByTestId('locate-box').count(), { timeout: 10_000 }).toBe(1);
    expect.soft(await attr(result.getByTestId('grounding-chip'), 'data-found')).toBe('true');
    expect.soft(await text(result.getByTestId('grounding-chip'))).toContain('Found');
    await result.scrollIntoViewIfNeeded();
    await shootVariants('locate');

    await byTestId('sessions-tab').click();
    await page.locator('[data-testid="session-row"]', { hasText: 'Locate: the form' }).click({ timeout: 10_000 });
    const details = byTestId('player-step-details');
    await expect.poll(() => details.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => loaded(byTestId('player-frame')), { timeout: 10_000 }).toBe(true);
    expect.soft(await attr(byTestId('player-step-status'), 'data-status')).toBe('found');
    expect.soft(await text(byTestId('player-step-status'))).toBe('Found');
    expect.soft(await attr(details.getByTestId('grounding-chip'), 'data-found')).toBe('true');
    // Not the red chip of an answer without an action.
    expect.soft(await details.locator('[data-testid="action-chip"][data-action="none"]').count()).toBe(0);
    expect.soft(await byTestId('player-grounding-box').count()).toBe(1);
    await shootVariants('player-locate');
  });

  it('plays back a declined step as declined, with no cursor going to its target', async () => {
    await page.locator('[data-testid="session-row"]', { hasText: 'Submit the form' }).click();
    await expect.poll(() => text(byTestId('player-step-details')), { timeout: 10_000 }).toContain('Click Submit.');
    await expect.poll(() => loaded(byTestId('player-frame')), { timeout: 10_000 }).toBe(true);
    expect.soft(await attr(byTestId('player-step-status'), 'data-status')).toBe('declined');
    expect.soft(await text(byTestId('player-step-status'))).toBe('Declined');
    const stage = page.locator('.player-stage');
    expect.soft(await attr(stage.getByTestId('action-overlay'), 'data-state')).toBe('declined');
    expect.soft(await stage.locator('.overlay-target').count()).toBe(0);
    expect.soft(await byTestId('player-cursor').count()).toBe(0);
    expect.soft(await attr(byTestId('player-step'), 'data-status')).toBe('declined');
    await shootVariants('player-declined');

    await page.locator('[data-testid="session-row"]', { hasText: 'Read the form, then point at it' }).click();
    await expect.poll(() => text(byTestId('player-position')), { timeout: 10_000 }).toBe('Step 1 of 2');
    expect.soft(await text(byTestId('player-step-status'))).toBe('Acted');
    await byTestId('player-next').click();
    await expect.poll(() => text(byTestId('player-position'))).toBe('Step 2 of 2');
    expect.soft(await text(byTestId('player-step-status'))).toBe('Recorded');
    expect(await attr(byTestId('player-step-details').getByTestId('action-chip'), 'data-action')).toBe('done');
    const timings = byTestId('player-step-details').getByTestId('step-timings');
    for (const fact of ['ttft', 'generation'])
      expect.soft(await timings.locator(`[data-timing="${fact}"]`).count(), fact).toBe(1);
  });
});
