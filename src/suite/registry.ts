// Every task of the suite, in the order they run, and the lookup of a --tasks list. Node only.
import type { SuiteTask } from './task.js';
import { calculatorTasks } from './tasks/calculator.js';
import { editorTasks } from './tasks/editor.js';
import { fileTasks } from './tasks/files.js';
import { terminalTasks } from './tasks/terminal.js';
import { webFormTasks } from './tasks/web-forms.js';
import { webPointerTasks } from './tasks/web-pointer.js';
import { webSettingsTasks } from './tasks/web-settings.js';

/** All tasks, grouped by app so that runs of one app follow each other. */
export const SUITE_TASKS: readonly SuiteTask[] = [
  ...editorTasks,
  ...terminalTasks,
  ...fileTasks,
  ...calculatorTasks,
  ...webFormTasks,
  ...webPointerTasks,
  ...webSettingsTasks,
];

/** Thrown for ids that name no task; the message lists the known ids. */
export class UnknownTaskError extends Error {
  override readonly name = 'UnknownTaskError';
}

/** The tasks named by `ids` in the order given (duplicates dropped), or every task when `ids` is undefined. */
export function selectTasks(
  ids: readonly string[] | undefined,
  tasks: readonly SuiteTask[] = SUITE_TASKS,
): SuiteTask[] {
  if (ids === undefined) return [...tasks];
  const unknown = ids.filter((id) => !tasks.some((task) => task.id === id));
  if (unknown.length > 0) {
    throw new UnknownTaskError(
      `Unknown task ${unknown.map((id) => `"${id}"`).join(', ')}; known tasks: ${tasks.map((task) => task.id).join(', ')}.`,
    );
  }
  return [...new Set(ids)].map((id) => tasks.find((task) => task.id === id)!);
}
