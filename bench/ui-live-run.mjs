// The live-run part of the UI benchmark: a run of many quick hover steps, with frame figures over its first and
// last hundred steps, the timeline's DOM size at the end, and a scroll from the newest card back to the first. Node.
/* global document -- these run in the page through page.evaluate */
import { DONE_ANSWER, hoverAnswer, thoughtChunks } from './ui-model-server.mjs';
import { frameFigures, startFrameProbe, stopFrameProbe } from './ui-page-probes.mjs';

const WINDOW_STEPS = 100;
const POLL_MS = 250;

/** Steps whose short thoughts stream in five chunks, then DONE. */
function quickTurns(steps) {
  return Array.from({ length: steps }, (_, step) => ({
    chunks: thoughtChunks(5, 8, 1000, 0),
    answer: step === steps - 1 ? DONE_ANSWER : hoverAnswer(step),
  }));
}

/** The newest step on screen; a virtualised timeline keeps only some cards in the DOM, but always the newest. */
async function latestStep(page) {
  return page.evaluate(() => {
    const cards = document.querySelectorAll('[data-testid="step-card"]');
    return Number(cards[cards.length - 1]?.getAttribute('data-step') ?? 0);
  });
}

async function waitForSteps(page, count, deadline) {
  while ((await latestStep(page)) < count) {
    if (Date.now() > deadline) throw new Error(`the live run did not reach ${count} steps in time`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The timeline's size in the DOM, and whether it still shows the newest step. */
function timelineState() {
  const scroller = document.querySelector('[data-testid="timeline"]');
  return {
    domNodes: scroller.querySelectorAll('*').length,
    stepCardsInDom: scroller.querySelectorAll('[data-testid="step-card"]').length,
    imagesInDom: scroller.querySelectorAll('img').length,
    pinnedToBottom: scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 48,
    scrollTop: Math.round(scroller.scrollTop),
    scrollHeight: scroller.scrollHeight,
  };
}

/** Wheels the timeline up a screen at a time until its top, as a user flicking back through the run would. */
async function wheelTimelineToTop(page) {
  const box = await page.getByTestId('timeline').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const started = performance.now();
  let wheels = 0;
  while ((await page.getByTestId('timeline').evaluate((scroller) => scroller.scrollTop)) > 0) {
    await page.mouse.wheel(0, -box.height);
    wheels += 1;
  }
  return { wheels, ms: Math.round(performance.now() - started) };
}

/** Runs `steps` quick steps through the form (`start`) and measures the run view while they arrive. */
export async function measureLiveRun(page, server, steps, start) {
  server.setScript(quickTurns(steps));
  const deadline = Date.now() + steps * 2000;
  const started = performance.now();
  await page.evaluate(startFrameProbe);
  await start(`Hover ${steps} cells`);
  await waitForSteps(page, Math.min(steps, WINDOW_STEPS), deadline);
  const early = frameFigures(await page.evaluate(stopFrameProbe));
  await waitForSteps(page, steps - WINDOW_STEPS, deadline);
  await page.evaluate(startFrameProbe);
  await page
    .getByTestId('outcome-banner')
    .last()
    .waitFor({ timeout: Math.max(1, deadline - Date.now()) });
  const late = frameFigures(await page.evaluate(stopFrameProbe));
  const seconds = (performance.now() - started) / 1000;
  const atEnd = await page.evaluate(timelineState);
  await page.evaluate(startFrameProbe);
  const scroll = await wheelTimelineToTop(page);
  const whileScrolling = frameFigures(await page.evaluate(stopFrameProbe));
  return {
    steps,
    seconds: Math.round(seconds * 10) / 10,
    stepsPerSecond: Math.round((steps / seconds) * 10) / 10,
    firstSteps: early,
    lastSteps: late,
    atEnd,
    scrollToTop: { ...scroll, ...whileScrolling },
  };
}
