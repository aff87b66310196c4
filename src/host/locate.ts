// Locate mode: GLM-4.1V grounding on the current screen, recorded as a one-step session. Node only.
import { think } from '../agent/think.js';
import { emptyStepTimings } from '../agent/timing.js';
import { DEFAULT_IMAGE_FORMAT, encodeFrame, frameExtension } from '../desktop/encode.js';
import type { Display, Operator } from '../desktop/types.js';
import type { ChatBackend } from '../backends/chat-backend.js';
import { emptyAction } from '../glm/actions.js';
import { buildGroundingPrompt, parseGroundingBox } from '../glm/grounding.js';
import { stripMarkup } from '../run-protocol/markup-stripper.js';
import { SessionRecorder } from '../sessions/recorder.js';
import { newSessionInfo } from '../sessions/new-session.js';

export interface LocateRequest {
  query: string;
  backend: ChatBackend;
  baseUrl: string | null;
  operator: Operator;
  display: Display;
  sessionsDir: string;
}

export async function locateOnScreen(request: LocateRequest) {
  const { backend, operator, display } = request;
  const frame = await operator.capture(display.id);
  const image = await encodeFrame(frame, { format: DEFAULT_IMAGE_FORMAT });
  const recorder = await SessionRecorder.create(
    request.sessionsDir,
    newSessionInfo({ task: `Locate: ${request.query}`, backend, baseUrl: request.baseUrl, display, maxSteps: 1 }),
  );
  const framePath = await recorder.writeFrame(1, image.data, frameExtension(image.mime));
  const prompt = buildGroundingPrompt(request.query);
  const thought = await think(
    backend,
    { images: [image], prompt, maxTokens: 2048, temperature: 0.001 },
    AbortSignal.timeout(120_000),
    () => undefined,
  );
  const box = parseGroundingBox(thought.answer);
  await recorder.appendStep({
    step: 1,
    startedAt: new Date().toISOString(),
    frame: framePath,
    frameSize: { width: frame.width, height: frame.height },
    raw: thought.answer,
    thinking: thought.reasoning,
    explanation: stripMarkup(thought.answer).trim(),
    memory: '[]',
    action: emptyAction('none'),
    error: box ? null : 'The model gave no box.',
    inputPoint: null,
    acted: false,
    timings: { ...emptyStepTimings(), firstTokenMs: thought.firstTokenMs, generationMs: thought.generationMs },
    usage: thought.usage,
    grounding: { query: request.query, box },
  });
  await recorder.finish(
    box ? { kind: 'done', message: `Found at ${box.join(',')}` } : { kind: 'fail', message: 'Not found.' },
  );
  return { sessionId: recorder.id, frame: framePath, box, answer: thought.answer };
}
