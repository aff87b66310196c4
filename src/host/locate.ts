// Locate mode: GLM-4.1V grounding on the current screen, recorded as a one-step session. Node only.
import { think } from '../agent/think.js';
import { encodeFrame } from '../desktop/encode.js';
import type { Display, Operator } from '../desktop/types.js';
import type { ChatBackend } from '../backends/chat-backend.js';
import { emptyAction } from '../glm/actions.js';
import { buildGroundingPrompt, parseGroundingBox } from '../glm/grounding.js';
import { SessionRecorder } from '../sessions/recorder.js';
import { newSessionId, redactUrl } from '../sessions/paths.js';
import { SESSION_FORMAT_VERSION } from '../sessions/schema.js';
import { VERSION } from '../cli/version.js';

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
  const image = await encodeFrame(frame, { format: 'jpeg' });
  const recorder = await SessionRecorder.create(request.sessionsDir, {
    formatVersion: SESSION_FORMAT_VERSION,
    id: newSessionId(),
    task: `Locate: ${request.query}`,
    backend: { kind: backend.kind, model: backend.model, baseUrl: redactUrl(request.baseUrl) },
    display: { id: display.id, bounds: display.bounds, scaleFactor: display.scaleFactor },
    maxSteps: 1,
    startedAt: new Date().toISOString(),
    endedAt: null,
    outcome: null,
    steps: 0,
    deskhandVersion: VERSION,
  });
  const framePath = await recorder.writeFrame(1, image.data, 'jpg');
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
    explanation: thought.answer.replace(/<\/?answer>|<\|(begin|end)_of_box\|>/g, '').trim(),
    memory: '[]',
    action: emptyAction('none'),
    error: box ? null : 'The model gave no box.',
    inputPoint: null,
    acted: false,
    timings: {
      captureMs: null,
      encodeMs: null,
      firstTokenMs: thought.firstTokenMs,
      generationMs: thought.generationMs,
      parseMs: null,
      actMs: null,
      settleMs: null,
      recordMs: null,
    },
    usage: thought.usage,
  });
  await recorder.finish(
    box ? { kind: 'done', message: `Found at ${box.join(',')}` } : { kind: 'fail', message: 'Not found.' },
  );
  return { sessionId: recorder.id, frame: framePath, box, answer: thought.answer };
}
