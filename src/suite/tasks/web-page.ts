// The shell of every web task's page: fixed pixel layout and a script that posts the page's state to the harness. Node only.
import type { Pixel } from '../answers.js';

/** A rectangle on the page in CSS pixels; in kiosk mode at scale 1 these are screen pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function centre(box: Box): Pixel {
  return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/** CSS that puts an element exactly on `box`. */
export function at(box: Box): string {
  return `position:absolute;left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
}

/**
 * A whole page. Its script gets `page.state` (what the check reads) and `page.report()` (posts it), and reports by
 * itself once the page has painted twice and whenever it gains focus, which is how the harness knows it is ready.
 */
export function webPage(parts: { title: string; css?: string; body: string; script: string }): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${parts.title}</title>
<style>
html, body { margin: 0; width: 100%; height: 100%; overflow: hidden; background: #f5f5f0; color: #1d1d1f;
  font: 20px/1.3 'DejaVu Sans', sans-serif; user-select: none; }
* { box-sizing: border-box; }
h1 { position: absolute; left: 40px; top: 20px; margin: 0; font-size: 30px; }
button, input, textarea { font: inherit; }
button { background: #2458b3; color: #fff; border: 0; border-radius: 6px; }
${parts.css ?? ''}
</style></head>
<body>${parts.body}
<script>
const page = {
  state: {},
  ready: false,
  report() {
    const body = JSON.stringify({ ...page.state, ready: page.ready, focused: document.hasFocus() });
    fetch(location.pathname.replace('/page/', '/state/'), { method: 'POST', body }).catch(() => undefined);
  },
};
addEventListener('load', () =>
  requestAnimationFrame(() => requestAnimationFrame(() => { page.ready = true; page.report(); })));
addEventListener('focus', () => page.report());
${parts.script}
</script></body></html>`;
}
