// The tokenizer side of generation: local tokenizer, GLM-4.1V prompt ids, special ids, streamed text. Node only.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PreTrainedTokenizer } from '@huggingface/transformers';

/** Loads the folder's tokenizer with transformers.js, from disk only (never the Hub). */
export async function loadTokenizer(dir: string): Promise<PreTrainedTokenizer> {
  const { AutoTokenizer, env } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  return AutoTokenizer.from_pretrained(dir, { local_files_only: true });
}

const IMAGE_SLOT = '<|begin_of_image|><|image|><|end_of_image|>';

/**
 * The official GLM-4.1V chat template (glm41v.md §2) rendered for one user message holding `imageCount` images
 * and then the text, with the generation prompt:
 * `[gMASK]<sop><|user|>\n<|begin_of_image|><|image|><|end_of_image|>…PROMPT<|assistant|>\n`.
 */
export function renderUserTurn(imageCount: number, prompt: string): string {
  return `[gMASK]<sop><|user|>\n${IMAGE_SLOT.repeat(imageCount)}${prompt}<|assistant|>\n`;
}

/**
 * The prompt's token ids, each image's single `<|image|>` expanded to its `imageTokens[i]` copies. HF's processor
 * (processing_glm4v.py replace_image_token, transformers.js Qwen2VLProcessor) expands the text before tokenizing;
 * expanding the ids after is the same because `<|image|>` is an added token, split out before BPE, and it avoids
 * tokenizing thousands of placeholders. The template already holds `[gMASK]<sop>`, so no special tokens are added.
 */
export function promptTokenIds(
  tokenizer: PreTrainedTokenizer,
  imageTokenId: number,
  imageTokens: readonly number[],
  prompt: string,
  assistantPrefix = '',
): number[] {
  const ids = tokenizer.encode(renderUserTurn(imageTokens.length, prompt) + assistantPrefix, {
    add_special_tokens: false,
  });
  const slots = ids.filter((id) => id === imageTokenId).length;
  if (slots !== imageTokens.length) {
    throw new Error(
      `The prompt has ${slots} <|image|> tokens for ${imageTokens.length} images; ` +
        'the prompt text must not contain <|image|>.',
    );
  }
  let image = 0;
  return ids.flatMap((id) => (id === imageTokenId ? Array<number>(imageTokens[image++]!).fill(id) : [id]));
}

/** The id of `token` in the tokenizer's vocabulary (added tokens included), or null when it has none. */
export function tokenId(tokenizer: PreTrainedTokenizer, token: string): number | null {
  return tokenizer.get_vocab().get(token) ?? null;
}

/** The ids generation treats specially. */
export interface SpecialIds {
  /** Ids that end generation: config.json's and generation_config.json's eos ids, plus `</answer>`. */
  stop: Set<number>;
  /** Stop ids that end the turn unseen (vLLM's default); `</answer>` closes the answer, so it is streamed. */
  silentStop: Set<number>;
  thinkOpen: number | null;
  thinkClose: number | null;
  /** The ids of `</think><answer>`, forced in when the thinking budget is spent. */
  forcedAnswer: number[];
}

/**
 * Reads the special ids of a folder. HF generate stops on generation_config.json's eos ids; `</answer>` is added
 * because GLM-4.1V ends its answer there (LLaMA-Factory's glm4v stop words, glm41v.md §2) whether or not the
 * folder lists it.
 */
export async function specialIds(
  dir: string,
  tokenizer: PreTrainedTokenizer,
  configEos: readonly number[],
): Promise<SpecialIds> {
  const file = join(dir, 'generation_config.json');
  const text = await readFile(file, 'utf8').catch(() => null);
  let eos: unknown;
  try {
    eos = text === null ? undefined : (JSON.parse(text) as { eos_token_id?: unknown }).eos_token_id;
  } catch {
    throw new Error(`${file}: not valid JSON`);
  }
  const answerClose = tokenId(tokenizer, '</answer>');
  const stop = new Set([...configEos, ...(Array.isArray(eos) ? eos : [eos]).filter(Number.isInteger)] as number[]);
  if (answerClose !== null) stop.add(answerClose);
  return {
    stop,
    silentStop: new Set([...stop].filter((id) => id !== answerClose)),
    thinkOpen: tokenId(tokenizer, '<think>'),
    thinkClose: tokenId(tokenizer, '</think>'),
    forcedAnswer: tokenizer.encode('</think><answer>', { add_special_tokens: false }),
  };
}

/** Turns generated ids into text as they arrive. */
export interface TextStream {
  /** Adds one token; returns the text that is now certain (possibly ''). */
  push(id: number): string;
  /** Returns whatever was held back (an unfinished UTF-8 sequence), once, at the end. */
  flush(): string;
}

/**
 * Incremental detokenizing as in HF text-generation-inference (`decode_token`): decode from a prefix offset and
 * emit only what extends the previous text, holding back text that ends in U+FFFD (a UTF-8 sequence split across
 * byte-level tokens). Special tokens are kept so `<think>`, `</think>`, `<answer>` and box tokens reach the parser.
 * The joined output equals decoding all ids at once, since byte-level decoding is concatenative.
 */
export function createTextStream(tokenizer: PreTrainedTokenizer): TextStream {
  const ids: number[] = [];
  let prefixOffset = 0;
  let readOffset = 0;
  // transformers.js refuses to decode an empty list.
  const decode = (from: number, to = ids.length) =>
    from >= to
      ? ''
      : tokenizer.decode(ids.slice(from, to), { skip_special_tokens: false, clean_up_tokenization_spaces: false });

  function take(final: boolean): string {
    const prefix = decode(prefixOffset, readOffset);
    const text = decode(prefixOffset);
    if (text.length <= prefix.length || (!final && text.endsWith('\uFFFD'))) return '';
    prefixOffset = readOffset;
    readOffset = ids.length;
    return text.slice(prefix.length);
  }

  return {
    push(id) {
      ids.push(id);
      return take(false);
    },
    flush() {
      return take(true);
    },
  };
}

/** The text of one answer: streams each id's text to `onToken` (ids in `silent` stay unseen) and joins it. */
export function createTextOutput(
  text: TextStream,
  silent: ReadonlySet<number>,
  onToken: ((textDelta: string) => void) | undefined,
): { stream: (id: number) => void; end: () => string } {
  const pieces: string[] = [];
  const emit = (piece: string) => {
    if (piece === '') return;
    pieces.push(piece);
    onToken?.(piece);
  };
  return {
    stream: (id) => {
      if (!silent.has(id)) emit(text.push(id));
    },
    end: () => {
      emit(text.flush());
      return pieces.join('');
    },
  };
}
