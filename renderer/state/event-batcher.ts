// Batches streamed text deltas so the store (and the views) update at most once per animation frame. Renderer.
import type { HostEvent } from '../../src/host/protocol/host-api.js';

/** A host event with its sequence number and when it arrived (Date.now()). */
export interface SequencedEvent {
  event: HostEvent;
  seq: number;
  /** Arrival time on this page's clock; a merged delta keeps its first part's. */
  at?: number;
}

/** Schedules one callback (requestAnimationFrame in the page, a fake in tests). */
export type ScheduleFrame = (callback: () => void) => void;

export interface EventBatcher {
  push(event: HostEvent, seq: number): void;
  /** Applies what is buffered now. */
  flush(): void;
}

const defaultSchedule: ScheduleFrame = (callback) => {
  requestAnimationFrame(() => callback());
};

/**
 * Text deltas wait for the next frame, merged with the delta before them when it is of the same run, step and kind.
 * Any other event is applied at once, after what is buffered, so the order of events never changes.
 */
export function createEventBatcher(
  apply: (events: SequencedEvent[]) => void,
  schedule: ScheduleFrame = defaultSchedule,
  now: () => number = Date.now,
): EventBatcher {
  let buffer: SequencedEvent[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (buffer.length === 0) return;
    const events = buffer;
    buffer = [];
    apply(events);
  };

  return {
    push(event, seq) {
      const at = now();
      if (!isTextDelta(event)) {
        buffer.push({ event, seq, at });
        flush();
        return;
      }
      const last = buffer.at(-1);
      const merged = last && mergeDeltas(last.event, event);
      if (merged) buffer[buffer.length - 1] = { event: merged, seq, at: last.at ?? at };
      else buffer.push({ event, seq, at });
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    flush,
  };
}

function isTextDelta(event: HostEvent): boolean {
  return event.type === 'run' && (event.event.type === 'reasoning-delta' || event.event.type === 'text-delta');
}

/** One delta with both texts, or null when the two are not of the same run, step and kind; tokens: the later count. */
export function mergeDeltas(first: HostEvent, second: HostEvent): HostEvent | null {
  if (first.type !== 'run' || second.type !== 'run' || first.runId !== second.runId) return null;
  const a = first.event;
  const b = second.event;
  if ((a.type !== 'reasoning-delta' && a.type !== 'text-delta') || a.type !== b.type || a.step !== b.step) return null;
  const tokens = b.tokens ?? a.tokens;
  return { ...second, event: { ...a, text: a.text + b.text, ...(tokens === undefined ? {} : { tokens }) } };
}
