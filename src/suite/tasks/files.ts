// File-manager tasks on PCManFM: rename, open a folder, drag a file into a folder, create a folder. Node only.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act } from '../answers.js';
import { allOf, fileHolds, pathIs, windowTitleIs } from '../checkers.js';
import type { SuiteTask } from '../task.js';
import type { TaskContext } from '../task-context.js';
import { startApp } from './desktop-apps.js';

/**
 * Icon centres in PCManFM's icon view at APP_WINDOW: folders first, then files, by name, about 94 px apart.
 * Every task starts in the same folder, so the icons are always Archive, Projects, draft.txt, notes.md.
 */
const ICONS = {
  archive: { x: 247, y: 157 },
  projects: { x: 341, y: 157 },
  draft: { x: 436, y: 157 },
  notes: { x: 530, y: 157 },
  emptySpace: { x: 800, y: 500 },
};

async function openWorkFolder(context: TaskContext): Promise<void> {
  const work = join(context.home, 'work');
  await mkdir(join(work, 'Archive'), { recursive: true });
  await mkdir(join(work, 'Projects'), { recursive: true });
  await writeFile(join(work, 'draft.txt'), 'draft\n');
  await writeFile(join(work, 'notes.md'), '# notes\n');
  await startApp(context, 'pcmanfm', 'pcmanfm', [work]);
}

const work = (context: TaskContext, ...names: string[]) => join(context.home, 'work', ...names);

export const fileTasks: SuiteTask[] = [
  {
    id: 'files-rename',
    title: 'Rename a file',
    app: 'pcmanfm',
    skills: ['click', 'key-chord', 'type-symbols'],
    instruction: 'In the file manager, rename draft.txt to final.txt.',
    maxSteps: 8,
    expected: 'done',
    setup: openWorkFolder,
    check: async (context) =>
      allOf(
        await fileHolds(work(context, 'final.txt'), 'final.txt', 'draft'),
        await pathIs(work(context, 'draft.txt'), 'draft.txt', 'absent'),
      ),
    transcript: [
      act.click('Select draft.txt.', ICONS.draft),
      act.key('Rename it with F2.', 'f2'),
      act.type('The name without its extension is selected: type the new name.', 'final'),
      act.key('Confirm.', 'enter'),
      act.done('draft.txt is now final.txt.'),
    ],
  },
  {
    id: 'files-open-folder',
    title: 'Open a folder by double-clicking it',
    app: 'pcmanfm',
    skills: ['double-click'],
    instruction: 'In the file manager, open the Projects folder.',
    maxSteps: 5,
    expected: 'done',
    setup: openWorkFolder,
    check: (context) => windowTitleIs(context, 'pcmanfm', 'Projects'),
    transcript: [act.doubleClick('Open Projects.', ICONS.projects), act.done('The Projects folder is open.')],
  },
  {
    id: 'files-drag-into-folder',
    title: 'Move a file into a folder by dragging it',
    app: 'pcmanfm',
    skills: ['drag'],
    instruction: 'In the file manager, move notes.md into the Archive folder by dragging it there.',
    maxSteps: 5,
    expected: 'done',
    setup: openWorkFolder,
    check: async (context) =>
      allOf(
        await fileHolds(work(context, 'Archive', 'notes.md'), 'Archive/notes.md', '# notes'),
        await pathIs(work(context, 'notes.md'), 'notes.md', 'absent'),
      ),
    transcript: [act.drag('Drag notes.md onto Archive.', ICONS.notes, ICONS.archive), act.done('notes.md is moved.')],
  },
  {
    id: 'files-new-folder',
    title: 'Create a folder with a key chord',
    app: 'pcmanfm',
    skills: ['key-chord', 'type-unicode'],
    instruction: 'In the file manager, create a new folder named "Reports 2026 – Q1" in the current folder.',
    maxSteps: 6,
    expected: 'done',
    setup: openWorkFolder,
    check: (context) => pathIs(work(context, 'Reports 2026 – Q1'), '"Reports 2026 – Q1"', 'folder'),
    transcript: [
      act.click('Click an empty part of the folder view.', ICONS.emptySpace),
      act.key('New folder.', 'ctrl+shift+n'),
      act.type('The proposed name is selected: type the new one.', 'Reports 2026 – Q1'),
      act.key('Confirm.', 'enter'),
      act.done('The folder exists.'),
    ],
  },
];
