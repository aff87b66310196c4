// Says when "max tokens per step" cut a reply, so an unusable answer names its cause and the fix. Pure.
import type { ParsedAnswer } from '../glm/actions.js';

/**
 * A reply the token limit cut (finish reason `length`) that left no action gets an error naming the limit; any other
 * parse result is returned as it is (a cut that still held an action lost only its tail).
 */
export function explainTokenLimit(parsed: ParsedAnswer, finishReason: string | null, maxTokens: number): ParsedAnswer {
  if (finishReason !== 'length' || parsed.action.name !== 'none') return parsed;
  const limit =
    `The reply was cut at the limit of max tokens per step (${maxTokens}) before it held an action: raise the ` +
    'limit (Settings → Agent loop, or --max-tokens), or check the model if it rambles.';
  return { ...parsed, error: parsed.error ? `${limit} (${parsed.error})` : limit };
}
