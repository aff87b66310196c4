// Writes a session through the real SessionRecorder with real image frames, for report and archive tests. Node only.
import sharp from 'sharp';
import { emptyAction, type Action } from '../../src/glm/actions.js';
import type { Outcome } from '../../src/run-protocol/run-events.js';
import { SessionRecorder } from '../../src/sessions/recorder.js';
import { SESSION_FORMAT_VERSION, type StepRecord } from '../../src/sessions/schema.js';

export interface SessionStepInput {
  frame: Buffer;
  extension?: 'jpg' | 'png';
  action?: Partial<Action>;
  thinking?: string;
  explanation?: string;
  error?: string | null;
  /** Overrides the recorded frame path (to test hostile step records). */
  framePath?: string;
}

export interface SessionInput {
  id: string;
  task?: string;
  baseUrl?: string | null;
  steps: SessionStepInput[];
  /** undefined: the run ends with DONE; null: the run never closes the session (killed). */
  outcome?: Outcome | null;
}

/** Records `input` under `sessionsDir` and returns the session folder. */
export async function writeSession(sessionsDir: string, input: SessionInput): Promise<string> {
  const recorder = await SessionRecorder.create(sessionsDir, {
    formatVersion: SESSION_FORMAT_VERSION,
    id: input.id,
    task: input.task ?? 'fill in the form',
    backend: { kind: 'openai', model: 'glm-4.1v-test', baseUrl: input.baseUrl ?? null },
    display: { id: 'screen', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 },
    maxSteps: 60,
    startedAt: '2026-11-21T10:00:00.000Z',
    endedAt: null,
    outcome: null,
    steps: 0,
    deskhandVersion: '0.1.0',
  });
  for (const [index, step] of input.steps.entries()) {
    const number = index + 1;
    const written = await recorder.writeFrame(number, step.frame, step.extension ?? 'jpg');
    const { width = 0, height = 0 } = await sharp(step.frame).metadata();
    await recorder.appendStep(stepRecord(number, step.framePath ?? written, { width, height }, step));
  }
  if (input.outcome !== null) await recorder.finish(input.outcome ?? { kind: 'done', message: 'All done.' });
  return recorder.dir;
}

function stepRecord(
  step: number,
  frame: string,
  frameSize: { width: number; height: number },
  input: SessionStepInput,
): StepRecord {
  const action = { ...emptyAction('left_click'), box: [500, 500], point: [960, 540], ...input.action } as Action;
  return {
    step,
    startedAt: `2026-11-21T10:00:${String(step % 60).padStart(2, '0')}.000Z`,
    frame,
    frameSize,
    raw: `<think>${input.thinking ?? 'thinking'}</think><answer>${input.explanation ?? 'ok'}</answer>`,
    thinking: input.thinking ?? `Step ${step}: the screen shows the form.`,
    explanation: input.explanation ?? `Do step ${step}.`,
    memory: '[]',
    action,
    error: input.error ?? null,
    inputPoint: action.point ? { x: action.point[0], y: action.point[1] } : null,
    acted: action.name !== 'done',
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

/** A real JPEG (or PNG) of `width`×`height` with a gradient and noise, so it compresses like a screenshot. */
export async function testFrame(width: number, height: number, format: 'jpeg' | 'png' = 'jpeg'): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let index = 0; index < pixels.length; index += 3) {
    const pixel = index / 3;
    pixels[index] = (pixel % width) % 256;
    pixels[index + 1] = Math.floor(pixel / width) % 256;
    pixels[index + 2] = (pixel * 2654435761) >>> 24;
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return format === 'jpeg' ? image.jpeg({ quality: 80 }).toBuffer() : image.png().toBuffer();
}
