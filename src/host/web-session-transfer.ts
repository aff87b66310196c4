// Browser mode's session downloads (GET /exports/<id>.<html|zip>) and archive uploads (POST /imports). Node only.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AgentHost } from './host-service.js';
import type { SessionExportFormat, SessionImportReply } from './protocol/session-transfer.js';
import { MAX_IMPORT_BYTES } from './session-transfer.js';
import { withUploadFile } from './upload-file.js';
import { SECURITY_HEADERS, sendJson, sendText } from './web-responses.js';

/** Generates the export on request and streams it as an attachment; the temp file goes once the reply ends. */
export async function sendSessionExport(
  request: IncomingMessage,
  response: ServerResponse,
  host: AgentHost,
  target: { sessionId: string; format: SessionExportFormat },
): Promise<void> {
  const file = await host.exportFile(target.sessionId, target.format);
  if (!file) return sendText(response, 404, 'No such session.');
  response.on('close', () => void file.dispose());
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': file.contentType,
    'content-length': file.bytes,
    'content-disposition': `attachment; filename="${file.fileName}"`,
    'cache-control': 'no-store',
  });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file.path).pipe(response);
}

/** Streams an uploaded archive into a temp file, refused once it passes `limit` bytes, and imports the file. */
export async function receiveSessionImport(
  request: IncomingMessage,
  response: ServerResponse,
  host: AgentHost,
  limit = MAX_IMPORT_BYTES,
): Promise<void> {
  if (Number(request.headers['content-length'] ?? 0) > limit) return refuseTooLarge(response, request);
  const importFile = (file: string): Promise<SessionImportReply> =>
    host
      .importArchiveFile(file)
      .catch(() => ({ error: { code: 'internal' as const, message: 'The import failed; nothing was changed.' } }));
  const reply = await withUploadFile(request, limit, importFile, { drainExcess: true });
  if (reply === null) return refuseTooLarge(response);
  sendJson(response, 'error' in reply ? 400 : 200, reply);
}

/** 413; a body not read yet is drained, not kept, so the client still reads the reply on the same connection. */
function refuseTooLarge(response: ServerResponse, unread?: IncomingMessage): void {
  unread?.resume();
  sendJson(response, 413, { error: { code: 'invalid-params', message: tooLarge() } });
}

function tooLarge(): string {
  return 'This file is larger than any session Deskhand imports; it is not a session archive.';
}
