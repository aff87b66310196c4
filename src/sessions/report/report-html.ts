// Renders the report as one self-contained HTML file: static markup, the data as inert JSON, a hash-pinned script.
// Node only.
import { createHash } from 'node:crypto';
import type { ReportData } from './report-data.js';
import { REPORT_SCRIPT } from './report-script.js';
import { REPORT_STYLE } from './report-style.js';

/** The whole HTML document for `data`. Nothing in `data` reaches the markup except as escaped JSON. */
export function renderReportHtml(data: ReportData): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Deskhand session</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<h1 id="task"></h1>
<p id="outcome" class="outcome"></p>
<p id="meta" class="meta"></p>
</header>
<p id="no-steps" hidden>This session has no recorded steps.</p>
<main id="player">
<section>
<div class="frame">
<img id="frame-image" alt="The screen the model saw at this step">
<svg id="targets" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="none" aria-hidden="true"></svg>
<p id="no-frame" hidden>No screenshot was recorded for this step.</p>
</div>
<div class="controls">
<button id="prev" type="button" aria-label="Previous step">◀</button>
<button id="play" type="button">Play</button>
<button id="next" type="button" aria-label="Next step">▶</button>
<input id="scrubber" type="range" min="1" max="1" step="1" value="1" aria-label="Step">
<output id="position"></output>
</div>
</section>
<section>
<h2 id="step-title"></h2>
<p id="action" class="action"></p>
<p id="status"></p>
<p id="explanation"></p>
<p id="error" class="error" hidden></p>
<h3>Thinking</h3>
<pre id="thinking"></pre>
<h3>Memory</h3>
<pre id="memory"></pre>
<h3>Timings</h3>
<table id="timings"></table>
</section>
</main>
<ul id="warnings"></ul>
<script type="application/json" id="session-data">${jsonForScriptElement(data)}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

/** Nothing but inline data images, this exact stylesheet and this exact script; no requests, forms or base URL. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    'img-src data:',
    `style-src '${sha256(REPORT_STYLE)}'`,
    `script-src '${sha256(REPORT_SCRIPT)}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * JSON that cannot end its <script> element or open a comment: `<`, `>` and `&` become \u escapes (still the same
 * JSON), as do the two line separators that older parsers treat as line ends.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function sha256(source: string): string {
  return `sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}`;
}
