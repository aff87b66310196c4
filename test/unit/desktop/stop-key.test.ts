// The stop chord's keycodes from xmodmap, and the chord found in xinput's raw key events. Node only.
import { describe, expect, it } from 'vitest';
import { createStopChordTracker, listenForStopKey, parseStopChordKeycodes } from '../../../src/desktop/stop-key.js';

const XMODMAP = `keycode   9 = Escape NoSymbol Escape
keycode  37 = Control_L NoSymbol Control_L
keycode  38 = a A a A
keycode  50 = Shift_L NoSymbol Shift_L
keycode  62 = Shift_R NoSymbol Shift_R
keycode  66 = Caps_Lock NoSymbol Caps_Lock
keycode 105 = Control_R NoSymbol Control_R
keycode 255 =
`;

const KEYCODES = parseStopChordKeycodes(XMODMAP);

/** xinput test-xi2 --root's lines for one raw key event. */
const event = (kind: 'press' | 'release', keycode: number) =>
  kind === 'press'
    ? ['EVENT type 13 (RawKeyPress)', '    device: 3 (5)', `    detail: ${keycode}`, '    valuators:', '']
    : ['EVENT type 14 (RawKeyRelease)', '    device: 3 (5)', `    detail: ${keycode}`, '    valuators:', ''];

function chordsHeard(events: Array<['press' | 'release', number]>): number {
  const tracker = createStopChordTracker(KEYCODES);
  return events.flatMap(([kind, keycode]) => event(kind, keycode)).filter((line) => tracker.feed(line)).length;
}

describe('parseStopChordKeycodes', () => {
  it('finds Escape and both Control and Shift keys', () => {
    expect(KEYCODES).toEqual({ escape: new Set([9]), control: new Set([37, 105]), shift: new Set([50, 62]) });
  });

  it('finds nothing in foreign text', () => {
    expect(parseStopChordKeycodes("xmodmap:  unable to open display ''")).toEqual({
      escape: new Set(),
      control: new Set(),
      shift: new Set(),
    });
  });
});

describe('createStopChordTracker', () => {
  it('hears Escape pressed while a Control and a Shift key are held, in either order and on either side', () => {
    expect(
      chordsHeard([
        ['press', 37],
        ['press', 50],
        ['press', 9],
      ]),
    ).toBe(1);
    expect(
      chordsHeard([
        ['press', 62],
        ['press', 105],
        ['press', 9],
      ]),
    ).toBe(1);
  });

  it('ignores Escape alone, with one modifier, or after the modifiers were released', () => {
    expect(chordsHeard([['press', 9]])).toBe(0);
    expect(
      chordsHeard([
        ['press', 37],
        ['press', 9],
      ]),
    ).toBe(0);
    expect(
      chordsHeard([
        ['press', 50],
        ['press', 9],
      ]),
    ).toBe(0);
    expect(
      chordsHeard([
        ['press', 37],
        ['press', 50],
        ['release', 50],
        ['release', 37],
        ['press', 9],
      ]),
    ).toBe(0);
  });

  it('hears the chord again after a release, and not for typing in between', () => {
    expect(
      chordsHeard([
        ['press', 37],
        ['press', 50],
        ['press', 9],
        ['release', 9],
        ['press', 38],
        ['release', 38],
        ['press', 9],
      ]),
    ).toBe(2);
  });

  it('ignores a detail line that follows another kind of event', () => {
    const tracker = createStopChordTracker(KEYCODES);
    const lines = [...event('press', 37), ...event('press', 50), 'EVENT type 17 (RawMotion)', '    detail: 9'];
    expect(lines.filter((line) => tracker.feed(line))).toEqual([]);
  });
});

describe('listenForStopKey', () => {
  it.each([
    [{}, 'DISPLAY is not set'],
    [{ DISPLAY: ':0', PATH: '/nonexistent' }, 'xmodmap is not installed (apt install x11-xserver-utils)'],
  ])('with %j says the stop key is off and why: %s', async (env, reason) => {
    const listener = listenForStopKey(env, () => undefined);
    expect(await listener.ready).toEqual({
      ok: false,
      message: `The global stop key Ctrl+Shift+Escape is off: ${reason}.`,
    });
    listener.dispose();
  });
});
