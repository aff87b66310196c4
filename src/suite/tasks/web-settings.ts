// Web tasks on a settings page with tabs: a setting two levels deep, and a setting that does not exist (FAIL). Node only.
import { act } from '../answers.js';
import { pageCheck, valueIs } from '../checkers.js';
import { openKioskPage } from '../chromium-kiosk.js';
import type { SuiteTask } from '../task.js';
import { at, centre, webPage, type Box } from './web-page.js';

const TABS = ['General', 'Privacy', 'Notifications'] as const;
const TAB = (index: number): Box => ({ left: 40, top: 100 + index * 60, width: 220, height: 50 });
/** Each tab's switches, as rows under one another; a click anywhere on a row flips it. */
const SWITCHES: Record<(typeof TABS)[number], Array<{ key: string; label: string; on: boolean }>> = {
  General: [
    { key: 'startAtLogin', label: 'Start at login', on: true },
    { key: 'largeText', label: 'Use large text', on: false },
  ],
  Privacy: [
    { key: 'usageStatistics', label: 'Send usage statistics', on: true },
    { key: 'blockCookies', label: 'Block third-party cookies', on: false },
  ],
  Notifications: [
    { key: 'sounds', label: 'Play sounds', on: true },
    { key: 'badges', label: 'Show badges', on: true },
  ],
};
const SWITCH_ROW = (index: number): Box => ({ left: 320, top: 100 + index * 70, width: 640, height: 56 });
const SAVE = { left: 320, top: 600, width: 180, height: 56 } satisfies Box;
const INITIAL = Object.fromEntries(Object.values(SWITCHES).flatMap((rows) => rows.map((row) => [row.key, row.on])));

const SETTINGS_PAGE = webPage({
  title: 'Settings',
  css: `.tab { background: #e6e6e0; border-radius: 6px; padding: 12px 20px; }
.tab.active { background: #2458b3; color: #fff; }
.panel { display: none; } .panel.active { display: block; }
.switch { background: #fff; border: 1px solid #bbb; border-radius: 6px; padding: 14px 20px; }`,
  body: `<h1>Settings</h1>${TABS.map(
    (name, index) =>
      `<div class="tab${index === 0 ? ' active' : ''}" data-tab="${name}" style="${at(TAB(index))}">${name}</div>`,
  ).join('')}${TABS.map(
    (name, index) =>
      `<div class="panel${index === 0 ? ' active' : ''}" data-panel="${name}">${SWITCHES[name]
        .map((row, rowIndex) => `<div class="switch" data-key="${row.key}" style="${at(SWITCH_ROW(rowIndex))}"></div>`)
        .join('')}</div>`,
  ).join('')}<button id="save" style="${at(SAVE)}">Save</button>`,
  script: `const labels = ${JSON.stringify(
    Object.fromEntries(
      Object.values(SWITCHES)
        .flat()
        .map((row) => [row.key, row.label]),
    ),
  )};
page.state = { tab: 'General', draft: ${JSON.stringify(INITIAL)}, saved: null };
const paint = () => {
  for (const row of document.querySelectorAll('.switch'))
    row.textContent = (page.state.draft[row.dataset.key] ? '● On   ' : '○ Off  ') + labels[row.dataset.key];
};
for (const tab of document.querySelectorAll('.tab')) tab.addEventListener('click', () => {
  page.state.tab = tab.dataset.tab;
  for (const other of document.querySelectorAll('.tab')) other.classList.toggle('active', other === tab);
  for (const panel of document.querySelectorAll('.panel')) panel.classList.toggle('active', panel.dataset.panel === tab.dataset.tab);
  page.report();
});
for (const row of document.querySelectorAll('.switch')) row.addEventListener('click', () => {
  page.state.draft[row.dataset.key] = !page.state.draft[row.dataset.key];
  paint();
  page.report();
});
document.getElementById('save').addEventListener('click', () => { page.state.saved = { ...page.state.draft }; page.report(); });
paint();`,
});

const tabOf = (name: (typeof TABS)[number]) => centre(TAB(TABS.indexOf(name)));

export const webSettingsTasks: SuiteTask[] = [
  {
    id: 'web-settings-privacy',
    title: 'Turn off a setting on another tab and save',
    app: 'chromium',
    skills: ['click', 'multi-step'],
    instruction: 'On the Settings page, turn off "Send usage statistics" and save the settings.',
    maxSteps: 8,
    expected: 'done',
    setup: (context) => openKioskPage(context, SETTINGS_PAGE),
    check: (context) =>
      pageCheck(context, (state) => valueIs('the saved settings', state.saved, { ...INITIAL, usageStatistics: false })),
    transcript: [
      act.click('Open the Privacy tab.', tabOf('Privacy')),
      act.click('Turn off Send usage statistics.', centre(SWITCH_ROW(0))),
      act.click('Save.', centre(SAVE)),
      act.done('Usage statistics are off and saved.'),
    ],
  },
  {
    id: 'web-settings-impossible',
    title: 'Look for a setting that does not exist, and say so',
    app: 'chromium',
    skills: ['click', 'multi-step', 'impossible'],
    instruction:
      'On the Settings page, turn on dark mode. If the page has no such setting, say that the task cannot be done.',
    maxSteps: 8,
    expected: 'fail',
    setup: (context) => openKioskPage(context, SETTINGS_PAGE),
    // Success here means the agent changed nothing before it gave up.
    check: (context) =>
      pageCheck(context, (state) =>
        valueIs('the settings', { draft: state.draft, saved: state.saved }, { draft: INITIAL, saved: null }),
      ),
    transcript: [
      act.click('Look in the Privacy tab.', tabOf('Privacy')),
      act.click('Look in the Notifications tab.', tabOf('Notifications')),
      act.fail('No tab has a dark mode setting, so this cannot be done.'),
    ],
  },
];
