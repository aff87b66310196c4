import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../../../src/host/protocol/host-api.js';
import type { RunEvent } from '../../../../src/run-protocol/run-events.js';
import { createEventBatcher, mergeDeltas, type SequencedEvent } from '../../../../renderer/state/event-batcher.js';

function run(event: RunEvent, runId = 'r1'): HostEvent {
  return { type: 'run', runId, sessionId: 's1', event };
}

const thinking = (text: string, step = 1) => run({ type: 'reasoning-delta', step, text });

/** A batcher whose frames run when the test says, on a clock that reads 1000 + 10 ms per event pushed. */
function harness() {
  const batches: SequencedEvent[][] = [];
  const frames: (() => void)[] = [];
  let clock = 990;
  const batcher = createEventBatcher(
    (events) => batches.push(events),
    (callback) => frames.push(callback),
    () => (clock += 10),
  );
  const nextFrame = () => frames.splice(0).forEach((callback) => callback());
  return { batcher, batches, frames, nextFrame };
}

describe('createEventBatcher', () => {
  it('applies the text deltas of one frame as one merged delta, with the last seq', () => {
    const { batcher, batches, frames, nextFrame } = harness();
    batcher.push(thinking('I '), 1);
    batcher.push(thinking('see '), 2);
    batcher.push(thinking('it'), 3);
    expect(batches).toEqual([]);
    expect(frames).toHaveLength(1);
    nextFrame();
    // Stamped with when its first part arrived: the first token's time is what a merged delta must keep.
    expect(batches).toEqual([[{ event: thinking('I see it'), seq: 3, at: 1000 }]]);
  });

  it('applies any other event at once, after what was buffered, keeping the order', () => {
    const { batcher, batches } = harness();
    const observed = run({ type: 'step-observed', step: 2, frame: 'frames/0002.jpg', width: 10, height: 10 });
    batcher.push(thinking('a'), 1);
    batcher.push(observed, 2);
    expect(batches).toEqual([
      [
        { event: thinking('a'), seq: 1, at: 1000 },
        { event: observed, seq: 2, at: 1010 },
      ],
    ]);
  });

  it('does not merge deltas of different steps, kinds or runs', () => {
    const { batcher, batches, nextFrame } = harness();
    const events = [
      thinking('a', 1),
      thinking('b', 2),
      run({ type: 'text-delta', step: 2, text: 'c' }),
      thinking('d', 2),
    ];
    events.forEach((event, index) => batcher.push(event, index + 1));
    batcher.push(thinking('e', 2), 5);
    nextFrame();
    expect(batches[0]!.map(({ event, seq }) => [event.type === 'run' && event.event, seq])).toEqual([
      [{ type: 'reasoning-delta', step: 1, text: 'a' }, 1],
      [{ type: 'reasoning-delta', step: 2, text: 'b' }, 2],
      [{ type: 'text-delta', step: 2, text: 'c' }, 3],
      [{ type: 'reasoning-delta', step: 2, text: 'de' }, 5],
    ]);
  });

  it('schedules one frame at a time and nothing when idle', () => {
    const { batcher, batches, frames, nextFrame } = harness();
    batcher.push(thinking('a'), 1);
    batcher.push(thinking('b'), 2);
    expect(frames).toHaveLength(1);
    nextFrame();
    nextFrame();
    expect(batches).toHaveLength(1);
    batcher.push(thinking('c'), 3);
    expect(frames).toHaveLength(1);
  });
});

describe('mergeDeltas', () => {
  it('refuses events that are not text deltas', () => {
    expect(mergeDeltas(run({ type: 'paused' }), run({ type: 'paused' }))).toBeNull();
    expect(mergeDeltas(thinking('a'), thinking('b', 1))).toEqual(thinking('ab'));
    expect(mergeDeltas(thinking('a'), run({ type: 'reasoning-delta', step: 1, text: 'b' }, 'r2'))).toBeNull();
  });

  it('keeps the later running token count', () => {
    const counted = (text: string, tokens?: number) =>
      run({ type: 'reasoning-delta', step: 1, text, ...(tokens === undefined ? {} : { tokens }) });
    expect(mergeDeltas(counted('a', 1), counted('b', 2))).toEqual(counted('ab', 2));
    expect(mergeDeltas(counted('a', 4), counted('b'))).toEqual(counted('ab', 4));
    expect(mergeDeltas(counted('a'), counted('b'))).toEqual(counted('ab'));
  });
});
