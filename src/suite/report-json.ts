// The suite report: per-task and overall success rates and run numbers, as a zod schema and its builder. Node only.
import { z } from 'zod';
import { Outcome } from '../run-protocol/run-events.js';
import { FailureReason } from './grade.js';
import type { TaskAttempt } from './harness.js';
import { mean } from './run-metrics.js';
import { Skill, type SuiteTask } from './task.js';

const Milliseconds = z.number().nullable();
const FailureCounts = z.record(FailureReason, z.number().int());

/** Numbers over a set of attempts (one task's, or all of them). */
const Totals = z.object({
  runs: z.number().int(),
  successes: z.number().int(),
  /** successes / runs, 0–1. */
  successRate: z.number(),
  meanSteps: z.number().nullable(),
  meanStepMs: Milliseconds,
  meanFirstTokenMs: Milliseconds,
  meanTokensPerStep: z.number().nullable(),
  failures: FailureCounts,
});

export const AttemptReport = z.object({
  attempt: z.number().int(),
  success: z.boolean(),
  reason: FailureReason.nullable(),
  detail: z.string(),
  outcome: Outcome.nullable(),
  sessionId: z.string().nullable(),
  sessionDir: z.string().nullable(),
  steps: z.number().int(),
  durationMs: Milliseconds,
  stepMs: Milliseconds,
  firstTokenMs: Milliseconds,
  tokensPerStep: z.number().nullable(),
});

export const TaskReport = Totals.extend({
  id: z.string(),
  title: z.string(),
  app: z.string(),
  skills: z.array(Skill),
  expected: z.enum(['done', 'fail']),
  attempts: z.array(AttemptReport),
});
export type TaskReport = z.infer<typeof TaskReport>;

export const SuiteReport = z.object({
  formatVersion: z.literal(1),
  startedAt: z.string(),
  endedAt: z.string(),
  backend: z.object({ kind: z.string(), model: z.string().nullable() }),
  display: z.object({ mode: z.enum(['private', 'own']), width: z.number().int(), height: z.number().int() }),
  repeat: z.number().int(),
  overall: Totals.extend({ tasks: z.number().int() }),
  tasks: z.array(TaskReport),
});
export type SuiteReport = z.infer<typeof SuiteReport>;

export interface ReportInput {
  startedAt: Date;
  endedAt: Date;
  backendKind: string;
  display: SuiteReport['display'];
  repeat: number;
  tasks: readonly SuiteTask[];
  attempts: readonly TaskAttempt[];
}

export function buildReport(input: ReportInput): SuiteReport {
  const tasks = input.tasks.map((task) => {
    const attempts = input.attempts.filter((attempt) => attempt.taskId === task.id);
    return {
      id: task.id,
      title: task.title,
      app: task.app,
      skills: [...task.skills],
      expected: task.expected,
      ...totalsOf(attempts),
      attempts: attempts.map(attemptReport),
    };
  });
  return SuiteReport.parse({
    formatVersion: 1,
    startedAt: input.startedAt.toISOString(),
    endedAt: input.endedAt.toISOString(),
    backend: { kind: input.backendKind, model: input.attempts.find((attempt) => attempt.model)?.model ?? null },
    display: input.display,
    repeat: input.repeat,
    overall: { tasks: tasks.length, ...totalsOf(input.attempts) },
    tasks,
  });
}

function totalsOf(attempts: readonly TaskAttempt[]): z.infer<typeof Totals> {
  const successes = attempts.filter((attempt) => attempt.success).length;
  const failures = Object.fromEntries(FailureReason.options.map((reason) => [reason, 0])) as Record<
    FailureReason,
    number
  >;
  for (const attempt of attempts) if (attempt.reason) failures[attempt.reason] += 1;
  const ran = attempts.filter((attempt) => attempt.metrics.steps > 0);
  return {
    runs: attempts.length,
    successes,
    successRate: attempts.length === 0 ? 0 : Math.round((successes / attempts.length) * 1000) / 1000,
    meanSteps: mean(ran.map((attempt) => attempt.metrics.steps)),
    meanStepMs: mean(ran.map((attempt) => attempt.metrics.stepMs)),
    meanFirstTokenMs: mean(ran.map((attempt) => attempt.metrics.firstTokenMs)),
    meanTokensPerStep: mean(ran.map((attempt) => attempt.metrics.tokensPerStep)),
    failures,
  };
}

function attemptReport(attempt: TaskAttempt): z.infer<typeof AttemptReport> {
  return {
    attempt: attempt.attempt,
    success: attempt.success,
    reason: attempt.reason,
    detail: attempt.detail,
    outcome: attempt.outcome,
    sessionId: attempt.sessionId,
    sessionDir: attempt.sessionDir,
    ...attempt.metrics,
  };
}
