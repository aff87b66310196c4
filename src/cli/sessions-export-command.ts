// `deskhand sessions export ID --html FILE | --zip FILE`: a report to open anywhere, or the folder to import. Node only.
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { exportSessionArchive } from '../sessions/archive/export-archive.js';
import { exportSessionReport } from '../sessions/report/export-report.js';
import { openSession, parseVerbArgs, type SessionsIo } from './sessions-args.js';
import { UsageError } from './usage.js';

const EXPORT_FLAGS = {
  html: { type: 'string' },
  zip: { type: 'string' },
  'full-frames': { type: 'boolean', default: false },
} as const;

export async function exportCommand(args: string[], io: SessionsIo): Promise<number> {
  const { values, positionals, sessionsDir } = parseVerbArgs('export', args, EXPORT_FLAGS, ['ID']);
  if (values.html === undefined && values.zip === undefined)
    throw new UsageError(
      'Say what to write: `--html FILE` (a report to open in a browser) or `--zip FILE` (the session).',
    );
  for (const output of [values.html, values.zip]) if (output !== undefined) await checkOutputFolder(output);
  const detail = await openSession(sessionsDir, positionals[0]!);
  for (const warning of detail.warnings) io.stderr.write(`warning: ${warning}\n`);
  if (values.html !== undefined) {
    const path = resolve(values.html);
    const secret = io.env?.DESKHAND_API_KEY;
    const { bytes } = await exportSessionReport(detail, path, {
      maxFrameWidth: values['full-frames'] ? null : undefined,
      secrets: secret ? [secret] : [],
    });
    io.stdout.write(`Wrote ${path} (${formatSize(bytes)}, ${detail.steps.length} steps)\n`);
  }
  if (values.zip !== undefined) {
    const path = resolve(values.zip);
    const { files } = await exportSessionArchive(detail.dir, path);
    io.stdout.write(`Wrote ${path} (${files} files)\n`);
  }
  return 0;
}

async function checkOutputFolder(output: string): Promise<void> {
  const folder = dirname(resolve(output));
  if (!(await stat(folder).catch(() => null))?.isDirectory())
    throw new UsageError(
      `Cannot write ${output}: the folder ${folder} does not exist; create it or pick another path.`,
    );
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
