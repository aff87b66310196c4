// Opens an exported HTML report in headless Chromium and steps through it, noting everything a payload could make
// happen: dialogs, requests that leave file://, navigation, CSP violations, markup the report does not have, and
// whether each field shows the payload as text. Node only.
/* global document, window -- markupFound, fieldsShown and the init script run in the page */
import { chromium } from 'playwright-core';

/** Debian's Chromium, headless and quiet, as the UI tests launch it. */
export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
}

/** Counts, in the page, of what the report's own markup has: two scripts, one image, svg, style and input. */
function markupFound() {
  const count = (selector) => document.querySelectorAll(selector).length;
  return {
    pwned: window.__pwned ?? null,
    violations: window.__violations ?? [],
    extra: [
      count('script') !== 2 && 'script',
      count('img') !== 1 && 'img',
      count('style') !== 1 && 'style',
      count('body svg') !== 1 && 'svg',
      count('input') !== 1 && 'input',
      ['iframe', 'object', 'embed', 'base', 'form', 'meta[http-equiv=refresh]', 'link', 'a', 'details', 'math']
        .filter((selector) => count(selector) > 0)
        .join(' '),
    ].filter(Boolean),
  };
}

/** The text each field shows at the current step. */
function fieldsShown() {
  const text = (id) => document.getElementById(id).textContent;
  return {
    task: text('task'),
    meta: text('meta'),
    outcome: text('outcome'),
    explanation: text('explanation'),
    thinking: text('thinking'),
    memory: text('memory'),
    error: text('error'),
    action: text('action'),
  };
}

/** What the fields must show: the payload verbatim (the action quotes it as JSON). */
function missingText(shown, payload) {
  const expected = {
    task: payload,
    explanation: payload,
    thinking: payload,
    memory: payload,
    error: payload,
  };
  const missing = Object.entries(expected)
    .filter(([field, value]) => shown[field] !== value)
    .map(([field]) => field);
  if (!shown.meta.includes(payload)) missing.push('model');
  if (!shown.outcome.includes(payload)) missing.push('outcome');
  if (!shown.action.includes(JSON.stringify(payload))) missing.push('element info or typed text');
  return missing;
}

/**
 * Opens `file` (a file:// URL) in a fresh context (`bypassCSP`: the escaping alone, with the report's CSP off), goes
 * through all `steps` with the next button and the keyboard, and returns what happened that should not have.
 */
export async function inspectReport(browser, file, { payload, steps, bypassCSP }) {
  const context = await browser.newContext({ bypassCSP });
  const page = await context.newPage();
  const happened = [];
  page.on('dialog', (dialog) => (happened.push(`a dialog (${dialog.type()})`), void dialog.dismiss()));
  page.on('request', (request) => {
    if (!/^(file|data):/.test(request.url())) happened.push(`a request to ${request.url().slice(0, 60)}`);
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective));
  });
  try {
    await page.goto(file, { waitUntil: 'load' });
    for (let step = 1; step <= steps; step++) {
      const missing = missingText(await page.evaluate(fieldsShown), payload);
      if (missing.length > 0) happened.push(`step ${step} does not show the payload as text in: ${missing.join(', ')}`);
      // A click where a payload would sit (a link, a handler); the page may be broken past clicking, which is noted.
      await page.click('#explanation', { timeout: 1000 }).catch(() => undefined);
      if (step === steps) break;
      const next = step % 2 ? page.click('#next', { timeout: 1000 }) : page.keyboard.press('ArrowRight');
      await next.catch(() => happened.push(`step ${step + 1} could not be reached`));
    }
    await page.keyboard.press('Home');
    await page.waitForTimeout(150);
    const found = await page.evaluate(markupFound);
    if (found.pwned !== null) happened.push(`a payload ran (window.__pwned = ${found.pwned})`);
    if (found.violations.length > 0) happened.push(`the CSP stopped injected ${[...new Set(found.violations)]}`);
    if (found.extra.length > 0) happened.push(`markup not of the report: ${found.extra.join(', ')}`);
    if (page.url() !== file) happened.push(`the page went to ${page.url().slice(0, 60)}`);
  } finally {
    await context.close();
  }
  return [...new Set(happened)];
}
