// The tiny model's tokenizer files: a byte-level BPE shaped like GLM-4's, with every GLM special token. Node only.
import { GLM41V_CHAT_TEMPLATE } from './chat-template.js';
import { SPECIAL_TOKENS } from './special-tokens.js';

/**
 * GLM-4's pre-tokenizer split (ChatGLM4Tokenizer's tiktoken pattern, the cl100k one), so text is cut into words
 * the way the real tokenizer cuts it before byte-level BPE.
 */
export const GLM4_SPLIT_PATTERN =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

/** Words the tiny BPE learns whole (each prefix becomes a merge), taken from the GUI-agent answers it will see. */
const MERGED_WORDS = [' the', ' click', 'left', '_click', ' type', 'start', '_box', 'Memory', 'DONE', 'ing', 'hello'];

/** The tiny vocabulary: id → token string (256 bytes, then merges, then the special tokens). */
export interface TinyVocabulary {
  tokens: string[];
  merges: Array<[string, string]>;
  firstSpecialId: number;
}

/** GPT-2's bytes_to_unicode: each byte as a printable character, the alphabet of every byte-level BPE. */
export function byteToSymbol(): string[] {
  const printable = (byte: number) =>
    (byte >= 0x21 && byte <= 0x7e) || (byte >= 0xa1 && byte <= 0xac) || (byte >= 0xae && byte <= 0xff);
  const symbols: string[] = [];
  let shifted = 0;
  for (let byte = 0; byte < 256; byte++) {
    symbols.push(String.fromCodePoint(printable(byte) ? byte : 256 + shifted++));
  }
  return symbols;
}

/** Byte ids are the byte values (as in GLM-4's tiktoken ranks); merges build each word left to right. */
export function buildVocabulary(): TinyVocabulary {
  const symbols = byteToSymbol();
  const tokens = [...symbols];
  const known = new Set(tokens);
  const merges: Array<[string, string]> = [];
  for (const word of MERGED_WORDS) {
    const pieces = Array.from(new TextEncoder().encode(word), (byte) => symbols[byte]!);
    let current = pieces[0]!;
    for (const piece of pieces.slice(1)) {
      const merged = current + piece;
      if (!known.has(merged)) {
        merges.push([current, piece]);
        tokens.push(merged);
        known.add(merged);
      }
      current = merged;
    }
  }
  const firstSpecialId = tokens.length;
  tokens.push(...SPECIAL_TOKENS.map((token) => token.content));
  return { tokens, merges, firstSpecialId };
}

/** tokenizer.json in the HF `tokenizers` format that transformers.js and HF Python both load. */
export function tokenizerJson(vocabulary: TinyVocabulary): object {
  const { tokens, merges, firstSpecialId } = vocabulary;
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: tokens.slice(firstSpecialId).map((content, index) => ({
      id: firstSpecialId + index,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: null,
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [
        { type: 'Split', pattern: { Regex: GLM4_SPLIT_PATTERN }, behavior: 'Isolated', invert: false },
        byteLevel,
      ],
    },
    // Offsets only, no TemplateProcessing: the chat template writes `[gMASK]<sop>` itself, and Glm46VProcessor
    // tokenizes with special tokens on, so a post-processor prefix would double it.
    post_processor: byteLevel,
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab: Object.fromEntries(tokens.slice(0, firstSpecialId).map((token, id) => [token, id])),
      merges,
    },
  };
}

/** tokenizer_config.json: the fast-tokenizer class, eos/pad, every special token and the official chat template. */
export function tokenizerConfigJson(vocabulary: TinyVocabulary): object {
  const { tokens, firstSpecialId } = vocabulary;
  const specials = tokens.slice(firstSpecialId);
  const decoder = (content: string, index: number) => [
    String(firstSpecialId + index),
    { content, lstrip: false, normalized: false, rstrip: false, single_word: false, special: true },
  ];
  return {
    added_tokens_decoder: Object.fromEntries(specials.map(decoder)),
    additional_special_tokens: specials.filter((content) => content !== '<|endoftext|>'),
    chat_template: GLM41V_CHAT_TEMPLATE,
    clean_up_tokenization_spaces: false,
    do_lower_case: false,
    eos_token: '<|endoftext|>',
    pad_token: '<|endoftext|>',
    model_input_names: ['input_ids', 'attention_mask'],
    model_max_length: 65536,
    padding_side: 'left',
    remove_space: false,
    tokenizer_class: 'PreTrainedTokenizerFast',
  };
}
