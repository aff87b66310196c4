// Step phase 2: stream one answer from the backend, passing thinking and answer text on as it arrives. Node only.
import { BackendError, type ChatBackend, type ChatRequest, type Usage } from '../backends/chat-backend.js';
import { MAX_ANSWER_CHARS } from '../glm/parser.js';
import { elapsedMs } from './timing.js';

export interface Thought {
  /** The answer text as the model wrote it (with any inline <think> already split off by the backend). */
  answer: string;
  reasoning: string;
  firstTokenMs: number | null;
  generationMs: number;
  usage: Usage;
  /** The backend's finish reason: 'length' when the max-tokens limit cut the reply; null when it gave none. */
  finishReason: string | null;
}

/**
 * `tokens`: generated so far, this delta included (the server's running count when it sends one, else one a delta);
 * `elapsedMs`: since the request was sent.
 */
export type DeltaListener = (kind: 'reasoning' | 'answer', text: string, tokens: number, elapsedMs: number) => void;

export async function think(
  backend: ChatBackend,
  request: ChatRequest,
  signal: AbortSignal,
  onDelta: DeltaListener,
): Promise<Thought> {
  const start = performance.now();
  let firstTokenMs: number | null = null;
  let answer = '';
  let reasoning = '';
  let usage: Usage = { promptTokens: null, completionTokens: null };
  let finishReason: string | null = null;
  let tokens = 0;
  for await (const delta of backend.stream(request, signal)) {
    if (delta.type === 'finish') {
      usage = delta.usage;
      finishReason = delta.finishReason;
      continue;
    }
    const sinceStart = elapsedMs(start);
    firstTokenMs ??= sinceStart;
    // Each streamed delta is about one token (an SSE chunk, a local-engine token), unless the server counts.
    tokens = delta.completionTokens ?? tokens + 1;
    if (delta.type === 'reasoning-delta') reasoning += delta.text;
    else answer += delta.text;
    // 8192 tokens are about 40 KB of text: a stream far past that is a broken server, not an answer.
    if (reasoning.length + answer.length > MAX_ANSWER_CHARS) {
      throw new BackendError(
        'bad-response',
        `The model streamed more than ${MAX_ANSWER_CHARS.toLocaleString('en')} characters in one answer; ` +
          'the step stops here. Check the server, or lower --max-tokens.',
      );
    }
    onDelta(delta.type === 'reasoning-delta' ? 'reasoning' : 'answer', delta.text, tokens, sinceStart);
  }
  signal.throwIfAborted();
  return { answer, reasoning, firstTokenMs, generationMs: elapsedMs(start), usage, finishReason };
}
