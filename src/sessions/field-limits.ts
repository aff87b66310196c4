// How long each text field of a session may be: recorded runs are cut to it, imported sessions are refused over it.
import type { SessionInfo, StepRecord } from './schema.js';

/**
 * Characters per field. A step's answer is at most 8192 tokens (about 40 KB of text) and the stream is cut at 1 MB;
 * these leave room for any real answer while one imported session can no longer make every reply huge.
 */
export const FIELD_LIMITS = {
  task: 10_000,
  raw: 1_000_000,
  thinking: 1_000_000,
  explanation: 100_000,
  memory: 100_000,
  error: 10_000,
  text: 100_000,
  elementInfo: 2_000,
} as const;

/** How long a task is shown in the sessions list (one line each). */
export const LISTED_TASK_CHARS = 500;

/** `text` cut to `limit` characters, saying how much went. */
export function truncated(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const note = ` … [cut by Deskhand: ${(text.length - limit).toLocaleString('en')} more characters]`;
  return text.slice(0, Math.max(0, limit - note.length)) + note;
}

/** The step with every text field within its limit (recording never fails over a long answer). */
export function boundedStep(record: StepRecord): StepRecord {
  const { action } = record;
  return {
    ...record,
    raw: truncated(record.raw, FIELD_LIMITS.raw),
    thinking: truncated(record.thinking, FIELD_LIMITS.thinking),
    explanation: truncated(record.explanation, FIELD_LIMITS.explanation),
    memory: truncated(record.memory, FIELD_LIMITS.memory),
    error: record.error === null ? null : truncated(record.error, FIELD_LIMITS.error),
    action: {
      ...action,
      text: action.text === null ? null : truncated(action.text, FIELD_LIMITS.text),
      elementInfo: action.elementInfo === null ? null : truncated(action.elementInfo, FIELD_LIMITS.elementInfo),
    },
    ...(record.grounding
      ? { grounding: { ...record.grounding, query: truncated(record.grounding.query, FIELD_LIMITS.task) } }
      : {}),
  };
}

/** The first field over its limit in a session, as a sentence; null when all fit. */
export function fieldOverLimit(info: SessionInfo, steps: readonly StepRecord[]): string | null {
  const over = (where: string, value: string | null, limit: number) =>
    value !== null && value.length > limit
      ? `${where} is ${value.length.toLocaleString('en')} characters; a session holds at most ${limit.toLocaleString('en')}`
      : null;
  const first = over("The session's task", info.task, FIELD_LIMITS.task);
  if (first) return first;
  for (const step of steps) {
    const checks: Array<[string, string | null, number]> = [
      ['answer', step.raw, FIELD_LIMITS.raw],
      ['thinking', step.thinking, FIELD_LIMITS.thinking],
      ['explanation', step.explanation, FIELD_LIMITS.explanation],
      ['memory', step.memory, FIELD_LIMITS.memory],
      ['error', step.error, FIELD_LIMITS.error],
      ['typed text', step.action.text, FIELD_LIMITS.text],
      ['element info', step.action.elementInfo, FIELD_LIMITS.elementInfo],
      ['grounding query', step.grounding?.query ?? null, FIELD_LIMITS.task],
    ];
    for (const [name, value, limit] of checks) {
      const problem = over(`Step ${step.step}'s ${name}`, value, limit);
      if (problem) return problem;
    }
  }
  return null;
}
