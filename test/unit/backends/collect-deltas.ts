// Test helper: drains a ChatBackend stream into joined reasoning, answer text and the finish part. Node.
import type { ChatRequest, Delta } from '../../../src/backends/chat-backend.js';

export interface CollectedStream {
  reasoning: string;
  text: string;
  finish: Extract<Delta, { type: 'finish' }> | undefined;
  deltas: Delta[];
}

export async function collectDeltas(stream: AsyncIterable<Delta>): Promise<CollectedStream> {
  const deltas: Delta[] = [];
  for await (const delta of stream) deltas.push(delta);
  const join = (type: 'reasoning-delta' | 'text-delta'): string =>
    deltas.flatMap((delta) => (delta.type === type ? [delta.text] : [])).join('');
  const finish = deltas.find((delta): delta is Extract<Delta, { type: 'finish' }> => delta.type === 'finish');
  return { reasoning: join('reasoning-delta'), text: join('text-delta'), finish, deltas };
}

/** Resolves to the error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** A small request: two tiny "images" and a prompt. */
export function sampleRequest(overrides: Partial<ChatRequest> = {}): ChatRequest {
  return {
    images: [
      { mime: 'image/png', data: Buffer.from('first-png'), width: 4, height: 2 },
      { mime: 'image/jpeg', data: Buffer.from('second-jpeg'), width: 2, height: 1 },
    ],
    prompt: 'Open the Files app.',
    maxTokens: 8192,
    temperature: 0.001,
    ...overrides,
  };
}
