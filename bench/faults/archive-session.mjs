// A small valid session as archive entries (session.json, steps.jsonl, one PNG frame), for the archive attacks to
// spoil one part at a time. Node only.
import { entry } from './zip-bytes.mjs';

/** A 1×1 PNG: a real frame, so a session built from it is one the product must accept. */
export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export function sessionInfo(id, fields = {}) {
  return {
    formatVersion: 1,
    id,
    task: 'hover over the cell',
    backend: { kind: 'openai', model: 'glm-bench', baseUrl: null },
    display: { id: 'screen', bounds: { x: 0, y: 0, width: 1, height: 1 }, scaleFactor: 1 },
    maxSteps: 5,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T00:00:05.000Z',
    outcome: { kind: 'done', message: 'Done.' },
    steps: 1,
    deskhandVersion: '0.1.0',
    ...fields,
  };
}

/** Step `step` of a hover run; `fields` override the record, `action` the action's fields. */
export function stepRecord(step, fields = {}, action = {}) {
  const nulls = { box: null, endBox: null, point: null, endPoint: null, keys: null, text: null };
  return {
    step,
    startedAt: '2026-01-01T00:00:01.000Z',
    frame: `frames/${String(step).padStart(4, '0')}.png`,
    frameSize: { width: 1, height: 1 },
    raw: '<answer>Hover.</answer>',
    thinking: 'The cell is there.',
    explanation: 'Hover the cell.',
    memory: '[]',
    action: { name: 'hover', ...nulls, direction: null, steps: null, elementInfo: 'cell', ...action },
    error: null,
    inputPoint: null,
    acted: true,
    timings: {
      captureMs: 1,
      encodeMs: 1,
      firstTokenMs: 1,
      generationMs: 1,
      parseMs: 1,
      actMs: 1,
      settleMs: 1,
      recordMs: 1,
    },
    usage: { promptTokens: null, completionTokens: null },
    ...fields,
  };
}

/** steps.jsonl for `records`, one line each. */
export function stepsFile(records) {
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}

/**
 * The entries of a valid one-step session `id`, as zip-bytes entries; `parts` replaces the session info fields
 * (`info`), the steps file text (`steps`) or adds entries (`extra`).
 */
export function sessionEntries(id, parts = {}) {
  const info = parts.infoText ?? JSON.stringify(sessionInfo(id, parts.info));
  return [
    entry('session.json', info, { method: 8 }),
    entry('steps.jsonl', parts.steps ?? stepsFile([stepRecord(1)]), { method: 8 }),
    entry('frames/0001.png', PNG_1X1),
    ...(parts.extra ?? []),
  ];
}
