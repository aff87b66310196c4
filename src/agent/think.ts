// Step phase 2: stream one answer from the backend, passing thinking and answer text on as it arrives. Node only.
import type { ChatBackend, ChatRequest, Usage } from '../backends/chat-backend.js';
import { elapsedMs } from './timing.js';

export interface Thought {
  /** The answer text as the model wrote it (with any inline <think> already split off by the backend). */
  answer: string;
  reasoning: string;
  firstTokenMs: number | null;
  generationMs: number;
  usage: Usage;
}

export type DeltaListener = (kind: 'reasoning' | 'answer', text: string) => void;

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
  for await (const delta of backend.stream(request, signal)) {
    if (delta.type === 'finish') {
      usage = delta.usage;
      continue;
    }
    firstTokenMs ??= elapsedMs(start);
    if (delta.type === 'reasoning-delta') reasoning += delta.text;
    else answer += delta.text;
    onDelta(delta.type === 'reasoning-delta' ? 'reasoning' : 'answer', delta.text);
  }
  signal.throwIfAborted();
  return { answer, reasoning, firstTokenMs, generationMs: elapsedMs(start), usage };
}
