// Small in-memory fakes of a backend and an operator, for fast unit tests of the agent loop.
import type { ChatBackend, ChatRequest, Delta } from '../../src/backends/chat-backend.js';
import type { Display, Frame, Operator } from '../../src/desktop/types.js';
import type { Action } from '../../src/glm/actions.js';

export interface ScriptedAnswer {
  reasoning?: string;
  answer: string;
}

/** A backend that streams scripted answers in small chunks, `delayMs` apart, honouring the abort signal. */
export class FakeBackend implements ChatBackend {
  readonly kind = 'fake';
  readonly model = 'fake-glm';
  readonly requests: ChatRequest[] = [];
  private next = 0;

  constructor(
    private readonly answers: ScriptedAnswer[],
    private readonly delayMs = 0,
  ) {}

  async *stream(request: ChatRequest, signal: AbortSignal): AsyncIterable<Delta> {
    this.requests.push(request);
    const scripted = this.answers[Math.min(this.next++, this.answers.length - 1)]!;
    for (const [type, text] of [
      ['reasoning-delta', scripted.reasoning ?? ''],
      ['text-delta', scripted.answer],
    ] as const) {
      for (let index = 0; index < text.length; index += 8) {
        if (this.delayMs > 0) await abortableDelay(this.delayMs, signal);
        signal.throwIfAborted();
        yield { type, text: text.slice(index, index + 8) };
      }
    }
    yield { type: 'finish', usage: { promptTokens: 10, completionTokens: 5 }, finishReason: 'stop' };
  }
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

export const FAKE_DISPLAY: Display = {
  id: 'fake-0',
  bounds: { x: 100, y: 0, width: 200, height: 100 },
  scaleFactor: 1,
  primary: true,
};

/** An operator whose screen is a solid colour; `changeScreenOnAction` makes each action change it. */
export class FakeOperator implements Operator {
  readonly executed: Array<{ action: Action; at: number }> = [];
  released = 0;
  private shade = 0;

  constructor(private readonly changeScreenOnAction = true) {}

  async displays(): Promise<Display[]> {
    return [FAKE_DISPLAY];
  }

  async capture(displayId: string, signal?: AbortSignal): Promise<Frame> {
    signal?.throwIfAborted();
    const { width, height } = FAKE_DISPLAY.bounds;
    return {
      displayId,
      pixels: Buffer.alloc(width * height * 4, this.shade),
      channelOrder: 'bgra',
      width,
      height,
      bounds: FAKE_DISPLAY.bounds,
      scaleFactor: 1,
      capturedAt: Date.now(),
    };
  }

  async execute(action: Action, _frame: Frame, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    this.executed.push({ action, at: performance.now() });
    if (this.changeScreenOnAction) this.shade = (this.shade + 40) % 256;
  }

  async settle(): Promise<number> {
    return 0;
  }

  async release(): Promise<void> {
    this.released += 1;
  }
}
