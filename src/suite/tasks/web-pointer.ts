// Web tasks about the pointer: double-click, right-click menu, drag and drop, scrolling to the end of a page. Node only.
import { act } from '../answers.js';
import { allOf, pageCheck, valueIs } from '../checkers.js';
import { openKioskPage } from '../chromium-kiosk.js';
import type { SuiteTask } from '../task.js';
import { at, centre, webPage, type Box } from './web-page.js';

const FILES = ['agenda.txt', 'budget-2026.ods', 'photo.jpg', 'slides.odp'];
const FILE_ROW = (index: number): Box => ({ left: 40, top: 100 + index * 60, width: 700, height: 52 });

const FILES_PAGE = webPage({
  title: 'Files',
  css: `.row { background: #fff; border: 1px solid #bbb; padding: 12px 16px; }
.row.selected { background: #cfe0ff; }`,
  body: `<h1>Files — double-click a file to open it</h1>${FILES.map(
    (name, index) => `<div class="row" data-name="${name}" style="${at(FILE_ROW(index))}">${name}</div>`,
  ).join('')}`,
  script: `page.state = { selected: null, opened: [] };
for (const row of document.querySelectorAll('.row')) {
  row.addEventListener('click', () => {
    for (const other of document.querySelectorAll('.row')) other.classList.toggle('selected', other === row);
    page.state.selected = row.dataset.name;
    page.report();
  });
  row.addEventListener('dblclick', () => { page.state.opened.push(row.dataset.name); page.report(); });
}`,
});

const CARDS = ['Invoice #2030', 'Invoice #2031', 'Invoice #2032'];
const CARD = (index: number): Box => ({ left: 40, top: 100 + index * 90, width: 500, height: 72 });
/** The context menu opens with its top-left corner at the pointer; items are 40 px tall and 200 px wide. */
const MENU_ITEMS = ['Rename', 'Archive', 'Delete'];
const MENU_ITEM_HEIGHT = 40;

const CARDS_PAGE = webPage({
  title: 'Invoices',
  css: `.card { background: #fff; border: 1px solid #bbb; border-radius: 6px; padding: 20px; }
.card.archived { opacity: 0.3; }
#menu { position: absolute; display: none; width: 200px; background: #fff; border: 1px solid #888; }
#menu div { height: ${MENU_ITEM_HEIGHT}px; padding: 8px 12px; }
#menu div:hover { background: #cfe0ff; }`,
  body: `<h1>Invoices — right-click an invoice for actions</h1>${CARDS.map(
    (name, index) => `<div class="card" data-name="${name}" style="${at(CARD(index))}">${name}</div>`,
  ).join('')}<div id="menu">${MENU_ITEMS.map((item) => `<div data-action="${item}">${item}</div>`).join('')}</div>`,
  script: `page.state = { archived: [], deleted: [], renamed: [] };
const menu = document.getElementById('menu');
let target = null;
addEventListener('contextmenu', (event) => {
  event.preventDefault();
  target = event.target.closest('.card');
  if (!target) return;
  Object.assign(menu.style, { display: 'block', left: event.clientX + 'px', top: event.clientY + 'px' });
});
addEventListener('click', (event) => {
  const item = event.target.closest('#menu div');
  if (item && target) {
    const key = { Rename: 'renamed', Archive: 'archived', Delete: 'deleted' }[item.dataset.action];
    page.state[key].push(target.dataset.name);
    if (key === 'archived') target.classList.add('archived');
    page.report();
  }
  menu.style.display = 'none';
});`,
});

const COLUMNS = {
  todo: { left: 40, top: 100, width: 360, height: 600 },
  doing: { left: 460, top: 100, width: 360, height: 600 },
  done: { left: 880, top: 100, width: 360, height: 600 },
} satisfies Record<string, Box>;
const TASK_CARDS = ['Write report', 'Book room', 'Order toner'];
const TASK_CARD = (index: number): Box => ({ left: 60, top: 160 + index * 90, width: 320, height: 70 });

const BOARD_PAGE = webPage({
  title: 'Board',
  css: `.column { background: #e6e6e0; border-radius: 8px; padding: 12px 20px; font-weight: bold; }
.card { background: #fff; border: 1px solid #999; border-radius: 6px; padding: 20px; touch-action: none; }`,
  body: `<h1>Board — drag cards between columns</h1>${Object.entries(COLUMNS)
    .map(
      ([id, box]) =>
        `<div class="column" id="${id}" style="${at(box)}">${{ todo: 'To do', doing: 'Doing', done: 'Done' }[id]}</div>`,
    )
    .join(
      '',
    )}${TASK_CARDS.map((name, index) => `<div class="card" data-name="${name}" style="${at(TASK_CARD(index))}">${name}</div>`).join('')}`,
  script: `page.state = { columns: { todo: ${JSON.stringify(TASK_CARDS)}, doing: [], done: [] } };
let drag = null;
for (const card of document.querySelectorAll('.card')) {
  card.addEventListener('pointerdown', (event) => {
    drag = { card, x: event.clientX, y: event.clientY, left: card.offsetLeft, top: card.offsetTop };
    card.setPointerCapture(event.pointerId);
  });
  card.addEventListener('pointermove', (event) => {
    if (drag?.card !== card) return;
    card.style.left = drag.left + event.clientX - drag.x + 'px';
    card.style.top = drag.top + event.clientY - drag.y + 'px';
  });
  card.addEventListener('pointerup', (event) => {
    if (drag?.card !== card) return;
    drag = null;
    const column = ['todo', 'doing', 'done'].find((id) => {
      const box = document.getElementById(id).getBoundingClientRect();
      return event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    });
    const columns = page.state.columns;
    if (!column) return;
    for (const id of Object.keys(columns)) columns[id] = columns[id].filter((name) => name !== card.dataset.name);
    columns[column].push(card.dataset.name);
    page.report();
  });
}`,
});

