// The suite report: totals and failure reasons, grading, and an HTML page that escapes everything and links sessions.
import { describe, expect, it } from 'vitest';
import { gradeAttempt } from '../../../src/suite/grade.js';
import type { TaskAttempt } from '../../../src/suite/harness.js';
import { renderSuiteReportHtml } from '../../../src/suite/suite-report-html.js';
import { buildReport, SuiteReport } from '../../../src/suite/report-json.js';
import { metricsOfSession, NO_METRICS } from '../../../src/suite/run-metrics.js';
import type { SuiteTask } from '../../../src/suite/task.js';

const task = (id: string, expected: 'done' | 'fail' = 'done'): SuiteTask => ({
  id,
  title: `Title of ${id} <b>`,
  app: 'chromium',
  skills: ['click'],
  instruction: 'do it',
  maxSteps: 5,
  expected,
  setup: async () => undefined,
  check: async () => ({ success: true, detail: '' }),
  transcript: [],
});

const attempt = (taskId: string, number: number, overrides: Partial<TaskAttempt>): TaskAttempt => ({
  taskId,
  attempt: number,
  success: true,
  reason: null,
  detail: 'done: fine',
  outcome: { kind: 'done', message: 'ok' },
  model: 'glm-test',
  sessionId: `s-${taskId}-${number}`,
  sessionDir: `/data/sessions/s-${taskId}-${number}`,
  metrics: { steps: 4, durationMs: 4000, stepMs: 1000, firstTokenMs: 200, tokensPerStep: 300 },
  ...overrides,
});

describe('suite report', () => {
  const tasks = [task('alpha'), task('beta'), task('gamma', 'fail')];
  const attempts = [
    attempt('alpha', 1, {}),
    attempt('alpha', 2, { success: false, reason: 'budget', metrics: { ...NO_METRICS, steps: 5, stepMs: 3000 } }),
    attempt('beta', 1, { success: false, reason: 'wrong result', detail: 'done: <script>alert(1)</script>' }),
    attempt('beta', 2, { success: false, reason: 'error', sessionDir: null, sessionId: null, metrics: NO_METRICS }),
    attempt('gamma', 1, { outcome: { kind: 'fail', message: 'impossible' } }),
    attempt('gamma', 2, { outcome: { kind: 'fail', message: 'impossible' } }),
  ];
  const report = buildReport({
    startedAt: new Date('2026-01-01T10:00:00Z'),
    endedAt: new Date('2026-01-01T10:05:00Z'),
    backendKind: 'openai',
    display: { mode: 'private', width: 1280, height: 800 },
    repeat: 2,
    tasks,
    attempts,
  });

  it('counts successes and failure reasons per task and overall; means skip runs that made no step', () => {
    expect(SuiteReport.parse(report)).toEqual(report);
    expect(report.backend).toEqual({ kind: 'openai', model: 'glm-test' });
    expect(report.overall).toEqual({
      tasks: 3,
      runs: 6,
      successes: 3,
      successRate: 0.5,
      meanSteps: 4.2,
      meanStepMs: 1400,
      meanFirstTokenMs: 200,
      meanTokensPerStep: 300,
      failures: { parse: 0, stuck: 0, budget: 1, 'wrong result': 1, error: 1 },
    });
    expect(report.tasks.map((entry) => [entry.id, entry.successes, entry.runs, entry.successRate])).toEqual([
      ['alpha', 1, 2, 0.5],
      ['beta', 0, 2, 0],
      ['gamma', 2, 2, 1],
    ]);
    expect(report.tasks[0]!.attempts[1]).toMatchObject({ reason: 'budget', steps: 5, stepMs: 3000 });
  });

  it('renders a self-contained page: text escaped, no scripts or remote URLs, sessions linked relative to the report', () => {
    const html = renderSuiteReportHtml(report, '/data/reports/run-1');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('Title of alpha &#60;b&#62;');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('href="../../sessions/s-alpha-1/"');
    expect(html).toContain('3/6 (50%)');
    expect(html).toContain('(expects FAIL)');
  });
});

describe('grading an attempt', () => {
  const passed = { success: true, detail: 'right' };
  const wrong = { success: false, detail: 'wrong' };
  it.each([
    ['done', { kind: 'done', message: '' }, passed, { success: true, reason: null }],
    ['done', { kind: 'done', message: '' }, wrong, { success: false, reason: 'wrong result' }],
    ['done', { kind: 'fail', message: '' }, passed, { success: false, reason: 'wrong result' }],
    ['fail', { kind: 'fail', message: '' }, passed, { success: true, reason: null }],
    ['fail', { kind: 'done', message: '' }, passed, { success: false, reason: 'wrong result' }],
    ['done', { kind: 'unparseable', message: '' }, passed, { success: false, reason: 'parse' }],
    ['done', { kind: 'stuck', message: '' }, passed, { success: false, reason: 'stuck' }],
    ['done', { kind: 'max-steps', message: '' }, passed, { success: false, reason: 'budget' }],
    ['done', { kind: 'error', message: '' }, passed, { success: false, reason: 'error' }],
    ['done', { kind: 'done', message: '' }, null, { success: false, reason: 'error' }],
    ['done', null, null, { success: false, reason: 'error' }],
  ] as const)('expected %s, outcome %j, check %j → %j', (expected, outcome, check, grade) => {
    expect(gradeAttempt(expected, outcome, check)).toEqual(grade);
  });
});

describe('run metrics', () => {
  it('takes wall time per step and means of first-token times and token counts that were reported', () => {
    const step = (firstTokenMs: number | null, completionTokens: number | null) => ({
      timings: { firstTokenMs },
      usage: { completionTokens },
    });
    const session = {
      info: { startedAt: '2026-01-01T10:00:00.000Z', endedAt: '2026-01-01T10:00:09.000Z' },
      steps: [step(100, 50), step(300, null), step(null, 150)],
    } as unknown as Parameters<typeof metricsOfSession>[0];
    expect(metricsOfSession(session)).toEqual({
      steps: 3,
      durationMs: 9000,
      stepMs: 3000,
      firstTokenMs: 200,
      tokensPerStep: 100,
    });
  });
});
