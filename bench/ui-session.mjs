// Writes a long recorded session for the UI benchmark through the built SessionRecorder, with real JPEG frames. Node.
import sharp from 'sharp';

const FRAME_WIDTH = 480;
const FRAME_HEIGHT = 270;
const DISTINCT_FRAMES = 8;

/** A small JPEG with a gradient and noise tinted by `seed`, so frames differ and compress like screenshots. */
async function benchFrame(seed) {
  const pixels = Buffer.alloc(FRAME_WIDTH * FRAME_HEIGHT * 3);
  for (let offset = 0; offset < pixels.length; offset += 3) {
    const pixel = offset / 3;
    pixels[offset] = ((pixel % FRAME_WIDTH) + seed * 29) % 256;
    pixels[offset + 1] = (Math.floor(pixel / FRAME_WIDTH) + seed * 53) % 256;
    pixels[offset + 2] = (pixel * 2654435761) >>> 24;
  }
  return sharp(pixels, { raw: { width: FRAME_WIDTH, height: FRAME_HEIGHT, channels: 3 } })
    .jpeg({ quality: 75 })
    .toBuffer();
}

function stepRecord(step, frame) {
  const point = step % 2 ? [1200, 300] : [400, 700];
  const thinking = `Step ${step}: the table is open; I will hover the next cell to read its tooltip.`;
  return {
    step,
    startedAt: new Date(Date.UTC(2026, 10, 21, 10, 0, step)).toISOString(),
    frame,
    frameSize: { width: FRAME_WIDTH, height: FRAME_HEIGHT },
    raw: `<think>${thinking}</think><answer>Hover cell ${step}.</answer>`,
    thinking,
    explanation: `Hover cell ${step}.`,
    memory: '[]',
    action: {
      name: 'hover',
      box: step % 2 ? [625, 278] : [208, 648],
      endBox: null,
      point,
      endPoint: null,
      keys: null,
      text: null,
      direction: null,
      steps: null,
      elementInfo: `cell ${step}`,
    },
    error: null,
    inputPoint: { x: point[0], y: point[1] },
    acted: true,
    timings: {
      captureMs: 12,
      encodeMs: 30,
      firstTokenMs: 250,
      generationMs: 1800,
      parseMs: 0.4,
      actMs: 3,
      settleMs: 140,
      recordMs: null,
    },
    usage: { promptTokens: 3100, completionTokens: 420 },
  };
}

/** Records a finished session of `steps` hover steps under `sessionsDir`. */
export async function writeLongSession(sessionsDir, { id, task, steps }) {
  const { SessionRecorder } = await import('../dist/src/sessions/recorder.js');
  const { SESSION_FORMAT_VERSION } = await import('../dist/src/sessions/schema.js');
  const frames = await Promise.all(Array.from({ length: DISTINCT_FRAMES }, (_, seed) => benchFrame(seed)));
  const recorder = await SessionRecorder.create(sessionsDir, {
    formatVersion: SESSION_FORMAT_VERSION,
    id,
    task,
    backend: { kind: 'openai', model: 'glm-4.1v-bench', baseUrl: null },
    display: { id: 'screen', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 },
    maxSteps: steps,
    startedAt: '2026-11-21T10:00:00.000Z',
    endedAt: null,
    outcome: null,
    steps: 0,
    deskhandVersion: 'bench',
  });
  for (let step = 1; step <= steps; step++) {
    const frame = await recorder.writeFrame(step, frames[step % DISTINCT_FRAMES], 'jpg');
    await recorder.appendStep(stepRecord(step, frame));
  }
  await recorder.finish({ kind: 'done', message: 'All cells inspected.' }, new Date('2026-11-21T10:20:00.000Z'));
}
