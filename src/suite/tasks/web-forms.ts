// Web tasks about text: a form with Unicode and symbols, and a note saved with a key chord. Node only.
import { act } from '../answers.js';
import { pageCheck, valueIs } from '../checkers.js';
import { openKioskPage } from '../chromium-kiosk.js';
import type { SuiteTask } from '../task.js';
import { at, centre, webPage, type Box } from './web-page.js';

const FORM = {
  name: { left: 240, top: 120, width: 600, height: 48 },
  message: { left: 240, top: 200, width: 600, height: 200 },
  send: { left: 240, top: 430, width: 160, height: 52 },
} satisfies Record<string, Box>;

const NAME = 'Zoë Ørsted-Nakamura 中村';
const MESSAGE = `Prices: 3 < 5 & 10% off — "quoted" 'single' \\ {braces} [x] $HOME #tag ~`;

const CONTACT_PAGE = webPage({
  title: 'Contact',
  css: `label { position: absolute; left: 40px; font-size: 20px; }
input, textarea { border: 2px solid #888; border-radius: 4px; padding: 6px; background: #fff; }`,
  body: `<h1>Contact us</h1>
<label style="top:132px">Name</label><input id="name" style="${at(FORM.name)}">
<label style="top:212px">Message</label><textarea id="message" style="${at(FORM.message)}"></textarea>
<button id="send" style="${at(FORM.send)}">Send</button>`,
  script: `page.state = { submitted: null };
document.getElementById('send').addEventListener('click', () => {
  page.state.submitted = { name: document.getElementById('name').value, message: document.getElementById('message').value };
  page.report();
});`,
});

const NOTE = { left: 40, top: 100, width: 1200, height: 500 } satisfies Box;
const NOTE_TEXT = 'final version ✓ (v2)';

const NOTE_PAGE = webPage({
  title: 'Note',
  css: `textarea { border: 2px solid #888; padding: 10px; background: #fff; }
#status { position: absolute; left: 40px; top: 630px; }`,
  body: `<h1>Note — press Ctrl+S to save</h1><textarea id="note" style="${at(NOTE)}">draft one
draft two</textarea><div id="status">Not saved</div>`,
  script: `page.state = { saved: null, saves: 0 };
addEventListener('keydown', (event) => {
  if (!(event.ctrlKey && event.key.toLowerCase() === 's')) return;
  event.preventDefault();
  page.state.saved = document.getElementById('note').value;
  page.state.saves += 1;
  document.getElementById('status').textContent = 'Saved';
  page.report();
});`,
});

export const webFormTasks: SuiteTask[] = [
  {
    id: 'web-contact-form',
    title: 'Fill in and send a form with Unicode and symbols',
    app: 'chromium',
    skills: ['click', 'type-unicode', 'type-symbols', 'multi-step'],
    instruction: `On the contact page, enter the name "${NAME}" and the message "${MESSAGE}", then press Send.`,
    maxSteps: 10,
    expected: 'done',
    setup: (context) => openKioskPage(context, CONTACT_PAGE),
    check: (context) =>
      pageCheck(context, (state) => valueIs('the sent form', state.submitted, { name: NAME, message: MESSAGE })),
    transcript: [
      act.click('Click the Name field.', centre(FORM.name)),
      act.type('Type the name.', NAME),
      act.click('Click the Message field.', centre(FORM.message)),
      act.type('Type the message.', MESSAGE),
      act.click('Press Send.', centre(FORM.send)),
      act.done('The form is sent.'),
    ],
  },
  {
    id: 'web-note-save-shortcut',
    title: 'Replace a note and save it with Ctrl+S',
    app: 'chromium',
    skills: ['click', 'key-chord', 'type-unicode'],
    instruction: `On the note page, replace all of the note's text with "${NOTE_TEXT}" and save it with Ctrl+S.`,
    maxSteps: 8,
    expected: 'done',
    setup: (context) => openKioskPage(context, NOTE_PAGE),
    check: (context) => pageCheck(context, (state) => valueIs('the saved note', state.saved, NOTE_TEXT)),
    transcript: [
      act.click('Click into the note.', centre(NOTE)),
      act.key('Select all of its text.', 'ctrl+a'),
      act.type('Type the new text over it.', NOTE_TEXT),
      act.key('Save.', 'ctrl+s'),
      act.done('The note is saved.'),
    ],
  },
];
