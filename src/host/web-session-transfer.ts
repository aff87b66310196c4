// Browser mode's session downloads (GET /exports/<id>.<html|zip>) and archive uploads (POST /imports). Node only.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AgentHost } from './host-service.js';
import type { SessionExportFormat } from './protocol/session-transfer.js';
import { MAX_IMPORT_BYTES } from './session-transfer.js';
import { importUpload, UPLOAD_TOO_LARGE } from './upload-file.js';
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
  const declared = Number(request.headers['content-length'] ?? 0);
  const reply = await importUpload(request, declared, limit, (file) => host.importArchiveFile(file), {
    drainExcess: true,
  });
  if (reply === null) {
    // A body not read yet is drained, not kept, so the client still reads the 413 on the same connection.
    request.resume();
    return sendJson(response, 413, UPLOAD_TOO_LARGE);
  }
  sendJson(response, 'error' in reply ? 400 : 200, reply);
}