/** A page 2400 px tall; scrolled to the end, its last 800 px fill the screen, so `top` maps to `top - 1600`. */
const TERMS_HEIGHT = 2400;
const SCROLLED_BY = TERMS_HEIGHT - 800;
const AGREE = { left: 40, top: 2200, width: 420, height: 50 } satisfies Box;
const CONTINUE = { left: 40, top: 2290, width: 200, height: 52 } satisfies Box;
const onScreen = (box: Box): Box => ({ ...box, top: box.top - SCROLLED_BY });

const TERMS_PAGE = webPage({
  title: 'Terms',
  css: `html, body { overflow-y: auto; } body { height: ${TERMS_HEIGHT}px; position: relative; }
p { position: absolute; left: 40px; width: 1100px; margin: 0; }
#agree { background: #fff; border: 2px solid #888; padding: 10px; }
#agree.on { background: #cfe0ff; }`,
  body: `<h1>Terms of service</h1>${Array.from(
    { length: 20 },
    (_, index) =>
      `<p style="top:${100 + index * 100}px">§${index + 1}. The service is provided as is; read every section before you continue.</p>`,
  ).join('')}<div id="agree" style="${at(AGREE)}">☐ I have read and agree to the terms</div>
<button id="continue" style="${at(CONTINUE)}">Continue</button>`,
  script: `page.state = { agreed: false, continued: false, scrollY: 0 };
const agree = document.getElementById('agree');
agree.addEventListener('click', () => {
  page.state.agreed = !page.state.agreed;
  agree.classList.toggle('on', page.state.agreed);
  agree.textContent = (page.state.agreed ? '☑' : '☐') + ' I have read and agree to the terms';
  page.report();
});
document.getElementById('continue').addEventListener('click', () => { page.state.continued = page.state.agreed; page.report(); });
addEventListener('scroll', () => { page.state.scrollY = Math.round(scrollY); page.report(); });`,
});

export const webPointerTasks: SuiteTask[] = [
  {
    id: 'web-open-file',
    title: 'Open a file from a list by double-clicking it',
    app: 'chromium',
    skills: ['double-click'],
    instruction: 'On the Files page, open budget-2026.ods.',
    maxSteps: 5,
    expected: 'done',
    setup: (context) => openKioskPage(context, FILES_PAGE),
    check: (context) => pageCheck(context, (state) => valueIs('the opened files', state.opened, ['budget-2026.ods'])),
    transcript: [act.doubleClick('Double-click budget-2026.ods.', centre(FILE_ROW(1))), act.done('The file is open.')],
  },
  {
    id: 'web-archive-context-menu',
    title: 'Archive an item from its right-click menu',
    app: 'chromium',
    skills: ['right-click', 'click'],
    instruction: 'On the Invoices page, archive "Invoice #2031" (and nothing else).',
    maxSteps: 6,
    expected: 'done',
    setup: (context) => openKioskPage(context, CARDS_PAGE),
    check: (context) =>
      pageCheck(context, (state) =>
        allOf(valueIs('archived', state.archived, ['Invoice #2031']), valueIs('deleted', state.deleted, [])),
      ),
    transcript: [
      act.rightClick('Open the actions of Invoice #2031.', centre(CARD(1))),
      act.click('Choose Archive, the second item of the menu that opened at the pointer.', {
        x: centre(CARD(1)).x + 100,
        y: centre(CARD(1)).y + MENU_ITEM_HEIGHT * 1.5,
      }),
      act.done('Invoice #2031 is archived.'),
    ],
  },
  {
    id: 'web-board-drag',
    title: 'Drag a card to another column',
    app: 'chromium',
    skills: ['drag'],
    instruction: 'On the board, move the card "Write report" to the Done column.',
    maxSteps: 5,
    expected: 'done',
    setup: (context) => openKioskPage(context, BOARD_PAGE),
    check: (context) =>
      pageCheck(context, (state) =>
        valueIs('the Done column', (state.columns as Record<string, unknown> | undefined)?.done, ['Write report']),
      ),
    transcript: [
      act.drag('Drag Write report into Done.', centre(TASK_CARD(0)), centre(COLUMNS.done)),
      act.done('The card is in Done.'),
    ],
  },
  {
    id: 'web-scroll-accept-terms',
    title: 'Scroll to the end of a long page, agree and continue',
    app: 'chromium',
    skills: ['scroll', 'click', 'multi-step'],
    instruction: 'On the terms page, agree to the terms at the bottom of the page and press Continue.',
    maxSteps: 10,
    expected: 'done',
    setup: (context) => openKioskPage(context, TERMS_PAGE),
    check: (context) =>
      pageCheck(context, (state) => valueIs('agreed and continued', [state.agreed, state.continued], [true, true])),
    transcript: [
      act.scroll('Scroll down to the end of the terms.', { x: 640, y: 400 }, 'down', 30),
      act.click('Tick the agreement.', centre(onScreen(AGREE))),
      act.click('Press Continue.', centre(onScreen(CONTINUE))),
      act.done('The terms are accepted.'),
    ],
  },
];
