// Step phase 1: capture the display and encode what the model sees now (and, later, as history). Node only.
import type { ChatImage } from '../backends/chat-backend.js';
import { DEFAULT_IMAGE_FORMAT, encodeFrame, encodeHistoryFrame, type ImageFormat } from '../desktop/encode.js';
import type { Frame, Operator } from '../desktop/types.js';
import { elapsedMs } from './timing.js';

export interface Observation {
  frame: Frame;
  /** The current screenshot at full size, as stored in the session. */
  image: ChatImage;
  /** What the model gets: `image` itself, or a smaller copy when a pixel budget is set. */
  modelImage: ChatImage;
  /** The model's copy at 50%×50% (floored, Pillow bicubic), for later steps' history; encoded off the critical path. */
  historyImage: Promise<ChatImage>;
  captureMs: number;
  encodeMs: number;
}

/**
 * The factor that brings a frame within `maxPixels` (width × height), 1 when it fits or there is no budget. The
 * model answers in 0–999 thousandths of the image, so a smaller copy changes no coordinate.
 */
export function modelImageScale(frame: { width: number; height: number }, maxPixels: number | null): number {
  if (maxPixels === null) return 1;
  return Math.min(1, Math.sqrt(maxPixels / (frame.width * frame.height)));
}

export async function observe(
  operator: Operator,
  displayId: string,
  signal: AbortSignal,
  maxPixels: number | null = null,
  format: ImageFormat = DEFAULT_IMAGE_FORMAT,
): Promise<Observation> {
  const captureStart = performance.now();
  const frame = await operator.capture(displayId, signal);
  const captureMs = elapsedMs(captureStart);
  const encodeStart = performance.now();
  const scale = modelImageScale(frame, maxPixels);
  const [image, modelImage] = await Promise.all([
    encodeFrame(frame, { format }),
    scale < 1 ? encodeFrame(frame, { format, scale }) : null,
  ]);
  const encodeMs = elapsedMs(encodeStart);
  const historyImage = encodeHistoryFrame(frame, modelImage ?? image, format);
  // The history copy is awaited only by a later step; keep an early failure from going unhandled.
  historyImage.catch(() => undefined);
  return { frame, image, modelImage: modelImage ?? image, historyImage, captureMs, encodeMs };
}
