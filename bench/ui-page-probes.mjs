// Probes the UI benchmark runs inside the page (each is passed to page.evaluate, so each must be self-contained),
// and the statistics over what they collect. Node and browser.
/* global document, window, location, requestAnimationFrame, PerformanceObserver, MutationObserver, HTMLInputElement, Event, WebSocket -- these run in the page through page.evaluate */

/** Starts recording every animation frame's timestamp and every long task (over 50 ms on the main thread). */
export function startFrameProbe() {
  const probe = { frames: [], longTasks: [], running: true, observer: null };
  const onFrame = (time) => {
    if (!probe.running) return;
    probe.frames.push(time);
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  probe.observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  });
  probe.observer.observe({ type: 'longtask' });
  window.__frameProbe = probe;
}

/** Stops the frame probe and returns its frame timestamps and long-task durations. */
export function stopFrameProbe() {
  const probe = window.__frameProbe;
  probe.running = false;
  probe.observer.disconnect();
  return { frames: probe.frames, longTasks: probe.longTasks };
}

/** Records when each `@N@` marker first appears in the thinking text of the newest step card. */
export function startMarkerProbe() {
  const seen = {};
  let element = null;
  let scanned = 0;
  const scan = () => {
    const now = performance.timeOrigin + performance.now();
    const cards = document.querySelectorAll('[data-testid="step-card"] [data-testid="thinking"]');
    const newest = cards[cards.length - 1];
    if (!newest) return;
    if (newest !== element) [element, scanned] = [newest, 0];
    const text = newest.textContent ?? '';
    if (text.length < scanned) scanned = 0;
    const pattern = /@(\d+)@/g;
    pattern.lastIndex = Math.max(0, scanned - 12);
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) seen[match[1]] ??= now;
    scanned = text.length;
  };
  const observer = new MutationObserver(scan);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  window.__markerProbe = { seen, observer };
}

/** Stops the marker probe and returns marker number → when it was first seen (wall-clock ms). */
export function stopMarkerProbe() {
  window.__markerProbe.observer.disconnect();
  return window.__markerProbe.seen;
}

/**
 * Moves the player's scrubber one step at a time from the first step to the last, as dragging it would, and
 * returns per change: ms until the DOM shows the step, ms until the next frame, and the step list's node counts.
 */
export async function scrubThroughSteps() {
  const scrubber = document.querySelector('[data-testid="player-scrubber"]');
  const position = document.querySelector('[data-testid="player-position"]');
  const list = document.querySelector('[data-testid="player-step-list"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const last = Number(scrubber.max);
  const total = last + 1;
  const result = { commitMs: [], frameMs: [], listNodes: [], listRows: [] };
  for (let index = 1; index <= last; index++) {
    const started = performance.now();
    setValue.call(scrubber, String(index));
    scrubber.dispatchEvent(new Event('input', { bubbles: true }));
    const expected = `Step ${index + 1} of ${total}`;
    while (position.textContent !== expected) await nextFrame();
    result.commitMs.push(performance.now() - started);
    result.frameMs.push((await nextFrame()) - started);
    if (index % 50 === 0 || index === last) {
      result.listNodes.push(list.querySelectorAll('*').length);
      result.listRows.push(list.querySelectorAll('[data-testid="player-step"]').length);
    }
  }
  return result;
}

/** Clicks `selector` and returns ms until `ready` (a function source over `document`) holds, checked every frame. */
export async function timeUntil({ selector, ready }) {
  const check = new Function('document', `return (${ready})(document);`);
  const started = performance.now();
  document.querySelector(selector).click();
  while (!check(document)) await new Promise((resolve) => requestAnimationFrame(resolve));
  return performance.now() - started;
}

/** Calls one AgentHost method over the page's own WebSocket (the cookie authenticates it). */
export async function callHost({ method, params }) {
  const socket = new WebSocket(`ws://${location.host}/api`);
  await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
  const reply = new Promise((resolve) => {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(event.data);
      if (message.id === 1) resolve(message);
    });
  });
  socket.send(JSON.stringify({ id: 1, method, params }));
  const message = await reply;
  socket.close();
  if (message.error) throw new Error(`${method}: ${message.error.message}`);
  return message.result;
}

/** Value at quantile `q` (0–1) of `values`, by nearest rank. */
export function quantile(values, q) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const round = (value) => (value === null ? null : Math.round(value * 10) / 10);

/** Median and p95 of ms values, rounded to 0.1 ms. */
export function spread(values) {
  return { median: round(quantile(values, 0.5)), p95: round(quantile(values, 0.95)), n: values.length };
}

/** Frame-interval and long-task figures of one frame probe. */
export function frameFigures({ frames, longTasks }) {
  const intervals = frames.slice(1).map((time, index) => time - frames[index]);
  const slow = intervals.filter((interval) => interval > 50).length;
  return {
    frameIntervalMs: spread(intervals),
    framesOver50msShare: intervals.length ? round((slow / intervals.length) * 1000) / 1000 : null,
    longTasks: { count: longTasks.length, totalMs: round(longTasks.reduce((sum, value) => sum + value, 0)) },
  };
}
