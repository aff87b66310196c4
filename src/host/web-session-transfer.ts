// Browser mode's session downloads (GET /exports/<id>.<html|zip>) and archive uploads (POST /imports). Node only.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AgentHost } from './host-service.js';
import type { SessionExportFormat } from './protocol/session-transfer.js';
import { MAX_IMPORT_BYTES } from './session-transfer.js';
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

/** Reads an uploaded archive (at most `limit` bytes) and imports it; the reply is a SessionImportReply. */
export async function receiveSessionImport(
  request: IncomingMessage,
  response: ServerResponse,
  host: AgentHost,
  limit = MAX_IMPORT_BYTES,
): Promise<void> {
  const archive = await readBody(request, limit);
  if (!archive) return sendJson(response, 413, { error: { code: 'invalid-params', message: tooLarge() } });
  const reply = await host
    .importArchive(archive)
    .catch(() => ({ error: { code: 'internal', message: 'The import failed; nothing was changed.' } }));
  sendJson(response, 'error' in reply ? 400 : 200, reply);
}

/**
 * The body, or null when it is (or says it will be) larger than `limit`. An oversized body is drained rather than
 * kept, so memory stays bounded and the client still gets the 413 on the same connection.
 */
async function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  if (Number(request.headers['content-length'] ?? 0) > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

function tooLarge(): string {
  return 'This file is larger than any session Deskhand imports; it is not a session archive.';
}
