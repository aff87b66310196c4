// Opens an exported HTML report in Chromium with every request, console problem and dialog recorded. Node only.
import { pathToFileURL } from 'node:url';
import { openPageInChromium, type ChromiumPage } from './chromium.js';
import type { XDesktop } from './x-desktop.js';

export interface OpenedReport {
  browser: ChromiumPage;
  /** Requests other than the report file itself; route() aborts them too. */
  requests: string[];
  problems: string[];
  dialogs: string[];
}

export async function openReport(desktop: Pick<XDesktop, 'env'>, path: string): Promise<OpenedReport> {
  const browser = await openPageInChromium(desktop, 'about:blank');
  const url = pathToFileURL(path).href;
  const opened: OpenedReport = { browser, requests: [], problems: [], dialogs: [] };
  await browser.context.route('**/*', (route) =>
    route.request().url() === url ? route.continue() : route.abort('blockedbyclient'),
  );
  browser.page.on('request', (request) => {
    if (request.url() !== url) opened.requests.push(request.url());
  });
  browser.page.on('pageerror', (error) => opened.problems.push(`pageerror: ${error.message}`));
  browser.page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') opened.problems.push(message.text());
  });
  browser.page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await browser.page.goto(url, { waitUntil: 'load' });
  return opened;
}

/** The shown marker's centre, in frame pixels, from where it is drawn on screen over the image. */
export async function markerInFramePixels(
  report: OpenedReport,
  selector: string,
  frame: { width: number; height: number },
) {
  const image = (await report.browser.page.locator('#frame-image').boundingBox())!;
  const marker = (await report.browser.page.locator(`${selector} circle`).boundingBox())!;
  return [
    ((marker.x + marker.width / 2 - image.x) * frame.width) / image.width,
    ((marker.y + marker.height / 2 - image.y) * frame.height) / image.height,
  ];
}
