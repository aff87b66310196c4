// The task registry: enough tasks, valid metadata, the skills the suite promises, and transcripts the parser accepts.
import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../../src/glm/parser.js';
import { selectTasks, SUITE_TASKS, UnknownTaskError } from '../../../src/suite/registry.js';
import { taskInfo, type SuiteTask } from '../../../src/suite/task.js';
import { SUITE_SCREEN } from '../../../src/suite/task-context.js';

const parsed = (task: SuiteTask) => task.transcript.map((answer) => parseAnswer(answer, SUITE_SCREEN));

describe('suite registry', () => {
  it('has at least 20 tasks with unique ids and valid metadata, over several apps', () => {
    expect(SUITE_TASKS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(SUITE_TASKS.map((task) => task.id)).size).toBe(SUITE_TASKS.length);
    for (const task of SUITE_TASKS) expect(() => taskInfo(task)).not.toThrow();
    expect(new Set(SUITE_TASKS.map((task) => task.app))).toEqual(
      new Set(['mousepad', 'xterm', 'pcmanfm', 'galculator', 'chromium']),
    );
  });

  it('covers every skill the suite promises, and has exactly one task that must end in FAIL', () => {
    const skills = new Set(SUITE_TASKS.flatMap((task) => task.skills));
    for (const skill of ['click', 'double-click', 'right-click', 'drag', 'scroll', 'type-unicode', 'type-symbols'])
      expect(skills).toContain(skill);
    for (const skill of ['key-chord', 'multi-step', 'menu']) expect(skills).toContain(skill);
    const impossible = SUITE_TASKS.filter((task) => task.expected === 'fail');
    expect(impossible.map((task) => task.skills.includes('impossible'))).toEqual([true]);
  });

  it.each(SUITE_TASKS.map((task) => [task.id, task] as const))(
    '%s: its transcript parses, stays on screen, fits the step budget and ends as expected',
    (_id, task) => {
      const answers = parsed(task);
      expect(answers.map((answer) => answer.error)).toEqual(answers.map(() => null));
      expect(answers.length).toBeLessThanOrEqual(task.maxSteps);
      expect(answers.at(-1)!.action.name).toBe(task.expected);
      expect(answers.slice(0, -1).every((answer) => !['done', 'fail'].includes(answer.action.name))).toBe(true);
      for (const { action } of answers) {
        for (const point of [action.point, action.endPoint].filter((value) => value !== null)) {
          expect(point[0]).toBeGreaterThan(0);
          expect(point[0]).toBeLessThan(SUITE_SCREEN.width);
          expect(point[1]).toBeGreaterThan(0);
          expect(point[1]).toBeLessThan(SUITE_SCREEN.height);
        }
      }
    },
  );

  it('selects tasks in the order given without duplicates, all by default, and names unknown ids', () => {
    const [first, second] = SUITE_TASKS;
    expect(selectTasks([second!.id, first!.id, second!.id]).map((task) => task.id)).toEqual([second!.id, first!.id]);
    expect(selectTasks(undefined)).toHaveLength(SUITE_TASKS.length);
    expect(() => selectTasks(['no-such-task', first!.id])).toThrow(UnknownTaskError);
    expect(() => selectTasks(['no-such-task'])).toThrow(/"no-such-task".*known tasks: .*editor-append-unicode/);
  });
});
