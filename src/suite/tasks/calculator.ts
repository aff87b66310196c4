// Calculator tasks on galculator: clicking its buttons, and a mode setting chosen from a menu. Node only.
import { join } from 'node:path';
import { sleep } from '../../abortable.js';
import { act } from '../answers.js';
import { clipboardText, settingIs, shown } from '../checkers.js';
import type { SuiteTask } from '../task.js';
import type { TaskContext } from '../task-context.js';
import { startApp } from './desktop-apps.js';

/** Button centres of galculator's basic mode with its frame at (40, 40) and its natural size. */
const BUTTONS = {
  seven: { x: 75, y: 259 },
  eight: { x: 141, y: 259 },
  six: { x: 206, y: 299 },
  times: { x: 271, y: 299 },
  minus: { x: 271, y: 339 },
  equals: { x: 336, y: 359 },
};
const VIEW_MENU = { x: 144, y: 72 };
const SCIENTIFIC_ITEM = { x: 199, y: 122 };
const QUIT_MS = 1500;

const openCalculator = (context: TaskContext) =>
  startApp(context, 'galculator', 'galculator', [], { x: 40, y: 40 }).then(() => undefined);

export const calculatorTasks: SuiteTask[] = [
  {
    id: 'calculator-buttons',
    title: 'Compute with the calculator buttons and copy the result',
    app: 'galculator',
    skills: ['click', 'key-chord', 'multi-step'],
    instruction: "Using the calculator's buttons, compute 7 × 8 − 6, then copy the result with Ctrl+C.",
    maxSteps: 12,
    expected: 'done',
    setup: openCalculator,
    check: async (context) => {
      const text = await clipboardText(context);
      return { success: text?.trim() === '50', detail: `the clipboard holds ${shown(text)}` };
    },
    transcript: [
      act.click('Press 7.', BUTTONS.seven),
      act.click('Press ×.', BUTTONS.times),
      act.click('Press 8.', BUTTONS.eight),
      act.click('Press −.', BUTTONS.minus),
      act.click('Press 6.', BUTTONS.six),
      act.click('Press =.', BUTTONS.equals),
      act.key('Copy the result.', 'ctrl+c'),
      act.done('The result 50 is on the clipboard.'),
    ],
  },
  {
    id: 'calculator-scientific-mode',
    title: 'Switch the calculator to scientific mode',
    app: 'galculator',
    skills: ['menu', 'click', 'multi-step'],
    instruction: 'Switch the calculator to scientific mode.',
    maxSteps: 6,
    expected: 'done',
    setup: openCalculator,
    // galculator saves its settings when it quits, so the check quits it the way a user would.
    check: async (context) => {
      const [id] = await context.windows.find('galculator');
      if (id === undefined) return { success: false, detail: 'galculator is not running' };
      await context.windows.pressIn(id, 'ctrl+q');
      await sleep(QUIT_MS);
      return settingIs(join(context.home, '.config', 'galculator', 'galculator.conf'), 'general', 'mode', '1');
    },
    transcript: [
      act.click('Open the View menu.', VIEW_MENU),
      act.click('Choose Scientific Mode.', SCIENTIFIC_ITEM),
      act.done('The calculator is in scientific mode.'),
    ],
  },
];
