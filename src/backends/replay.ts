// The ChatBackend that replays recorded model answers from a JSONL file, streamed in small chunks. Node.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { createThinkSplitter } from '../glm/think-splitter.js';
import { sleep, throwIfAborted } from '../abortable.js';
import { BackendError, type ChatBackend, type Delta } from './chat-backend.js';
import { thinkPartToDelta } from './think-part-delta.js';

/**
 * One line of a replay file: the raw answer as a JSON string (may hold inline `<think>…</think>`), or an object
 * with the answer, its reasoning apart, and optionally the model name to record (the first one found is used).
 */
export const ReplayLine = z.union([
  z.string(),
  z.object({ answer: z.string(), reasoning: z.string().optional(), model: z.string().optional() }),
]);
export type ReplayLine = z.infer<typeof ReplayLine>;

export interface ReplayBackendOptions {
  /** Characters per streamed delta (default 16), so listeners see text arrive piece by piece. */
  chunkSize?: number;
  /** Pause between deltas in ms (default 0). */
  chunkDelayMs?: number;
}

const EXPECTED_LINE = 'a JSON string (the raw answer) or an object {"answer": string, "reasoning"?: string}';

/** Reads `file` now (so a bad file fails before the run starts); each stream() call replays the next answer. */
export async function createReplayBackend(file: string, options: ReplayBackendOptions = {}): Promise<ChatBackend> {
  const lines = parseReplayFile(file, await readReplayFile(file));
  const chunkSize = Math.max(1, options.chunkSize ?? 16);
  const chunkDelayMs = options.chunkDelayMs ?? 0;
  const model = lines.flatMap((line) => (typeof line === 'string' || line.model === undefined ? [] : [line.model]));
  let next = 0;

  async function* stream(signal: AbortSignal): AsyncGenerator<Delta> {
    throwIfAborted(signal);
    const line = lines[next];
    if (line === undefined) {
      throw new BackendError(
        'replay-exhausted',
        `The replay file ${file} has ${lines.length} ${lines.length === 1 ? 'answer' : 'answers'}; the run needed more.`,
      );
    }
    next += 1;
    for (const delta of replayDeltas(line, chunkSize)) {
      if (chunkDelayMs > 0) await sleep(chunkDelayMs, signal);
      throwIfAborted(signal);
      yield delta;
    }
    yield { type: 'finish', usage: { promptTokens: null, completionTokens: null }, finishReason: 'stop' };
  }

  return {
    kind: 'replay',
    model: model[0] ?? 'replay',
    stream: (_request, signal) => stream(signal),
  };
}

/** Parses the JSONL text of a replay file; blank lines are skipped, any bad line is a 'config' error. */
export function parseReplayFile(file: string, text: string): ReplayLine[] {
  const lines: ReplayLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const where = `${file}:${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new BackendError('config', `Replay file ${where} is not valid JSON; each line must be ${EXPECTED_LINE}.`);
    }
    const result = ReplayLine.safeParse(json);
    if (!result.success) {
      throw new BackendError('config', `Replay file ${where} has the wrong shape; each line must be ${EXPECTED_LINE}.`);
    }
    lines.push(result.data);
  });
  return lines;
}

async function readReplayFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new BackendError('config', `Cannot read the replay file ${file} (${reason}). Check --replay.`);
  }
}

/** The deltas of one answer: separate reasoning first, then the answer through the think splitter, in chunks. */
function* replayDeltas(line: ReplayLine, chunkSize: number): Generator<Delta> {
  const answer = typeof line === 'string' ? line : line.answer;
  const reasoning = typeof line === 'string' ? '' : (line.reasoning ?? '');
  for (const piece of chunkText(reasoning, chunkSize)) yield { type: 'reasoning-delta', text: piece };
  const splitter = createThinkSplitter();
  for (const piece of chunkText(answer, chunkSize)) yield* splitter.push(piece).map(thinkPartToDelta);
  yield* splitter.end().map(thinkPartToDelta);
}

/** Splits text into pieces of at most `size` code points (never halving a surrogate pair). */
function chunkText(text: string, size: number): string[] {
  const codePoints = Array.from(text);
  const pieces: string[] = [];
  for (let start = 0; start < codePoints.length; start += size)
    pieces.push(codePoints.slice(start, start + size).join(''));
  return pieces;
}
