// The suite report as one self-contained HTML page: escaped text, inline CSS, no scripts, no network. Node only.
import { relative, sep } from 'node:path';
import type { SuiteReport, TaskReport } from './report-json.js';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A link to a session folder, relative to the report's folder so that both can be moved together. */
export function sessionHref(reportDir: string, sessionDir: string): string {
  const path = relative(reportDir, sessionDir).split(sep).map(encodeURIComponent).join('/');
  return `${path}/`;
}

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
const number = (value: number | null, unit = '') => (value === null ? '–' : `${value}${unit}`);

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d1d1f}
table{border-collapse:collapse;margin:12px 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f0f0}.ok{color:#176b2c;font-weight:bold}.bad{color:#a4161a;font-weight:bold}td.detail{max-width:520px}`;

export function renderSuiteReportHtml(report: SuiteReport, reportDir: string): string {
  const { overall } = report;
  const failures = Object.entries(overall.failures)
    .map(([reason, count]) => `${escapeHtml(reason)}: ${count}`)
    .join(', ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Deskhand suite report</title><style>${STYLE}</style></head><body>
<h1>Deskhand suite report</h1>
<p>Backend <b>${escapeHtml(report.backend.kind)}</b>, model <b>${escapeHtml(report.backend.model ?? 'unknown')}</b>,
display ${report.display.mode === 'own' ? 'your own' : 'private Xvfb'} ${report.display.width}×${report.display.height},
${report.repeat} run(s) per task, ${escapeHtml(report.startedAt)} to ${escapeHtml(report.endedAt)}.</p>
<p>Overall: <b>${overall.successes}/${overall.runs} (${percent(overall.successRate)})</b> over ${overall.tasks} tasks;
mean ${number(overall.meanSteps)} steps, ${number(overall.meanStepMs, ' ms')} per step,
first token ${number(overall.meanFirstTokenMs, ' ms')}, ${number(overall.meanTokensPerStep)} tokens per step.
Failures: ${failures}.</p>
<table><thead><tr><th>task</th><th>app</th><th>skills</th><th>success</th><th>steps</th><th>ms/step</th>
<th>first token ms</th><th>tokens/step</th><th>runs</th></tr></thead><tbody>
${report.tasks.map((task) => taskRow(task, reportDir)).join('\n')}
</tbody></table></body></html>
`;
}

function taskRow(task: TaskReport, reportDir: string): string {
  const runs = task.attempts
    .map((attempt) => {
      const verdict = attempt.success
        ? '<span class="ok">ok</span>'
        : `<span class="bad">${escapeHtml(attempt.reason ?? 'failed')}</span>`;
      const session = attempt.sessionDir
        ? ` <a href="${escapeHtml(sessionHref(reportDir, attempt.sessionDir))}">session ${escapeHtml(attempt.sessionId ?? '')}</a>`
        : '';
      return `<div>#${attempt.attempt} ${verdict}${session}: ${escapeHtml(attempt.detail)}</div>`;
    })
    .join('');
  return `<tr><td><b>${escapeHtml(task.id)}</b><br>${escapeHtml(task.title)}${task.expected === 'fail' ? ' (expects FAIL)' : ''}</td>
<td>${escapeHtml(task.app)}</td><td>${escapeHtml(task.skills.join(', '))}</td>
<td>${task.successes}/${task.runs} (${percent(task.successRate)})</td><td>${number(task.meanSteps)}</td>
<td>${number(task.meanStepMs)}</td><td>${number(task.meanFirstTokenMs)}</td><td>${number(task.meanTokensPerStep)}</td>
<td class="detail">${runs}</td></tr>`;
}
