// Unit tests for the replay backend: line formats, think splitting, exhaustion, bad lines, abort. Node.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackendError } from '../../../src/backends/chat-backend.js';
import { createReplayBackend, ReplayLine } from '../../../src/backends/replay.js';
import { collectDeltas, rejectionOf, sampleRequest } from './collect-deltas.js';

const directory = mkdtempSync(join(tmpdir(), 'deskhand-replay-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let fileCount = 0;
function replayFile(lines: string[]): string {
  const file = join(directory, `answers-${fileCount++}.jsonl`);
  writeFileSync(file, lines.join('\n'));
  return file;
}

const INLINE =
  "<think>The button is at the top.</think><answer>Click.\n<|begin_of_box|>left_click(start_box='[1,2]')<|end_of_box|>\nMemory:\n[]</answer>";
const never = new AbortController().signal;

describe('createReplayBackend', () => {
  it('replays string and object lines in order, splitting inline thinking, in small chunks', async () => {
    const file = replayFile([
      JSON.stringify(INLINE),
      '',
      JSON.stringify({ answer: '<answer>DONE()</answer>', reasoning: 'All done.' }),
    ]);
    const backend = await createReplayBackend(file, { chunkSize: 4 });
    expect([backend.kind, backend.model]).toEqual(['replay', 'replay']);
    const first = await collectDeltas(backend.stream(sampleRequest(), never));
    expect([first.reasoning, first.text]).toEqual([
      'The button is at the top.',
      INLINE.slice(INLINE.indexOf('<answer>')),
    ]);
    expect(first.deltas.length).toBeGreaterThan(20);
    expect(first.finish).toEqual({
      type: 'finish',
      usage: { promptTokens: null, completionTokens: null },
      finishReason: 'stop',
    });
    const second = await collectDeltas(backend.stream(sampleRequest(), never));
    expect(second.deltas.slice(0, 3)).toEqual([
      { type: 'reasoning-delta', text: 'All ' },
      { type: 'reasoning-delta', text: 'done' },
      { type: 'reasoning-delta', text: '.' },
    ]);
    expect(second.text).toBe('<answer>DONE()</answer>');
  });

  it('records the model named in the file', async () => {
    const backend = await createReplayBackend(
      replayFile([JSON.stringify({ answer: 'x', model: 'glm-4.1v-9b-thinking' })]),
    );
    expect(backend.model).toBe('glm-4.1v-9b-thinking');
  });

  it("fails with 'replay-exhausted' when the run needs more answers than the file has", async () => {
    const file = replayFile([JSON.stringify('<answer>WAIT()</answer>')]);
    const backend = await createReplayBackend(file);
    await collectDeltas(backend.stream(sampleRequest(), never));
    const error = await rejectionOf(collectDeltas(backend.stream(sampleRequest(), never)));
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({
      code: 'replay-exhausted',
      message: `The replay file ${file} has 1 answer; the run needed more.`,
    });
  });

  it("rejects a malformed line with a 'config' error naming the file and line", async () => {
    const file = replayFile([JSON.stringify('ok'), '', '{"answer": 42}']);
    expect(await rejectionOf(createReplayBackend(file))).toMatchObject({
      code: 'config',
      message: `Replay file ${file}:3 has the wrong shape; each line must be a JSON string (the raw answer) or an object {"answer": string, "reasoning"?: string}.`,
    });
    expect(await rejectionOf(createReplayBackend(replayFile(['not json'])))).toMatchObject({
      code: 'config',
      message: expect.stringContaining(':1 is not valid JSON') as string,
    });
  });

  it("reports a missing file as 'config'", async () => {
    expect(await rejectionOf(createReplayBackend(join(directory, 'missing.jsonl')))).toMatchObject({
      code: 'config',
      message: expect.stringContaining('(ENOENT)') as string,
    });
  });

  it('stops between chunks when aborted, with the abort reason', async () => {
    const backend = await createReplayBackend(replayFile([JSON.stringify(INLINE)]), { chunkSize: 2, chunkDelayMs: 10 });
    const controller = new AbortController();
    const iterator = backend.stream(sampleRequest(), controller.signal)[Symbol.asyncIterator]();
    await iterator.next();
    const pending = iterator.next();
    const abortedAt = performance.now();
    controller.abort();
    expect(await rejectionOf(pending)).toMatchObject({ name: 'AbortError' });
    expect(performance.now() - abortedAt).toBeLessThan(50);
  });

  it('exports the line schema', () => {
    expect(ReplayLine.safeParse({ answer: 'a', reasoning: 'r' }).success).toBe(true);
    expect(ReplayLine.safeParse({ reasoning: 'r' }).success).toBe(false);
  });
});
