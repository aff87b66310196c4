// The nut-js operator on Xvfb + openbox + Chromium: displays, capture, every action, abort. Node only.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCapturer } from '../../src/desktop/capture.js';
import { createNutOperator } from '../../src/desktop/nut-operator.js';
import type { Frame, Operator } from '../../src/desktop/types.js';
import { emptyAction, type Action, type ActionName } from '../../src/glm/actions.js';
import {
  FORM_COLOUR_BLOCK_RGB,
  FORM_LAYOUT,
  FORM_PAGE_URL,
  openPageInChromium,
  type ChromiumPage,
  waitForInputReady,
} from '../support/chromium.js';
import { startXDesktop, type XDesktop } from '../support/x-desktop.js';

const execFileAsync = promisify(execFile);

interface PageEvent {
  type: string;
  target: string;
  key?: string;
  onTarget?: boolean;
}

interface PageState {
  left: number;
  right: number;
  middle: number;
  double: number;
  hover: number;
  drop: { x: number; y: number; onTarget: boolean } | null;
}

let desktop: XDesktop;
let chromium: ChromiumPage;
let operator: Operator;
let frame: Frame;

const page = () => chromium.page;
const state = () => page().evaluate(() => (window as unknown as { __state: PageState }).__state);
const events = () => page().evaluate(() => (window as unknown as { __events: PageEvent[] }).__events);
const valueOf = (id: string) =>
  page().evaluate((elementId) => (document.getElementById(elementId) as HTMLInputElement).value, id);
const activeId = () => page().evaluate(() => document.activeElement?.id ?? '');
const scrollTop = () => page().evaluate(() => document.getElementById('scrollBox')!.scrollTop);

/** Polls a page condition; generous because two cores may be shared with other test runs. */
function poll<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 10_000, interval: 50 });
}

function action(name: ActionName, fields: Partial<Action> = {}): Action {
  return { ...emptyAction(name), ...fields };
}

function at(target: keyof typeof FORM_LAYOUT): [number, number] {
  const [x, y] = FORM_LAYOUT[target].px;
  return [x, y];
}

function execute(name: ActionName, fields: Partial<Action> = {}, signal = new AbortController().signal) {
  return operator.execute(action(name, fields), frame, signal);
}

async function readClipboard(): Promise<string> {
  const { stdout } = await execFileAsync('xclip', ['-selection', 'clipboard', '-o'], { env: desktop.env });
  return stdout;
}

