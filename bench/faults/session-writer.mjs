// Writes sessions for the faults bench through the built SessionRecorder, with a real image frame per step and every
// text field a session carries set by the caller. Node only.
import sharp from 'sharp';
import { stepRecord as hoverStepRecord } from './archive-session.mjs';

const dist = (path) => import(new URL(`../../dist/src/${path}`, import.meta.url).href);

/** A small real PNG of `width`×`height`, tinted by `seed`. */
export function benchFrame(seed, width = 64, height = 40) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let offset = 0; offset < pixels.length; offset += 3) {
    pixels[offset] = (offset / 3 + seed * 29) % 256;
    pixels[offset + 1] = (seed * 53) % 256;
    pixels[offset + 2] = (offset * 7) % 256;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** A clicking step whose every text field is the caller's (a payload) or a plain default. */
function stepRecord(step, frame, text) {
  const fields = {
    startedAt: new Date(Date.UTC(2026, 10, 21, 10, 0, step)).toISOString(),
    frame,
    frameSize: { width: 64, height: 40 },
    raw: text.raw ?? `<answer>${text.explanation ?? 'ok'}</answer>`,
    thinking: text.thinking ?? `Step ${step}.`,
    explanation: text.explanation ?? `Do step ${step}.`,
    memory: text.memory ?? '[]',
    error: text.error ?? null,
    inputPoint: { x: 32, y: 20 },
    usage: { promptTokens: 10, completionTokens: 5 },
  };
  const action = { name: 'left_click', box: [500, 500], point: [32, 20], elementInfo: text.elementInfo ?? null };
  return hoverStepRecord(step, fields, { ...action, ...text.action });
}

/**
 * Records session `id` under `sessionsDir`: `task`, `model` and `outcome` (its message) at the top, and one step per
 * entry of `steps` ({thinking, explanation, memory, elementInfo, error, raw, and `action` fields to override}).
 * Returns the session folder.
 */
export async function writeSession(sessionsDir, { id, task = 'a task', model = 'glm-4.1v-bench', outcome, steps }) {
  const { SessionRecorder } = await dist('sessions/recorder.js');
  const { SESSION_FORMAT_VERSION } = await dist('sessions/schema.js');
  const recorder = await SessionRecorder.create(sessionsDir, {
    formatVersion: SESSION_FORMAT_VERSION,
    id,
    task,
    backend: { kind: 'openai', model, baseUrl: null },
    display: { id: 'screen', bounds: { x: 0, y: 0, width: 64, height: 40 }, scaleFactor: 1 },
    maxSteps: steps.length,
    startedAt: '2026-11-21T10:00:00.000Z',
    endedAt: null,
    outcome: null,
    steps: 0,
    deskhandVersion: 'bench',
  });
  for (const [index, text] of steps.entries()) {
    const frame = await recorder.writeFrame(index + 1, await benchFrame(index), 'png');
    await recorder.appendStep(stepRecord(index + 1, frame, text));
  }
  await recorder.finish(outcome ?? { kind: 'done', message: 'Done.' }, new Date('2026-11-21T10:20:00.000Z'));
  return recorder.dir;
}
