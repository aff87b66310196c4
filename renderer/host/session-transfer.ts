// Session export downloads (sessions.exportUrl, then an <a download> click) and archive uploads (POST /imports). Renderer.
import { HostCallError, type HostClient } from '../../src/host/protocol/create-client.js';
import {
  IMPORTS_PATH,
  SessionImportReply,
  type SessionExportFormat,
} from '../../src/host/protocol/session-transfer.js';

/** Asks the host where the export lives and lets the browser (or the app) save it under the host's file name. */
export async function downloadSessionExport(
  client: HostClient,
  sessionId: string,
  format: SessionExportFormat,
): Promise<void> {
  const { url, fileName } = await client.call('sessions.exportUrl', { sessionId, format });
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Uploads a session archive to the host (same origin, so browser mode's token cookie goes with it) and returns the
 * imported session's id; rejects with the importer's message when the archive was refused.
 */
export async function uploadSessionArchive(archive: Blob, describeFailure: () => string): Promise<string> {
  const response = await fetch(IMPORTS_PATH, {
    method: 'POST',
    body: archive,
    headers: { 'content-type': 'application/zip' },
  }).catch(() => null);
  const body: unknown = response ? await response.json().catch(() => null) : null;
  const reply = SessionImportReply.safeParse(body);
  if (!reply.success) throw new HostCallError('internal', describeFailure());
  if ('error' in reply.data) throw new HostCallError(reply.data.error.code, reply.data.error.message);
  return reply.data.sessionId;
}