/** Puts text on the clipboard with a background xclip, as another application would own it. */
async function setClipboard(text: string): Promise<void> {
  const child = spawn('xclip', ['-selection', 'clipboard', '-i'], {
    env: desktop.env,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.stdin.end(text);
  await poll(() => readClipboard().catch(() => null)).toBe(text);
}

function pixelAt(image: Frame, x: number, y: number): [number, number, number] {
  const offset = (y * image.width + x) * 4;
  const [first, green, third] = image.pixels.subarray(offset, offset + 3);
  return image.channelOrder === 'bgra' ? [third!, green!, first!] : [first!, green!, third!];
}

beforeAll(async () => {
  desktop = await startXDesktop();
  // libnut opens its X connection with DISPLAY as it is when nut-js first loads, which the operator does lazily.
  process.env.DISPLAY = desktop.display;
  chromium = await openPageInChromium(desktop, FORM_PAGE_URL);
  operator = await createNutOperator({ capture: 'nut' });
  const [display] = await operator.displays();
  frame = await operator.capture(display!.id);
});

afterAll(async () => {
  await operator?.release();
  await chromium?.close();
  await desktop?.stop();
});

beforeEach(async () => {
  // A clipboard restore left running by the previous test's paste must not land in this one.
  await operator.release();
  await page().reload();
  await waitForInputReady(page());
});

describe('displays and capture', () => {
  it('sees the Xvfb screen as one primary display', async () => {
    expect(await operator.displays()).toEqual([
      { id: 'screen', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1, primary: true },
    ]);
  });

  it('captures a 1920×1080 frame that shows the page', async () => {
    const [x, y] = at('colourBlock');
    await poll(async () => {
      const captured = await operator.capture('screen');
      return { size: [captured.width, captured.height], pixel: pixelAt(captured, x, y) };
    }).toEqual({ size: [1920, 1080], pixel: [...FORM_COLOUR_BLOCK_RGB] });
  });
});

describe('screenshot-desktop fallback', () => {
  it('captures the same page through ImageMagick', async () => {
    const [display] = await operator.displays();
    const captured = await (await createCapturer('screenshot-desktop')).capture(display!);
    const [x, y] = at('colourBlock');
    expect({ size: [captured.width, captured.height], pixel: pixelAt(captured, x, y) }).toEqual({
      size: [1920, 1080],
      pixel: [...FORM_COLOUR_BLOCK_RGB],
    });
  });
});

describe('pointer actions', () => {
  it.each([
    ['left_click', 'left'],
    ['right_click', 'right'],
    ['middle_click', 'middle'],
    ['left_double_click', 'double'],
  ] as const)('%s lands on the button', async (name, counter) => {
    await execute(name, { point: at('clickButton') });
    await poll(async () => (await state())[counter]).toBe(1);
    // Middle click also pastes the X primary selection, which the page logs as a paste event on the body.
    const pointerEvents = (await events()).filter((event) => event.type !== 'keydown' && event.type !== 'paste');
    expect(pointerEvents.at(-1)?.target).toBe('clickButton');
  });

  it('hover enters the hover target', async () => {
    await execute('hover', { point: [5, 1075] });
    await execute('hover', { point: at('hoverTarget') });
    await poll(async () => (await state()).hover).toBeGreaterThanOrEqual(1);
  });

  it('left_drag drops the source on the target', async () => {
    await execute('left_drag', { point: at('dragSource'), endPoint: at('dropTarget') });
    await poll(async () => (await state()).drop).toEqual({ x: 1650, y: 460, onTarget: true });
  });

  it('scroll turns the wheel over the box, down then back up', async () => {
    await execute('scroll', { point: at('scrollBox'), direction: 'down', steps: 5 });
    await poll(scrollTop).toBeGreaterThan(200);
    await execute('scroll', { point: at('scrollBox'), direction: 'up', steps: 5 });
    await poll(scrollTop).toBe(0);
  });
});

describe('keyboard actions', () => {
  const text = 'héllo 你好 !@#$%^&*()_+{}:"<>?~| `';

  it('types unicode and shifted symbols exactly and restores the clipboard', async () => {
    await setClipboard('clipboard before ✓');
    await execute('left_click', { point: at('textArea') });
    await execute('type', { text });
    await poll(() => valueOf('textArea')).toBe(text);
    await operator.release();
    expect(await readClipboard()).toBe('clipboard before ✓');
  });

  it('an app that reads the paste late gets the typed text, not the restored clipboard', async () => {
    await setClipboard('clipboard before');
    await execute('left_click', { point: at('textInput') });
    await poll(activeId).toBe('textInput');
    // Chromium reads the clipboard for the paste event, then again to insert: a slow handler delays the second read.
    await page().evaluate(() => {
      document.addEventListener('paste', () => {
        const until = performance.now() + 600;
        while (performance.now() < until);
      });
    });
    await execute('type', { text: 'read late' });
    await poll(() => valueOf('textInput')).toBe('read late');
    await operator.release();
    expect(await readClipboard()).toBe('clipboard before');
  });

  it('a clipboard copied to after the paste, before the restore, is left as it is', async () => {
    await setClipboard('clipboard before');
    await execute('left_click', { point: at('textInput') });
    await poll(activeId).toBe('textInput');
    await execute('type', { text: 'typed' });
    await poll(() => valueOf('textInput')).toBe('typed');
    await setClipboard('copied since');
    await operator.release();
    expect(await readClipboard()).toBe('copied since');
  });

  it('ctrl+a then type replaces the text', async () => {
    await execute('left_click', { point: at('textInput') });
    await execute('type', { text: 'old text' });
    await poll(() => valueOf('textInput')).toBe('old text');
    await execute('key', { keys: ['ctrl', 'a'] });
    await execute('type', { text: 'new' });
    await poll(() => valueOf('textInput')).toBe('new');
  });

  it('enter, tab and a repeated down arrive as key presses', async () => {
    await execute('left_click', { point: at('textInput') });
    await poll(activeId).toBe('textInput');
    await execute('key', { keys: ['enter'] });
    await execute('key', { keys: ['tab'] });
    await execute('key', { keys: ['down', 'down'] });
    const keys = () =>
      events().then((all) => all.filter((event) => event.type === 'keydown').map((event) => event.key));
    await poll(keys).toEqual(['Enter', 'Tab', 'ArrowDown', 'ArrowDown']);
    expect(await activeId()).toBe('textArea');
  });
});

describe('abort', () => {
  it('an aborted signal sends no input at all', async () => {
    await setClipboard('untouched');
    const controller = new AbortController();
    controller.abort();
    await expect(execute('left_click', { point: at('clickButton') }, controller.signal)).rejects.toThrow();
    await expect(execute('type', { text: 'nothing' }, controller.signal)).rejects.toThrow();
    await expect(execute('key', { keys: ['ctrl', 'a'] }, controller.signal)).rejects.toThrow();
    // Absence needs time to show: a settle gives any stray event its repaint.
    await operator.settle('screen', new AbortController().signal, 300);
    expect(await events()).toEqual([]);
    expect(await readClipboard()).toBe('untouched');
  });

  it('a wait returns within 100 ms of the abort', async () => {
    const controller = new AbortController();
    const waiting = execute('wait', {}, controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const abortedAt = performance.now();
    controller.abort();
    await expect(waiting).rejects.toThrow();
    expect(performance.now() - abortedAt).toBeLessThan(100);
  });

  it('a stop as typing starts sends no text and leaves the clipboard as it was', async () => {
    await setClipboard('kept');
    await execute('left_click', { point: at('textInput') });
    await poll(activeId).toBe('textInput');
    const controller = new AbortController();
    const typing = execute('type', { text: 'never typed' }, controller.signal);
    const abortedAt = performance.now();
    controller.abort();
    await expect(typing).rejects.toThrow();
    expect(performance.now() - abortedAt).toBeLessThan(100);
    expect(await valueOf('textInput')).toBe('');
    expect(await readClipboard()).toBe('kept');
  });

  it('a stop after the paste chord returns within 100 ms and release() restores the clipboard', async () => {
    await setClipboard('kept');
    await execute('left_click', { point: at('textInput') });
    await poll(activeId).toBe('textInput');
    const controller = new AbortController();
    let abortedAt = 0;
    await page().exposeFunction('__abortTyping', () => {
      abortedAt = performance.now();
      controller.abort();
    });
    await page().evaluate(() => {
      const report = (window as unknown as { __abortTyping: () => void }).__abortTyping;
      document.addEventListener('keydown', (event) => {
        if (!(event.ctrlKey && event.key === 'v')) return;
        report();
        // Holds the paste back until the stop has arrived: the paste is read after this handler returns.
        const until = performance.now() + 300;
        while (performance.now() < until);
      });
    });
    await expect(execute('type', { text: 'pasted' }, controller.signal)).rejects.toThrow();
    expect(performance.now() - abortedAt).toBeLessThan(100);
    await operator.release();
    expect(await readClipboard()).toBe('kept');
  });

  it('release() right after a paste restores the clipboard without waiting for more reads', async () => {
    await setClipboard('kept');
    await execute('left_click', { point: at('textInput') });
    await poll(activeId).toBe('textInput');
    await execute('type', { text: 'pasted' });
    const releasedAt = performance.now();
    await operator.release();
    // Well under the second of quiet that a restore otherwise waits for.
    expect(performance.now() - releasedAt).toBeLessThan(500);
    expect(await readClipboard()).toBe('kept');
    await poll(() => valueOf('textInput')).toBe('pasted');
  });

  it('a drag aborted midway releases the button short of the target', async () => {
    const controller = new AbortController();
    // The page reports the drag's mousedown; aborting then lands mid-drag however slow the machine is.
    await page().exposeFunction('__abortDrag', () => controller.abort());
    await page().evaluate(() => {
      const report = (window as unknown as { __abortDrag: () => void }).__abortDrag;
      document.getElementById('dragSource')!.addEventListener('mousedown', () => report());
    });
    const dragging = execute('left_drag', { point: at('dragSource'), endPoint: at('dropTarget') }, controller.signal);
    await expect(dragging).rejects.toThrow();
    await poll(async () => (await state()).drop?.onTarget).toBe(false);
  });
});

describe('settle', () => {
  it('returns well before the cap on a still screen', async () => {
    const waited = await operator.settle('screen', new AbortController().signal, 1500);
    expect(waited).toBeLessThan(1000);
  });
});
