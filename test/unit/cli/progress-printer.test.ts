import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonPrinter, textPrinter } from '../../../src/cli/progress-printer.js';
import { emptyAction } from '../../../src/glm/actions.js';
import { RunEvent } from '../../../src/run-protocol/run-events.js';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

const EVENTS: RunEvent[] = [
  { type: 'step-start', step: 1 },
  { type: 'reasoning-delta', step: 1, text: 'Look at ' },
  { type: 'reasoning-delta', step: 1, text: 'the form.' },
  { type: 'text-delta', step: 1, text: '<answer>' },
  { type: 'text-delta', step: 1, text: 'Click OK.\n<|begin_of_box|>' },
  { type: 'text-delta', step: 1, text: "left_click(start_box='[500,500]')<|end_of_box|></answer>" },
  {
    type: 'action-parsed',
    step: 1,
    action: { ...emptyAction('left_click'), box: [500, 500], point: [960, 540], elementInfo: 'OK' },
    explanation: 'Click OK.',
    error: null,
    inputPoint: { x: 960, y: 540 },
  },
  { type: 'run-end', outcome: { kind: 'done', message: 'Finished.' }, steps: 1, sessionId: 's' },
];

describe('progress printers', () => {
  it('text: streams thinking and the answer without markup, then the action and outcome', () => {
    const out = capture();
    const print = textPrinter(out.stream, false);
    EVENTS.forEach(print);
    expect(out.text()).toBe(
      '\n── step 1 ──\nthinking:\nLook at the form.\nanswer:\nClick OK.\nleft_click(start_box=\'[500,500]\')\n→ left_click on "OK" at 960,540\n\nDONE: Finished. (1 steps)\n',
    );
  });

  it('json: one schema-valid event per line, raw text kept', () => {
    const out = capture();
    const print = jsonPrinter(out.stream);
    EVENTS.forEach(print);
    const lines = out.text().trim().split('\n');
    expect(lines.map((line) => RunEvent.parse(JSON.parse(line)))).toEqual(EVENTS);
  });
});

describe('progress printer and markup split across chunks', () => {
  it('text: prints no markup when every tag arrives in two chunks', () => {
    const out = capture();
    const print = textPrinter(out.stream, false);
    const answer = "<answer>Click OK.\n<|begin_of_box|>left_click(start_box='[500,500]')<|end_of_box|></answer>";
    print({ type: 'step-start', step: 1 });
    for (const piece of answer.match(/[\s\S]{1,5}/g)!) print({ type: 'text-delta', step: 1, text: piece });
    print({ type: 'run-end', outcome: { kind: 'done', message: 'Finished.' }, steps: 1, sessionId: 's' });
    expect(out.text()).toBe(
      "\n── step 1 ──\nanswer:\nClick OK.\nleft_click(start_box='[500,500]')\nDONE: Finished. (1 steps)\n",
    );
  });
});
