// Writes a suite report's two files, report.json and report.html, into its folder. Node only.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SuiteReport } from './report-json.js';
import { renderSuiteReportHtml } from './suite-report-html.js';

/** Writes both files and returns their paths. */
export async function writeReportFiles(dir: string, report: SuiteReport): Promise<{ json: string; html: string }> {
  await mkdir(dir, { recursive: true });
  const paths = { json: join(dir, 'report.json'), html: join(dir, 'report.html') };
  await writeFile(paths.json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(paths.html, renderSuiteReportHtml(report, dir));
  return paths;
}
