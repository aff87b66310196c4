// Sessions as files to hand over: the CLI's export (report or archive) into a temp file, and an uploaded archive's
// import. One implementation for every transport (web host, app://). Node only.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchiveError, DuplicateSessionError } from '../sessions/archive/archive-error.js';
import { exportSessionArchive } from '../sessions/archive/export-archive.js';
import { importSessionArchive, maxArchiveBytes } from '../sessions/archive/import-archive.js';
import { readSession } from '../sessions/reader.js';
import { exportSessionReport } from '../sessions/report/export-report.js';
import { exportFileName, type SessionExportFormat, type SessionImportReply } from './protocol/session-transfer.js';

/** Uploads larger than this are refused before they are read: they cannot unpack within the importer's limits. */
export const MAX_IMPORT_BYTES = maxArchiveBytes();

const CONTENT_TYPES: Record<SessionExportFormat, string> = {
  html: 'text/html; charset=utf-8',
  zip: 'application/zip',
};

/** One export written to a temp file; `dispose` removes it once it has been sent. */
export interface SessionExportFile {
  path: string;
  /** The download's name: the session id, never a folder. */
  fileName: string;
  contentType: string;
  bytes: number;
  dispose(): Promise<void>;
}

/**
 * Writes session `sessionId` as `sessions export --html` / `--zip` would, or returns null when no session has exactly
 * that id. `secrets` are scrubbed from the report besides the key shapes the redactor knows.
 */
export async function exportSessionFile(
  sessionsDir: string,
  sessionId: string,
  format: SessionExportFormat,
  secrets: string[],
): Promise<SessionExportFile | null> {
  const detail = await readSession(sessionsDir, sessionId).catch(() => null);
  if (!detail || detail.info.id !== sessionId) return null;
  const folder = await mkdtemp(join(tmpdir(), 'deskhand-export-'));
  const fileName = exportFileName(sessionId, format);
  const path = join(folder, fileName);
  const dispose = () => rm(folder, { recursive: true, force: true });
  try {
    if (format === 'html') await exportSessionReport(detail, path, { secrets });
    else await exportSessionArchive(detail.dir, path);
    const { size } = await stat(path);
    return { path, fileName, contentType: CONTENT_TYPES[format], bytes: size, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** Imports an uploaded archive with the CLI's checks; a bad archive is answered with the importer's message. */
export async function importUploadedArchive(sessionsDir: string, archivePath: string): Promise<SessionImportReply> {
  try {
    const imported = await importSessionArchive(archivePath, sessionsDir);
    return { sessionId: imported.id, tornLastLine: imported.tornLastLine };
  } catch (error) {
    // The CLI's duplicate message names the sessions folder and a CLI flag; the app says it in its own words.
    if (error instanceof DuplicateSessionError)
      return invalidArchive(`A session ${error.sessionId} is already here; it was not overwritten. Delete it first.`);
    if (error instanceof ArchiveError) return invalidArchive(error.message);
    throw error;
  }
}

function invalidArchive(message: string): SessionImportReply {
  return { error: { code: 'invalid-params', message: `This archive cannot be imported: ${message}` } };
}
