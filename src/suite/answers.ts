// Builds raw GLM-4.1V answers for replay transcripts from screen pixels of the suite's fixed layout. Node only.
import { SUITE_SCREEN } from './task-context.js';

/** A pixel on the suite's screen. */
export interface Pixel {
  x: number;
  y: number;
}

/** The 0–999 box the model writes for a pixel of the suite's screen, e.g. "[341,196]". */
export function modelBox(pixel: Pixel): string {
  const scale = (value: number, size: number) => Math.min(999, Math.max(0, Math.round((value / size) * 1000)));
  return `[${scale(pixel.x, SUITE_SCREEN.width)},${scale(pixel.y, SUITE_SCREEN.height)}]`;
}

/** A quoted argument as GLM-4.1V writes it: single quotes, with backslash escapes. */
function quoted(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** One answer in GLM-4.1V's format: thinking, then explanation, the boxed call and the memory. */
function answer(explanation: string, call: string): string {
  return (
    `<think>${explanation}</think>` +
    `<answer>${explanation}\n<|begin_of_box|>${call}<|end_of_box|>\nMemory:\n[]</answer>`
  );
}

/** The answers a transcript is made of. */
export const act = {
  click: (explanation: string, at: Pixel) => answer(explanation, `left_click(start_box='${modelBox(at)}')`),
  doubleClick: (explanation: string, at: Pixel) =>
    answer(explanation, `left_double_click(start_box='${modelBox(at)}')`),
  rightClick: (explanation: string, at: Pixel) => answer(explanation, `right_click(start_box='${modelBox(at)}')`),
  drag: (explanation: string, from: Pixel, to: Pixel) =>
    answer(explanation, `left_drag(start_box='${modelBox(from)}', end_box='${modelBox(to)}')`),
  scroll: (explanation: string, at: Pixel, direction: 'up' | 'down', steps: number) =>
    answer(explanation, `scroll(start_box='${modelBox(at)}', direction='${direction}', step=${steps})`),
  key: (explanation: string, keys: string) => answer(explanation, `key(keys=${quoted(keys)})`),
  type: (explanation: string, text: string) => answer(explanation, `type(content=${quoted(text)})`),
  done: (explanation: string) => answer(explanation, 'DONE()'),
  fail: (explanation: string) => answer(explanation, 'FAIL()'),
};
