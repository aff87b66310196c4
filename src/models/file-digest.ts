// Sizes and sha256 digests of files on disk: what a manifest records and what the downloader checks. Node only.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { PublishedFile } from './manifest.js';

/** Feeds the bytes of `file` into `hash` (streamed: model files run to gigabytes). */
export async function hashFileInto(file: string, hash: Hash, signal?: AbortSignal): Promise<void> {
  await pipeline(
    createReadStream(file),
    async (chunks: AsyncIterable<Buffer>) => {
      for await (const chunk of chunks) hash.update(chunk);
    },
    signal ? { signal } : {},
  );
}

/** The lower-case hex sha256 of a file. */
export async function sha256OfFile(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  await hashFileInto(file, hash, signal);
  return hash.digest('hex');
}

/** Size in bytes, or null when the file does not exist. */
export async function sizeOrNull(file: string): Promise<number | null> {
  const info = await stat(file).catch(() => null);
  return info?.isFile() ? info.size : null;
}

/** Manifest entries for files of a folder (`paths` relative to `dir`, '/'-separated): how an export is published. */
export async function describeFiles(dir: string, paths: readonly string[]): Promise<PublishedFile[]> {
  const entries: PublishedFile[] = [];
  for (const path of paths) {
    const file = join(dir, path);
    entries.push({ path, size: (await stat(file)).size, sha256: await sha256OfFile(file) });
  }
  return entries;
}
