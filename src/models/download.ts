// Downloads one variant of a model manifest from a Hugging Face-style endpoint into a folder, verifying every file. Node only.
import { statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { throwIfAborted } from '../abortable.js';
import { downloadFile, DownloadError, type TransferOptions } from './download-file.js';
import { sha256OfFile, sizeOrNull } from './file-digest.js';
import { publishedFiles, type ManifestVariant, type ModelManifest, type PublishedFile } from './manifest.js';
import { formatBytes, silentProgress, type DownloadProgress } from './progress.js';

export { DownloadError } from './download-file.js';

export const DEFAULT_ENDPOINT = 'https://huggingface.co';

export interface DownloadRequest {
  manifest: ModelManifest;
  variant: ManifestVariant;
  /** The folder the variant's files go into (created if missing). */
  out: string;
  /** Overrides the manifest's repo (a copy of the same export elsewhere; the hashes still decide). */
  repo?: string;
  /** Default https://huggingface.co; a mirror serves the same `/<repo>/resolve/<revision>/<path>` layout. */
  endpoint?: string;
  /** Fetches each file from `${filesUrl}${path}` instead (a hosted export folder: the files beside its manifest). */
  filesUrl?: string;
}

export interface DownloadOptions extends Partial<TransferOptions> {
  progress?: DownloadProgress;
}

/** What happened to each file: fetched now, or found already in place and verified. */
export interface DownloadResult {
  fetched: string[];
  alreadyPresent: string[];
}

/** Throws ManifestError (unusable manifest), DownloadError, or the signal's abort reason (the .part files stay). */
export async function downloadModel(request: DownloadRequest, options: DownloadOptions = {}): Promise<DownloadResult> {
  const files = publishedFiles(request.manifest, request.variant);
  const repo = request.repo ?? request.manifest.repo;
  const endpoint = request.endpoint ?? DEFAULT_ENDPOINT;
  const progress = options.progress ?? silentProgress;
  const transfer: TransferOptions = { ...options, progress };
  const result: DownloadResult = { fetched: [], alreadyPresent: [] };
  await checkFreeSpace(request.out, files);
  for (const [index, file] of files.entries()) {
    if (options.signal) throwIfAborted(options.signal);
    const target = join(request.out, file.path);
    const header = { index: index + 1, count: files.length, path: file.path, size: file.size };
    if (await isInPlace(target, file, options.signal)) {
      progress.fileStart({ ...header, done: file.size });
      progress.fileEnd(false);
      result.alreadyPresent.push(file.path);
      continue;
    }
    progress.fileStart({ ...header, done: (await sizeOrNull(`${target}.part`)) ?? 0 });
    const url = request.filesUrl
      ? new URL(encodedPath(file.path), request.filesUrl).href
      : fileUrl(endpoint, repo, request.manifest.revision, file.path);
    await downloadFile({ url, target, size: file.size, sha256: file.sha256 }, transfer);
    progress.fileEnd(true);
    result.fetched.push(file.path);
  }
  return result;
}

/** Hugging Face's layout: `${endpoint}/${repo}/resolve/${revision}/${path}`, each path part URL-encoded. */
export function fileUrl(endpoint: string, repo: string, revision: string, path: string): string {
  return `${endpoint.replace(/\/+$/, '')}/${repo}/resolve/${encodeURIComponent(revision)}/${encodedPath(path)}`;
}

function encodedPath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Right size and right sha256: the hash is checked again on every run, as a file may have been damaged since. */
async function isInPlace(target: string, file: PublishedFile, signal?: AbortSignal): Promise<boolean> {
  if ((await sizeOrNull(target)) !== file.size) return false;
  return (await sha256OfFile(target, signal)) === file.sha256;
}

/** Refuses before fetching gigabytes into a disk that cannot hold them. */
async function checkFreeSpace(out: string, files: PublishedFile[]): Promise<void> {
  let needed = 0;
  for (const file of files) {
    const target = join(out, file.path);
    if ((await sizeOrNull(target)) === file.size) continue;
    needed += file.size - ((await sizeOrNull(`${target}.part`)) ?? 0);
  }
  const free = await freeBytes(out);
  if (free !== null && free < needed) {
    throw new DownloadError('disk', `${out} has ${formatBytes(free)} free; the download needs ${formatBytes(needed)}.`);
  }
}

/** Free bytes of the nearest existing folder at or above `dir`; null where the platform cannot tell. */
async function freeBytes(dir: string): Promise<number | null> {
  for (let folder = dir; ; folder = join(folder, '..')) {
    const info = await statfs(folder).catch(() => null);
    if (info) return info.bavail * info.bsize;
    if (join(folder, '..') === folder) return null;
  }
}
