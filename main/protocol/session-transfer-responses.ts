// app:// session downloads and archive uploads, as Responses: the same host calls as browser mode. Electron main process.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { SessionExportFile } from '../../src/host/session-transfer.js';
import type { SessionImportReply } from '../../src/host/protocol/session-transfer.js';
import { importUpload, UPLOAD_TOO_LARGE } from '../../src/host/upload-file.js';
import { CONTENT_SECURITY_POLICY } from '../windows/secure-web-preferences.js';

const BASE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** The export as an attachment, streamed from its temp file, which is removed once the stream closes. */
export function exportResponse(file: SessionExportFile, method: string): Response {
  const headers = {
    ...BASE_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': String(file.bytes),
    'Content-Disposition': `attachment; filename="${file.fileName}"`,
  };
  if (method === 'HEAD') {
    void file.dispose();
    return new Response(null, { status: 200, headers });
  }
  const stream = createReadStream(file.path);
  stream.on('close', () => void file.dispose());
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status: 200, headers });
}

/**
 * Streams an uploaded archive of at most `limit` bytes into a temp file and imports that file, as browser mode does;
 * answers a SessionImportReply as JSON.
 */
export async function importResponse(
  request: Request,
  importArchiveFile: (path: string) => Promise<SessionImportReply>,
  limit: number,
): Promise<Response> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  const reply = await importUpload(bodyChunks(request), declared, limit, importArchiveFile, { drainExcess: false });
  if (reply === null) return json(413, UPLOAD_TOO_LARGE);
  return json('error' in reply ? 400 : 200, reply);
}

/** The request body chunk by chunk; leaving the loop early cancels the rest. */
async function* bodyChunks(request: Request): AsyncGenerator<Uint8Array> {
  if (!request.body) return;
  const reader = request.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8' },
  });
}
