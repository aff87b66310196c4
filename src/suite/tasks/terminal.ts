// Terminal tasks on xterm running a POSIX shell: commands with quotes, pipes and escapes, checked on disk and in the title. Node only.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { act } from '../answers.js';
import { fileHolds, windowTitleIs } from '../checkers.js';
import type { SuiteTask } from '../task.js';
import type { TaskContext } from '../task-context.js';
import { startApp } from './desktop-apps.js';

/** The middle of the terminal's text area at APP_WINDOW. */
const TERMINAL = { x: 640, y: 400 };

/**
 * xterm with dash, whose plain tty line editing takes typed text as it is; the window's size comes from
 * placement, its font is fixed so that the text is legible at the suite's screen size.
 */
async function openTerminal(context: TaskContext): Promise<void> {
  const args = ['-fa', 'DejaVu Sans Mono', '-fs', '12', '-title', 'Terminal', '-e', 'sh'];
  await startApp(context, 'xterm', 'xterm', args);
}

const DATA_CSV = ['id,level,message', '1,info,boot', '2,error,disk full', '3,info,retry', '4,error,timeout'];
const REPORT_LINE = `total: 42 & done | "ok" $HOME`;

export const terminalTasks: SuiteTask[] = [
  {
    id: 'terminal-set-title',
    title: 'Set the terminal window title with an escape sequence',
    app: 'xterm',
    skills: ['click', 'type-symbols'],
    instruction: 'In the terminal, change the window title to "build-ok".',
    maxSteps: 6,
    expected: 'done',
    setup: openTerminal,
    check: (context) => windowTitleIs(context, 'xterm', 'build-ok'),
    transcript: [
      act.click('Click into the terminal.', TERMINAL),
      act.type('Print the title escape sequence and run it.', "printf '\\033]0;build-ok\\007'\n"),
      act.done('The title is build-ok.'),
    ],
  },
  {
    id: 'terminal-write-file',
    title: 'Write a line with shell metacharacters into a file',
    app: 'xterm',
    skills: ['click', 'type-symbols'],
    instruction: `In the terminal, create the file report.txt in the current folder containing exactly the line: ${REPORT_LINE}`,
    maxSteps: 6,
    expected: 'done',
    setup: openTerminal,
    check: (context) => fileHolds(join(context.home, 'report.txt'), 'report.txt', REPORT_LINE),
    transcript: [
      act.click('Click into the terminal.', TERMINAL),
      act.type('Write the line with quotes around it.', `printf '%s\\n' '${REPORT_LINE}' > report.txt\n`),
      act.done('report.txt holds the line.'),
    ],
  },
  {
    id: 'terminal-count-errors',
    title: 'Count matching lines of a CSV file and save the number',
    app: 'xterm',
    skills: ['click', 'type-symbols', 'multi-step'],
    instruction:
      'In the terminal, count the lines of data.csv whose level is "error" and write only that number to count.txt.',
    maxSteps: 8,
    expected: 'done',
    setup: async (context) => {
      await writeFile(join(context.home, 'data.csv'), `${DATA_CSV.join('\n')}\n`);
      await openTerminal(context);
    },
    check: (context) => fileHolds(join(context.home, 'count.txt'), 'count.txt', '2'),
    transcript: [
      act.click('Click into the terminal.', TERMINAL),
      act.type('Look at the file first.', 'cat data.csv\n'),
      act.type('Count the error lines into count.txt.', "grep -c ',error,' data.csv > count.txt\n"),
      act.done('count.txt holds the count.'),
    ],
  },
];
