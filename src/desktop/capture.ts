// Captures one display into a Frame: nut-js (libnut XGetImage) by default, screenshot-desktop as fallback. Node only.
import sharp from 'sharp';
import { loadNut } from './nut.js';
import { screenshotSourceFor } from './screenshot-source.js';
import type { Display, Frame } from './types.js';

/** How frames are taken: 'auto' is nut-js, switching to screenshot-desktop for good if nut-js fails. */
export type CaptureMethod = 'nut' | 'screenshot-desktop' | 'auto';

/** Captures displays; `method` tells which implementation is in use now. */
export interface Capturer {
  readonly method: Exclude<CaptureMethod, 'auto'>;
  capture(display: Display, signal?: AbortSignal): Promise<Frame>;
}

/** Where a Capturer reports that 'auto' fell back to screenshot-desktop. */
export type CaptureLog = (message: string) => void;

/** Copies rows out of a padded buffer; returns the buffer itself when rows are already contiguous. */
export function packRows(data: Buffer, width: number, height: number, bytesPerRow: number): Buffer {
  const rowBytes = width * 4;
  if (bytesPerRow === rowBytes) return data.subarray(0, rowBytes * height);
  const packed = Buffer.allocUnsafe(rowBytes * height);
  for (let row = 0; row < height; row++)
    data.copy(packed, row * rowBytes, row * bytesPerRow, row * bytesPerRow + rowBytes);
  return packed;
}

/** Grabs the display's rectangle with libnut; X11 hands back BGRA with the alpha byte 0. */
export async function captureWithNut(display: Display, signal?: AbortSignal): Promise<Frame> {
  signal?.throwIfAborted();
  const { screen, Region, ColorMode } = await loadNut();
  const { x, y, width, height } = display.bounds;
  const image = await screen.grabRegion(new Region(x, y, width, height));
  signal?.throwIfAborted();
  return {
    displayId: display.id,
    pixels: packRows(image.data, image.width, image.height, image.byteWidth),
    channelOrder: image.colorMode === ColorMode.BGR ? 'bgra' : 'rgba',
    width: image.width,
    height: image.height,
    bounds: { ...display.bounds },
    scaleFactor: display.scaleFactor,
    capturedAt: Date.now(),
  };
}

/**
 * Takes a PNG through screenshot-desktop's published API (ImageMagick on Linux) and decodes it to RGBA, cut to the
 * display when it is part of a larger output.
 */
export async function captureWithScreenshotDesktop(display: Display, signal?: AbortSignal): Promise<Frame> {
  signal?.throwIfAborted();
  const { default: screenshot } = await import('screenshot-desktop');
  const source = screenshotSourceFor(display, await screenshot.listDisplays());
  if (!source) {
    throw new Error(`screenshot-desktop lists no screen that holds display ${display.id}: check \`xrandr --current\``);
  }
  const capturedAt = Date.now();
  const png = await screenshot({ screen: source.screen, format: 'png' });
  signal?.throwIfAborted();
  const { crop } = source;
  const image = crop
    ? sharp(png).extract({ left: crop.x, top: crop.y, width: crop.width, height: crop.height })
    : sharp(png);
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  signal?.throwIfAborted();
  return {
    displayId: display.id,
    pixels: data,
    channelOrder: 'rgba',
    width: info.width,
    height: info.height,
    bounds: { ...display.bounds },
    scaleFactor: display.scaleFactor,
    capturedAt,
  };
}

function fixedCapturer(method: Capturer['method']): Capturer {
  const capture = method === 'nut' ? captureWithNut : captureWithScreenshotDesktop;
  return { method, capture };
}

/** Tries nut-js; after its first failure logs why and uses screenshot-desktop from then on. */
function autoCapturer(log: CaptureLog): Capturer {
  let current = fixedCapturer('nut');
  const capturer: Capturer = {
    get method() {
      return current.method;
    },
    async capture(display, signal) {
      if (current.method === 'screenshot-desktop') return current.capture(display, signal);
      try {
        return await current.capture(display, signal);
      } catch (error) {
        if (signal?.aborted) throw error;
        log(`nut-js capture failed (${describe(error)}); falling back to screenshot-desktop`);
        current = fixedCapturer('screenshot-desktop');
        return current.capture(display, signal);
      }
    },
  };
  return capturer;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Creates a capturer; nothing is loaded or opened until the first capture. */
export async function createCapturer(method: CaptureMethod, log: CaptureLog = console.warn): Promise<Capturer> {
  return method === 'auto' ? autoCapturer(log) : fixedCapturer(method);
}
