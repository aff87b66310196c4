// Where a transport serves session exports and takes uploaded archives, and what an upload answers. Pure.
import { z } from 'zod';

/** What `deskhand sessions export` writes: `--html` (a self-contained report) or `--zip` (the session folder). */
export const SessionExportFormat = z.enum(['html', 'zip']);
export type SessionExportFormat = z.infer<typeof SessionExportFormat>;

/** Both transports (web host, app://) serve exports under this prefix and take archive uploads (POST) at IMPORTS_PATH. */
export const EXPORTS_PREFIX = '/exports/';
export const IMPORTS_PATH = '/imports';

/** The path an export is served at: `/exports/<sessionId>.<html|zip>`, the id URL-encoded. */
export function exportPath(sessionId: string, format: SessionExportFormat): string {
  return `${EXPORTS_PREFIX}${encodeURIComponent(sessionId)}.${format}`;
}

/**
 * The export a URL path names, or null. The id is one decoded segment that cannot climb or hide a separator, so no
 * path built from it leaves the sessions folder.
 */
export function parseExportPath(pathname: string): { sessionId: string; format: SessionExportFormat } | null {
  const match = /^\/exports\/([^/]+)\.(html|zip)$/.exec(pathname);
  if (!match) return null;
  let sessionId: string;
  try {
    sessionId = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  if (sessionId.length > 100 || /^\.\.?$|[/\\\0]/.test(sessionId)) return null;
  return { sessionId, format: match[2] as SessionExportFormat };
}

/** The name a download is saved under: the session id with anything unusual replaced, never a folder path. */
export function exportFileName(sessionId: string, format: SessionExportFormat): string {
  return `deskhand-session-${sessionId.replace(/[^A-Za-z0-9._-]/g, '_')}.${format}`;
}

/** The JSON reply to an archive upload: the imported session, or why nothing was imported. */
export const SessionImportReply = z.union([
  z.object({ sessionId: z.string(), tornLastLine: z.boolean() }),
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type SessionImportReply = z.infer<typeof SessionImportReply>;
