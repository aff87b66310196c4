// An uploaded archive written to a temp file as it arrives, its size cap enforced while reading, and gone before the
// reply: browser mode's POST /imports and the app's app://deskhand/imports. Held in memory whole, one 1 GB upload
// used to take 2 GB. Node only.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionImportReply } from './protocol/session-transfer.js';

export interface UploadOptions {
  /** Read the rest of a body past the cap (and drop it): an HTTP client reads the 413 only after it sent everything. */
  drainExcess: boolean;
}

/** The answer (HTTP 413) to an upload that says or turns out to be larger than the cap. */
export const UPLOAD_TOO_LARGE = {
  error: {
    code: 'invalid-params',
    message: 'This file is larger than any session Deskhand imports; it is not a session archive.',
  },
} as const satisfies SessionImportReply;

/**
 * Imports an uploaded archive from a temp file: null when its declared size or its body passes `limit` (answer
 * UPLOAD_TOO_LARGE); an importer that fails outright is answered as an internal error.
 */
export async function importUpload(
  body: AsyncIterable<Uint8Array>,
  declaredBytes: number,
  limit: number,
  importArchiveFile: (path: string) => Promise<SessionImportReply>,
  options: UploadOptions,
): Promise<SessionImportReply | null> {
  if (declaredBytes > limit) return null;
  const importFile = (path: string) =>
    importArchiveFile(path).catch((): SessionImportReply => ({
      error: { code: 'internal', message: 'The import failed; nothing was changed.' },
    }));
  return withUploadFile(body, limit, importFile, options);
}

/** What `use` makes of the uploaded file, or null when the body passed `limit` bytes. */
async function withUploadFile<T>(
  body: AsyncIterable<Uint8Array>,
  limit: number,
  use: (file: string) => Promise<T>,
  options: UploadOptions,
): Promise<T | null> {
  const folder = await mkdtemp(join(tmpdir(), 'deskhand-upload-'));
  try {
    const file = join(folder, 'upload.zip');
    return (await writeCapped(body, file, limit, options)) ? await use(file) : null;
  } finally {
    // Gone before the reply: a client that reads the answer finds nothing of its upload left.
    await rm(folder, { recursive: true, force: true });
  }
}

/** Writes the body to `file`; false once it passes `limit` bytes. */
async function writeCapped(
  body: AsyncIterable<Uint8Array>,
  file: string,
  limit: number,
  { drainExcess }: UploadOptions,
): Promise<boolean> {
  const out = createWriteStream(file, { mode: 0o600 });
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.byteLength;
      if (size <= limit) {
        if (!out.write(chunk)) await once(out, 'drain');
      } else if (!drainExcess) break;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return size <= limit;
}
