// Turns the data of OpenAI-compatible chat-completion stream events into Deltas (reasoning, answer, finish). Node.
import { z } from 'zod';
import { createThinkSplitter } from '../glm/think-splitter.js';
import { BackendError, type Delta, type Usage } from './chat-backend.js';
import { thinkPartToDelta } from './think-part-delta.js';
import { badResponseError, serverDetail, type ServerContext } from './openai-errors.js';

/** One `chat.completion.chunk`, lenient as servers differ: unknown fields are ignored, most fields may be null. */
export const ChatCompletionChunk = z.object({
  choices: z
    .array(
      z.object({
        delta: z
          .object({
            content: z.string().nullish(),
            reasoning_content: z.string().nullish(),
            reasoning: z.string().nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  usage: z.object({ prompt_tokens: z.number().nullish(), completion_tokens: z.number().nullish() }).nullish(),
  error: z.unknown().optional(),
});
export type ChatCompletionChunk = z.infer<typeof ChatCompletionChunk>;

/** The stateful transform from event data to Deltas: `event` per SSE event, `end` when the stream is over. */
export interface ChunkTransform {
  event(data: string): Delta[];
  /** Flushes held text and emits `finish`; throws 'bad-response' when neither [DONE] nor a finish reason came. */
  end(sawDone: boolean): Delta[];
}

/**
 * Like vercel/ai's openai-compatible provider: `reasoning_content` (or vLLM's newer `reasoning`) becomes reasoning,
 * `content` goes through the think splitter for servers that leave `<think>` inline, and the finish part waits for
 * the end of the stream because usage comes in a last chunk of its own.
 */
export function createChunkTransform(context: ServerContext): ChunkTransform {
  const splitter = createThinkSplitter();
  let finishReason: string | null = null;
  let usage: Usage = { promptTokens: null, completionTokens: null };

  return {
    event(data) {
      if (data === '[DONE]') return [];
      const chunk = parseChunk(context, data);
      if (chunk.usage) {
        usage = {
          promptTokens: chunk.usage.prompt_tokens ?? null,
          completionTokens: chunk.usage.completion_tokens ?? null,
        };
      }
      const choice = chunk.choices?.[0];
      if (!choice) return [];
      finishReason = choice.finish_reason ?? finishReason;
      const deltas: Delta[] = [];
      const reasoning = choice.delta?.reasoning_content ?? choice.delta?.reasoning;
      if (reasoning) deltas.push({ type: 'reasoning-delta', text: reasoning });
      if (choice.delta?.content) deltas.push(...splitter.push(choice.delta.content).map(thinkPartToDelta));
      // A server that reports usage on every chunk (vLLM's continuous_usage_stats) says how far it has generated.
      const counted = chunk.usage?.completion_tokens;
      return typeof counted === 'number' ? deltas.map((delta) => ({ ...delta, completionTokens: counted })) : deltas;
    },
    end(sawDone) {
      if (!sawDone && finishReason === null) {
        throw badResponseError(context, 'closed the stream mid-answer (no finish reason, no [DONE])');
      }
      return [...splitter.end().map(thinkPartToDelta), { type: 'finish', usage, finishReason }];
    },
  };
}

function parseChunk(context: ServerContext, data: string): ChatCompletionChunk {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw badResponseError(context, `sent a stream event that is not JSON (${data.length} characters)`);
  }
  const result = ChatCompletionChunk.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'chunk';
    throw badResponseError(context, `sent a malformed stream chunk (${where}: ${issue?.message ?? 'invalid'})`);
  }
  if (result.data.error !== undefined && result.data.error !== null) {
    const detail = serverDetail(JSON.stringify({ error: result.data.error }), context.apiKey);
    throw new BackendError('server-error', `The model server at ${context.baseUrl} failed mid-answer: "${detail}".`);
  }
  return result.data;
}
