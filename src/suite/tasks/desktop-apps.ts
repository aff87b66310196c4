// Starting the suite's native apps at a fixed geometry, so transcripts' points hit the same widgets every time. Node only.
import { sleep } from '../../abortable.js';
import type { TaskContext } from '../task-context.js';
import type { WindowPlacement } from '../windows.js';

/** Where every resizable app window goes: frame at (40, 40), client 1200×700 on the 1280×800 screen. */
export const APP_WINDOW: WindowPlacement = { x: 40, y: 40, width: 1200, height: 700 };
/** Time for a placed window to repaint at its new size before the agent's first screenshot. */
const REPAINT_MS = 600;

/** Launches `command`, waits for its window of `className`, and places it; returns the window id. */
export async function startApp(
  context: TaskContext,
  className: string,
  command: string,
  args: readonly string[],
  placement: WindowPlacement | null = APP_WINDOW,
): Promise<string> {
  context.launch(command, args);
  const id = await context.windows.waitFor(className);
  if (placement) await context.windows.place(id, placement);
  await sleep(REPAINT_MS);
  return id;
}
