// NutInput against a recording fake nut-js: event order, chords, drags, and what an abort leaves behind. Node only.
import { describe, expect, it } from 'vitest';
import { NutInput } from '../../../src/desktop/input.js';
import type { Nut } from '../../../src/desktop/nut.js';

type Event = (string | number)[];

/** A fake nut-js that records every input event; `onEvent` may abort mid-action. */
function fakeNut(events: Event[], onEvent: (event: Event) => void = () => undefined): Nut {
  const record = (...event: Event) => {
    events.push(event);
    onEvent(event);
  };
  const fake = {
    Point: class {
      constructor(
        public x: number,
        public y: number,
      ) {}
    },
    Button: { LEFT: 0, MIDDLE: 1, RIGHT: 2 },
    Key: new Proxy({}, { get: (_, name) => String(name) }),
    mouse: {
      setPosition: async (point: { x: number; y: number }) => record('move', point.x, point.y),
      click: async (button: number) => record('click', button),
      pressButton: async (button: number) => record('press', button),
      releaseButton: async (button: number) => record('release', button),
      scrollUp: async (amount: number) => record('wheel-up', amount),
      scrollDown: async (amount: number) => record('wheel-down', amount),
    },
    keyboard: {
      pressKey: async (key: string) => record('down', key),
      releaseKey: async (key: string) => record('up', key),
    },
  };
  return fake as unknown as Nut;
}

const live = () => new AbortController().signal;

describe('NutInput chords', () => {
  it('holds modifiers, taps the key, releases in reverse', async () => {
    const events: Event[] = [];
    await new NutInput(fakeNut(events)).pressChord(['ctrl', 'shift', 't'], live());
    expect(events).toEqual([
      ['down', 'LeftControl'],
      ['down', 'LeftShift'],
      ['down', 'T'],
      ['up', 'T'],
      ['up', 'LeftShift'],
      ['up', 'LeftControl'],
    ]);
  });

  it('taps a repeated last key again while the modifier stays held', async () => {
    const events: Event[] = [];
    await new NutInput(fakeNut(events)).pressChord(['ctrl', 'tab', 'tab'], live());
    expect(events).toEqual([
      ['down', 'LeftControl'],
      ['down', 'Tab'],
      ['up', 'Tab'],
      ['down', 'Tab'],
      ['up', 'Tab'],
      ['up', 'LeftControl'],
    ]);
  });

  it('stops pressing on abort and releases what it holds, in reverse', async () => {
    const events: Event[] = [];
    const controller = new AbortController();
    const abortOnShift = (event: Event) => event[1] === 'LeftShift' && controller.abort(new Error('stopped'));
    const input = new NutInput(fakeNut(events, abortOnShift));
    await expect(input.pressChord(['ctrl', 'shift', 'a'], controller.signal)).rejects.toThrow('stopped');
    expect(events).toEqual([
      ['down', 'LeftControl'],
      ['down', 'LeftShift'],
      ['up', 'LeftShift'],
      ['up', 'LeftControl'],
    ]);
  });

  it('rejects an unknown key before sending anything', async () => {
    const events: Event[] = [];
    await expect(new NutInput(fakeNut(events)).pressChord(['ctrl', 'hyper'], live())).rejects.toThrow(/hyper/);
    expect(events).toEqual([]);
  });
});

describe('NutInput pointer', () => {
  it('drags: press at the start, move in steps, release at the end', async () => {
    const events: Event[] = [];
    await new NutInput(fakeNut(events)).drag({ x: 0, y: 0 }, { x: 80, y: 40 }, live());
    expect(events[0]).toEqual(['move', 0, 0]);
    expect(events[1]).toEqual(['press', 0]);
    expect(events.at(-2)).toEqual(['move', 80, 40]);
    expect(events.at(-1)).toEqual(['release', 0]);
    expect(events.filter(([name]) => name === 'move')).toHaveLength(9);
  });

  it('releases the button when a drag is aborted and moves no further', async () => {
    const events: Event[] = [];
    const controller = new AbortController();
    let moves = 0;
    const abortOnThirdMove = (event: Event) => event[0] === 'move' && ++moves === 3 && controller.abort();
    const input = new NutInput(fakeNut(events, abortOnThirdMove));
    await expect(input.drag({ x: 0, y: 0 }, { x: 80, y: 0 }, controller.signal)).rejects.toThrow();
    expect(events.slice(4)).toEqual([['release', 0]]);
  });

  it('double-clicks with two left clicks at the point', async () => {
    const events: Event[] = [];
    await new NutInput(fakeNut(events)).doubleClick({ x: 5, y: 6 }, live());
    expect(events).toEqual([
      ['move', 5, 6],
      ['click', 0],
      ['click', 0],
    ]);
  });

  it('scrolls one wheel click at a time at the point', async () => {
    const events: Event[] = [];
    await new NutInput(fakeNut(events)).scroll({ x: 5, y: 6 }, 'down', 3, live());
    expect(events).toEqual([
      ['move', 5, 6],
      ['wheel-down', 1],
      ['wheel-down', 1],
      ['wheel-down', 1],
    ]);
  });

  it('sends nothing once the signal has aborted', async () => {
    const events: Event[] = [];
    const controller = new AbortController();
    controller.abort();
    const input = new NutInput(fakeNut(events));
    await expect(input.click({ x: 1, y: 1 }, 'right', controller.signal)).rejects.toThrow();
    await expect(input.scroll({ x: 1, y: 1 }, 'up', 2, controller.signal)).rejects.toThrow();
    expect(events).toEqual([]);
  });
});
