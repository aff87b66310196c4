// app:// session downloads and archive uploads, as Responses: the same host calls as browser mode. Electron main process.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { SessionExportFile } from '../../src/host/session-transfer.js';
import type { SessionImportReply } from '../../src/host/protocol/session-transfer.js';
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

/** Reads an uploaded archive of at most `limit` bytes and imports it; answers a SessionImportReply as JSON. */
export async function importResponse(
  request: Request,
  importArchive: (archive: Uint8Array) => Promise<SessionImportReply>,
  limit: number,
): Promise<Response> {
  const archive = await readLimited(request, limit);
  if (!archive)
    return json(413, {
      error: {
        code: 'invalid-params',
        message: 'This file is larger than any session Deskhand imports; it is not a session archive.',
      },
    });
  const reply = await importArchive(archive).catch((): SessionImportReply => ({
    error: { code: 'internal', message: 'The import failed; nothing was changed.' },
  }));
  return json('error' in reply ? 400 : 200, reply);
}

/** The body, or null once it is (or says it will be) larger than `limit`; reading stops there. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  if (Number(request.headers.get('content-length') ?? 0) > limit) return null;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8' },
  });
}
