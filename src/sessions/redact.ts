// Keeps secrets out of session files: values the user marked as secret, and text shaped like an API key or a token.
// The patterns are narrow on purpose (prefixes, JWT shape, long hex, long mixed-case tokens) so prose stays intact.
import type { StepRecord } from './schema.js';

export const REDACTED = '[redacted]';

const TOKEN_SHAPES: RegExp[] = [
  /\bsk-[A-Za-z0-9_-]{16,}/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  /(?<![A-Za-z0-9_-])[0-9a-fA-F]{32,}(?![A-Za-z0-9_-])/g,
];

/** 32+ characters of a base64 or base64url alphabet without a break, which words and paths never are. */
const LONG_TOKEN = /(?<![A-Za-z0-9+_=-])[A-Za-z0-9+_=-]{32,}(?![A-Za-z0-9+_=-])/g;

function looksRandom(token: string): boolean {
  return /[A-Z]/.test(token) && /[a-z]/.test(token) && /[0-9]/.test(token);
}

export class Redactor {
  private readonly values = new Set<string>();

  /** Marks `value` as secret: from now on it is replaced wherever it appears. */
  markSecret(value: string): void {
    if (value !== '') this.values.add(value);
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so that a secret containing another one is replaced whole.
    for (const value of [...this.values].sort((a, b) => b.length - a.length))
      result = result.split(value).join(REDACTED);
    for (const shape of TOKEN_SHAPES) result = result.replace(shape, REDACTED);
    return result.replace(LONG_TOKEN, (token) => (looksRandom(token) ? REDACTED : token));
  }

  /** The step with every free-text field redacted. */
  redactStep(record: StepRecord): StepRecord {
    const text = (value: string | null) => (value === null ? null : this.redact(value));
    return {
      ...record,
      raw: this.redact(record.raw),
      thinking: this.redact(record.thinking),
      explanation: this.redact(record.explanation),
      memory: this.redact(record.memory),
      error: text(record.error),
      action: { ...record.action, text: text(record.action.text), elementInfo: text(record.action.elementInfo) },
      ...(record.grounding ? { grounding: { ...record.grounding, query: this.redact(record.grounding.query) } } : {}),
    };
  }
}
