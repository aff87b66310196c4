// Step phase 1: capture the display and encode what the model sees now (and, later, as history). Node only.
import type { ChatImage } from '../backends/chat-backend.js';
import { encodeFrame } from '../desktop/encode.js';
import type { Frame, Operator } from '../desktop/types.js';
import { HISTORY_IMAGE_SCALE } from '../glm/prompt.js';
import { elapsedMs } from './timing.js';

export interface Observation {
  frame: Frame;
  /** The current screenshot at full size, as sent to the model and stored in the session. */
  image: ChatImage;
  /** The same screenshot at 50%×50%, for later steps' history; encoded off the critical path. */
  historyImage: Promise<ChatImage>;
  captureMs: number;
  encodeMs: number;
}

export async function observe(operator: Operator, displayId: string, signal: AbortSignal): Promise<Observation> {
  const captureStart = performance.now();
  const frame = await operator.capture(displayId, signal);
  const captureMs = elapsedMs(captureStart);
  const encodeStart = performance.now();
  const image = await encodeFrame(frame, { format: 'jpeg' });
  const encodeMs = elapsedMs(encodeStart);
  const historyImage = encodeFrame(frame, { format: 'jpeg', scale: HISTORY_IMAGE_SCALE });
  // The history copy is awaited only by a later step; keep an early failure from going unhandled.
  historyImage.catch(() => undefined);
  return { frame, image, historyImage, captureMs, encodeMs };
}
