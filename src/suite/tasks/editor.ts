// Text-editor tasks on Mousepad: typing Unicode and symbols, key chords, a Save As dialog, a menu setting. Node only.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act } from '../answers.js';
import { fileHolds, settingIs } from '../checkers.js';
import type { SuiteTask } from '../task.js';
import type { TaskContext } from '../task-context.js';
import { startApp } from './desktop-apps.js';

/** Points in Mousepad's window at APP_WINDOW: below the text, where a click puts the caret at the end. */
const TEXT_AREA = { x: 640, y: 450 };
const VIEW_MENU = { x: 204, y: 72 };
const LINE_NUMBERS_ITEM = { x: 254, y: 148 };

const UNICODE_LINE = 'Grüße aus Köln — 5 € ✓ 日本語';
const SYMBOL_TEXT = `if (a <= b && c != 'd') { path = "C:\\tmp\\new"; total += 100%; } // #1 @ ~ ^ | \``;
const MEETING_TEXT = 'Meeting at 10:30 — room B';

async function openInMousepad(context: TaskContext, name: string | null, text = ''): Promise<void> {
  if (name !== null) await writeFile(join(context.home, name), text);
  await startApp(context, 'mousepad', 'mousepad', name === null ? [] : [name]);
}

const SETTINGS_KEYFILE = ['.config', 'glib-2.0', 'settings', 'keyfile'] as const;

export const editorTasks: SuiteTask[] = [
  {
    id: 'editor-append-unicode',
    title: 'Append a line with accents, symbols and CJK, then save',
    app: 'mousepad',
    skills: ['click', 'type-unicode', 'key-chord'],
    instruction: `In Mousepad, add the line "${UNICODE_LINE}" at the end of notes.txt and save the file.`,
    maxSteps: 8,
    expected: 'done',
    setup: (context) => openInMousepad(context, 'notes.txt', 'Shopping list:\n'),
    check: (context) => fileHolds(join(context.home, 'notes.txt'), 'notes.txt', `Shopping list:\n${UNICODE_LINE}`),
    transcript: [
      act.click('Click below the text to put the caret on the empty last line.', TEXT_AREA),
      act.type('Type the new line.', UNICODE_LINE),
      act.key('Save with Ctrl+S.', 'ctrl+s'),
      act.done('The line is added and the file is saved.'),
    ],
  },
  {
    id: 'editor-replace-symbols',
    title: 'Replace a whole file with a line of code full of symbols',
    app: 'mousepad',
    skills: ['click', 'type-symbols', 'key-chord'],
    instruction: `In Mousepad, replace the whole text of snippet.txt with exactly: ${SYMBOL_TEXT} — then save it.`,
    maxSteps: 8,
    expected: 'done',
    setup: (context) => openInMousepad(context, 'snippet.txt', 'old line one\nold line two\n'),
    check: (context) => fileHolds(join(context.home, 'snippet.txt'), 'snippet.txt', SYMBOL_TEXT),
    transcript: [
      act.click('Click into the text.', TEXT_AREA),
      act.key('Select all the text.', 'ctrl+a'),
      act.type('Type the replacement over the selection.', SYMBOL_TEXT),
      act.key('Save with Ctrl+S.', 'ctrl+s'),
      act.done('The file holds the new line.'),
    ],
  },
  {
    id: 'editor-save-as',
    title: 'Write a new document and save it under a name',
    app: 'mousepad',
    skills: ['type-unicode', 'key-chord', 'multi-step'],
    instruction: `In Mousepad, write "${MEETING_TEXT}" in the new document and save it as meeting.txt in the home folder.`,
    maxSteps: 10,
    expected: 'done',
    setup: (context) => openInMousepad(context, null),
    check: (context) => fileHolds(join(context.home, 'meeting.txt'), 'meeting.txt', MEETING_TEXT),
    transcript: [
      act.click('Click into the empty document.', TEXT_AREA),
      act.type('Type the text.', MEETING_TEXT),
      act.key('Save; an untitled document opens the Save As dialog.', 'ctrl+s'),
      act.type('The Name field has focus in the home folder: type the file name.', 'meeting.txt'),
      act.key('Confirm with Enter.', 'enter'),
      act.done('meeting.txt is saved in the home folder.'),
    ],
  },
  {
    id: 'editor-line-numbers',
    title: 'Turn on line numbers from the View menu',
    app: 'mousepad',
    skills: ['menu', 'click', 'multi-step'],
    instruction: 'Turn on line numbers in Mousepad.',
    maxSteps: 6,
    expected: 'done',
    setup: (context) => openInMousepad(context, 'list.txt', 'one\ntwo\nthree\n'),
    // Mousepad writes its preferences through GSettings, which the task environment keeps in a keyfile.
    check: (context) =>
      settingIs(
        join(context.home, ...SETTINGS_KEYFILE),
        'org/xfce/mousepad/preferences/view',
        'show-line-numbers',
        'true',
      ),
    transcript: [
      act.click('Open the View menu.', VIEW_MENU),
      act.click('Choose Line Numbers.', LINE_NUMBERS_ITEM),
      act.done('Line numbers are shown.'),
    ],
  },
];
