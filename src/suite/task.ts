// What one suite task is: metadata, setup, an outside check, teardown and a scripted correct answer sequence. Node only.
import { z } from 'zod';
import type { TaskContext } from './task-context.js';

/** The skills a task exercises; `suite list` shows them and reports group by them. */
export const Skill = z.enum([
  'click',
  'double-click',
  'right-click',
  'drag',
  'scroll',
  'type-unicode',
  'type-symbols',
  'key-chord',
  'multi-step',
  'menu',
  'impossible',
]);
export type Skill = z.infer<typeof Skill>;

/** A task's description, as `suite list --json` prints it. */
export const TaskInfo = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(1),
  /** The application family, e.g. "mousepad", "chromium". */
  app: z.string().min(1),
  skills: z.array(Skill).min(1),
  instruction: z.string().min(1),
  maxSteps: z.number().int().positive(),
  /** How a correct run ends: DONE, or FAIL for a task that cannot be done. */
  expected: z.enum(['done', 'fail']),
});
export type TaskInfo = z.infer<typeof TaskInfo>;

/** What a check found, from the outside (files, windows, page state, settings), never from the model. */
export interface CheckResult {
  success: boolean;
  /** What was seen, in a sentence, e.g. `notes.txt holds "Grüße"`. */
  detail: string;
}

export interface SuiteTask extends TaskInfo {
  /** Starts the apps and creates the files the task begins with, at fixed window geometry. */
  setup(context: TaskContext): Promise<void>;
  /** Reads the end state and says whether the task was done. */
  check(context: TaskContext): Promise<CheckResult>;
  /** Task-specific clean-up; the harness kills every launched process and deletes the work folder anyway. */
  teardown?(context: TaskContext): Promise<void>;
  /**
   * One correct run for the replay backend: raw GLM-4.1V answers, one per step, whose points are correct for the
   * suite's screen size and the geometry that setup fixes.
   */
  transcript: readonly string[];
}

/** The metadata of a task, without its functions. */
export function taskInfo(task: SuiteTask): TaskInfo {
  return TaskInfo.parse({
    id: task.id,
    title: task.title,
    app: task.app,
    skills: task.skills,
    instruction: task.instruction,
    maxSteps: task.maxSteps,
    expected: task.expected,
  });
}
