// `sessions export --html`: one session as a self-contained HTML report written atomically. Node only.
import type { SessionDetail } from '../reader.js';
import { diskSessionFiles } from '../session-files.js';
import { buildReportData } from './report-data.js';
import { renderReportHtml } from './report-html.js';
import { reportRedaction } from './report-redaction.js';

/** Recorded frames wider than this are embedded as JPEG at this width: a 50-step report stays a few MB. */
export const REPORT_FRAME_WIDTH = 1280;

export interface ReportExportOptions {
  /** null embeds the recorded frames unchanged. */
  maxFrameWidth?: number | null;
  /** Secret values to scrub besides the key shapes the redactor knows (e.g. the API key in the environment). */
  secrets?: string[];
}

/** Writes the report of `detail` to `outputPath` and returns its size in bytes. */
export async function exportSessionReport(
  detail: SessionDetail,
  outputPath: string,
  options: ReportExportOptions = {},
): Promise<{ bytes: number }> {
  const redact = reportRedaction({
    sessionDir: detail.dir,
    baseUrl: detail.info.backend.baseUrl,
    secrets: options.secrets,
  });
  const data = await buildReportData(detail, {
    redact,
    maxFrameWidth: options.maxFrameWidth === undefined ? REPORT_FRAME_WIDTH : options.maxFrameWidth,
  });
  const html = renderReportHtml(data);
  await diskSessionFiles.writeAtomically(outputPath, html);
  return { bytes: Buffer.byteLength(html) };
}
