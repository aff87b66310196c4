// Mouse and keyboard through nut-js; every event checks the AbortSignal and held input is always released. Node only.
import { pasteText, waitForClipboardRestores } from './clipboard.js';
import { focusedWindowClass } from './focused-window.js';
import { typeByKeys } from './key-typing.js';
import { pasteStyleForWindowClass } from './paste-style.js';
import { planChord, type NutKeyName } from './keymap.js';
import { loadNut, type Nut } from './nut.js';
import { sleep } from '../abortable.js';

/** A point in the input library's coordinate space (see coordinates.ts). */
export interface InputPoint {
  x: number;
  y: number;
}

export type MouseButtonName = 'left' | 'right' | 'middle';

/** Gap between the two clicks of a double click: well inside every desktop's double-click time. */
const DOUBLE_CLICK_GAP_MS = 40;
const DRAG_MOVES = 8;
const DRAG_MOVE_GAP_MS = 12;
const WHEEL_GAP_MS = 8;
const PASTE_CHORD = process.platform === 'darwin' ? ['meta', 'v'] : ['ctrl', 'v'];
const SHIFT_PASTE_CHORD = ['ctrl', 'shift', 'v'];

type Button = Nut['Button'][keyof Nut['Button']];
type Key = Nut['Key'][NutKeyName];

/** Low-level input: one instance per operator, tracking what it holds so that `releaseAll` can let go. */
export class NutInput {
  private readonly heldButtons = new Set<Button>();
  private readonly heldKeys: Key[] = [];

  /** Prefer `create()`; unit tests pass a fake nut-js here. */
  constructor(private readonly nut: Nut) {}

  static async create(): Promise<NutInput> {
    return new NutInput(await loadNut());
  }

  /** Runs one input event unless the signal has aborted: after a stop, nothing more reaches the desktop. */
  private async emit(signal: AbortSignal, event: () => Promise<unknown>): Promise<void> {
    signal.throwIfAborted();
    await event();
  }

  private moveTo(point: InputPoint, signal: AbortSignal): Promise<void> {
    return this.emit(signal, () => this.nut.mouse.setPosition(new this.nut.Point(point.x, point.y)));
  }

  private button(name: MouseButtonName): Button {
    const { Button } = this.nut;
    return name === 'left' ? Button.LEFT : name === 'right' ? Button.RIGHT : Button.MIDDLE;
  }

  async hover(point: InputPoint, signal: AbortSignal): Promise<void> {
    await this.moveTo(point, signal);
  }

  async click(point: InputPoint, button: MouseButtonName, signal: AbortSignal): Promise<void> {
    await this.moveTo(point, signal);
    await this.emit(signal, () => this.nut.mouse.click(this.button(button)));
  }

  /** Two left clicks 40 ms apart (libnut's own double click blocks the event loop for 200 ms). */
  async doubleClick(point: InputPoint, signal: AbortSignal): Promise<void> {
    await this.click(point, 'left', signal);
    await sleep(DOUBLE_CLICK_GAP_MS, signal);
    await this.emit(signal, () => this.nut.mouse.click(this.button('left')));
  }

  /** Presses at `from`, moves in small steps so that pages see mousemove events, releases at `to`. */
  async drag(from: InputPoint, to: InputPoint, signal: AbortSignal): Promise<void> {
    const left = this.button('left');
    await this.moveTo(from, signal);
    try {
      await this.emit(signal, () => this.nut.mouse.pressButton(left));
      this.heldButtons.add(left);
      for (let move = 1; move <= DRAG_MOVES; move++) {
        await sleep(DRAG_MOVE_GAP_MS, signal);
        const fraction = move / DRAG_MOVES;
        const x = Math.round(from.x + (to.x - from.x) * fraction);
        await this.moveTo({ x, y: Math.round(from.y + (to.y - from.y) * fraction) }, signal);
      }
      await sleep(DRAG_MOVE_GAP_MS, signal);
    } finally {
      await this.releaseButtons();
    }
  }

  /** Holds the chord's modifiers, taps its last key (again for each repeat), and releases in reverse order. */
  async pressChord(keys: readonly string[], signal: AbortSignal): Promise<void> {
    const plan = planChord(keys);
    const { keyboard, Key } = this.nut;
    try {
      for (const name of plan.held) await this.pressKey(Key[name], signal);
      for (let tap = 0; tap < plan.repeat; tap++) {
        await this.pressKey(Key[plan.tap], signal);
        await keyboard.releaseKey(Key[plan.tap]);
        this.heldKeys.pop();
      }
    } finally {
      await this.releaseKeys();
    }
  }

  private async pressKey(key: Key, signal: AbortSignal): Promise<void> {
    await this.emit(signal, () => this.nut.keyboard.pressKey(key));
    this.heldKeys.push(key);
  }

  /**
   * Types by clipboard paste, restoring the clipboard afterwards (see clipboard.ts), with the chord the focused
   * window expects; terminals without one get the text key by key, as does any window that did not read the paste.
   */
  async type(text: string, signal: AbortSignal): Promise<void> {
    if (text === '') return;
    const style = pasteStyleForWindowClass(await focusedWindowClass());
    if (style === 'keys') return typeByKeys(text, this.nut, signal);
    const chord = style === 'shift-paste' ? SHIFT_PASTE_CHORD : PASTE_CHORD;
    const taken = await pasteText(text, (pasteSignal) => this.pressChord(chord, pasteSignal), signal);
    if (!taken) await typeByKeys(text, this.nut, signal);
  }

  /** Moves to the point, then turns the wheel one click at a time. */
  async scroll(point: InputPoint, direction: 'up' | 'down', steps: number, signal: AbortSignal): Promise<void> {
    const { mouse } = this.nut;
    await this.moveTo(point, signal);
    for (let step = 0; step < steps; step++) {
      if (step > 0) await sleep(WHEEL_GAP_MS, signal);
      await this.emit(signal, () => (direction === 'up' ? mouse.scrollUp(1) : mouse.scrollDown(1)));
    }
  }

  private async releaseButtons(): Promise<void> {
    for (const button of this.heldButtons) {
      this.heldButtons.delete(button);
      await this.nut.mouse.releaseButton(button);
    }
  }

  private async releaseKeys(): Promise<void> {
    for (let key = this.heldKeys.pop(); key !== undefined; key = this.heldKeys.pop()) {
      await this.nut.keyboard.releaseKey(key);
    }
  }

  /** Releases held buttons and keys and restores the clipboard now if a restore is pending; safe to call at any time. */
  async releaseAll(): Promise<void> {
    await this.releaseButtons();
    await this.releaseKeys();
    await waitForClipboardRestores({ promptly: true });
  }
}
