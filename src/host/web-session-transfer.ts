// Browser mode's session downloads (GET /exports/<id>.<html|zip>) and archive uploads (POST /imports). Node only.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AgentHost } from './host-service.js';
import type { SessionExportFormat, SessionImportReply } from './protocol/session-transfer.js';
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

/**
 * Streams an uploaded archive into a temp file, refusing it as soon as it passes `limit` bytes, then imports the
 * file; the reply is a SessionImportReply. Held in memory whole, one 1 GB upload used to take 2 GB.
 */
export async function receiveSessionImport(
  request: IncomingMessage,
  response: ServerResponse,
  host: AgentHost,
  limit = MAX_IMPORT_BYTES,
): Promise<void> {
  if (Number(request.headers['content-length'] ?? 0) > limit) return refuseTooLarge(response, request);
  const folder = await mkdtemp(join(tmpdir(), 'deskhand-upload-'));
  let reply: SessionImportReply | null = null;
  try {
    const file = join(folder, 'upload.zip');
    if (await writeBodyCapped(request, file, limit)) {
      reply = await host
        .importArchiveFile(file)
        .catch(() => ({ error: { code: 'internal' as const, message: 'The import failed; nothing was changed.' } }));
    }
  } finally {
    // Gone before the reply: a client that reads the answer finds nothing of its upload left.
    await rm(folder, { recursive: true, force: true });
  }
  if (reply === null) return refuseTooLarge(response);
  sendJson(response, 'error' in reply ? 400 : 200, reply);
}

/** Writes the body to `file`; false once it passes `limit` bytes, the rest drained (not kept) so the 413 still arrives. */
async function writeBodyCapped(request: IncomingMessage, file: string, limit: number): Promise<boolean> {
  const out = createWriteStream(file, { mode: 0o600 });
  let size = 0;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) continue;
      if (!out.write(chunk)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return size <= limit;
}

/** 413; a body not read yet is drained, not kept, so the client still reads the reply on the same connection. */
function refuseTooLarge(response: ServerResponse, unread?: IncomingMessage): void {
  unread?.resume();
  sendJson(response, 413, { error: { code: 'invalid-params', message: tooLarge() } });
}

function tooLarge(): string {
  return 'This file is larger than any session Deskhand imports; it is not a session archive.';
}
