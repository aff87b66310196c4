// `deskhand suite run --backend replay` end to end: every task on its own Xvfb desktop with real apps, real checks.
import { spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SUITE_TASKS } from '../../src/suite/registry.js';
import { SuiteReport } from '../../src/suite/report-json.js';
import { DESKHAND_BIN } from '../support/cli.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'deskhand-suite-e2e-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function runSuite(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    [
      DESKHAND_BIN,
      'suite',
      'run',
      '--backend',
      'replay',
      '--json',
      '--sessions-dir',
      join(folder, 'sessions'),
      ...args,
    ],
    { env: process.env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

const ANSWER = (call: string) => JSON.stringify(`<answer>Step.\n<|begin_of_box|>${call}<|end_of_box|></answer>`);

describe('deskhand suite run on real apps', () => {
  it('passes every task with its replay transcript; the impossible task ends in FAIL and counts as a success', async () => {
    const reportDir = join(folder, 'report');
    const { code, stdout, stderr } = await runSuite(['--report-dir', reportDir]);
    expect(code, stderr).toBe(0);
    const report = SuiteReport.parse(JSON.parse(stdout));
    const failed = report.tasks
      .filter((task) => task.successes !== 1)
      .map((task) => [task.id, task.attempts[0]?.detail]);
    expect(failed, stderr).toEqual([]);
    expect(report.tasks.map((task) => task.id)).toEqual(SUITE_TASKS.map((task) => task.id));
    expect(report.overall).toMatchObject({ tasks: SUITE_TASKS.length, runs: SUITE_TASKS.length, successRate: 1 });
    expect(report.backend).toEqual({ kind: 'replay', model: 'replay' });

    const impossible = report.tasks.find((task) => task.expected === 'fail')!;
    expect(impossible.attempts[0]).toMatchObject({ success: true, outcome: { kind: 'fail' } });
    for (const task of report.tasks) {
      const [attempt] = task.attempts;
      expect(attempt!.steps).toBe(SUITE_TASKS.find((entry) => entry.id === task.id)!.transcript.length);
      await access(join(attempt!.sessionDir!, 'steps.jsonl'));
    }

    const html = await readFile(join(reportDir, 'report.html'), 'utf8');
    expect(html).toContain(`href="../sessions/${report.tasks[0]!.attempts[0]!.sessionId}/"`);
    expect(JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8'))).toEqual(report);
  }, 420_000);

  it('reports wrong transcripts as failures with their reasons: checks can fail, and DONE on the impossible task is wrong', async () => {
    const transcripts = join(folder, 'transcripts');
    await mkdir(transcripts);
    // Renames draft.txt to the wrong name: every action works, but the check sees the wrong end state.
    await writeFile(
      join(transcripts, 'files-rename.jsonl'),
      [
        ANSWER("left_click(start_box='[341,196]')"),
        ANSWER("key(keys='f2')"),
        ANSWER("type(content='wrong')"),
        ANSWER("key(keys='enter')"),
        ANSWER('DONE()'),
      ].join('\n'),
    );
    await writeFile(join(transcripts, 'web-settings-impossible.jsonl'), ANSWER('DONE()'));
    await writeFile(
      join(transcripts, 'editor-line-numbers.jsonl'),
      Array(4).fill(JSON.stringify('no action here')).join('\n'),
    );
    const { code, stdout, stderr } = await runSuite([
      '--tasks',
      'files-rename,web-settings-impossible,editor-line-numbers',
      '--transcripts',
      transcripts,
      '--report-dir',
      join(folder, 'report'),
    ]);
    expect(code, stderr).toBe(0);
    const report = SuiteReport.parse(JSON.parse(stdout));
    expect(report.tasks.map((task) => [task.id, task.attempts[0]!.success, task.attempts[0]!.reason])).toEqual([
      ['files-rename', false, 'wrong result'],
      ['web-settings-impossible', false, 'wrong result'],
      ['editor-line-numbers', false, 'parse'],
    ]);
    expect(report.tasks[0]!.attempts[0]!.detail).toContain('final.txt does not exist');
    expect(report.tasks[1]!.attempts[0]!.detail).toContain('done (expected fail)');
    expect(report.overall).toMatchObject({ successes: 0, failures: { 'wrong result': 2, parse: 1 } });
  }, 180_000);
});
