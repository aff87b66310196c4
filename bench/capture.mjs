// Capture benchmark: our default capture against screenshot-desktop, side by side on the same desktop. Node only.
// Run through bench/run.mjs (which starts the desktop), or `node bench/capture.mjs --measure` with DISPLAY set.
import { pathToFileURL } from 'node:url';
import { measure } from './desktop.mjs';

const ratio = (slow, fast) => Math.round((slow.median / fast.median) * 10) / 10;

/** Measures on the desktop named by DISPLAY; libnut connects here, in this process, and nowhere else. */
export async function measureCapture() {
  const { createCapturer } = await import('../dist/src/desktop/capture.js');
  const { encodeFrame, frameFingerprint } = await import('../dist/src/desktop/encode.js');
  const { listDisplays } = await import('../dist/src/desktop/displays.js');
  const { createNutOperator } = await import('../dist/src/desktop/nut-operator.js');
  const { default: screenshot } = await import('screenshot-desktop');
  const [display] = await listDisplays();
  const capturer = await createCapturer('nut');
  const frame = await capturer.capture(display);
  const operator = await createNutOperator({ capture: 'nut' });
  const capture = {
    default_ms: await measure(() => capturer.capture(display)),
    default_plus_png_ms: await measure(async () => encodeFrame(await capturer.capture(display), { format: 'png' })),
    default_plus_jpeg_ms: await measure(async () => encodeFrame(await capturer.capture(display), { format: 'jpeg' })),
    history_jpeg_half_ms: await measure(() => encodeFrame(frame, { format: 'jpeg', scale: 0.5 })),
    screenshot_desktop_png_ms: await measure(() => screenshot({ format: 'png' })),
    screenshot_desktop_jpeg_ms: await measure(() => screenshot({ format: 'jpg' })),
  };
  const settle = {
    fingerprint_ms: await measure(async () => frameFingerprint({ ...frame, pixels: frame.pixels.subarray(0) })),
    still_screen_ms: await measure(() => operator.settle(display.id, new globalThis.AbortController().signal)),
  };
  return {
    capture: {
      ...capture,
      speedup_capture_vs_screenshot_desktop_png: ratio(capture.screenshot_desktop_png_ms, capture.default_ms),
      speedup_capture_vs_screenshot_desktop_jpeg: ratio(capture.screenshot_desktop_jpeg_ms, capture.default_ms),
      speedup_jpeg_vs_screenshot_desktop_jpeg: ratio(capture.screenshot_desktop_jpeg_ms, capture.default_plus_jpeg_ms),
      speedup_jpeg_vs_screenshot_desktop_png: ratio(capture.screenshot_desktop_png_ms, capture.default_plus_jpeg_ms),
    },
    settle,
  };
}

if (process.argv.includes('--measure') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await measureCapture())}\n`);
  process.exit(0);
}
