// Fetches one file into `<target>.part`, resuming with Range, retrying with backoff, then verifies and renames it. Node only.
import { createHash, type Hash } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { isAbort, sleep } from '../abortable.js';
import { hashFileInto, sizeOrNull } from './file-digest.js';
import { planResponse, rangeHeader } from './http-range.js';
import type { DownloadProgress } from './progress.js';

/** Why a download stopped; `kind` picks the exit code, `retryable` whether another attempt may help. */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(
    readonly kind: 'not-found' | 'http' | 'network' | 'checksum' | 'size' | 'disk',
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

export interface FileJob {
  url: string;
  /** Final path; the bytes go to `${target}.part` until verified. */
  target: string;
  size: number;
  sha256: string;
}

export interface TransferOptions {
  signal?: AbortSignal;
  /** Sent with every request (e.g. Authorization); Range is added here. */
  headers?: Record<string, string>;
  /** Attempts after the first (default 5). */
  retries?: number;
  /** Pause before retry `attempt` (1-based), ms; default 1 s doubling to at most 16 s. */
  backoffMs?: (attempt: number) => number;
  progress: DownloadProgress;
}

export const defaultBackoffMs = (attempt: number): number => Math.min(16_000, 1000 * 2 ** (attempt - 1));

export async function downloadFile(job: FileJob, options: TransferOptions): Promise<void> {
  const part = `${job.target}.part`;
  await mkdir(dirname(job.target), { recursive: true });
  const retries = options.retries ?? 5;
  let restartedFresh = false;
  for (let attempt = 1; ; attempt++) {
    try {
      const { digest, resumed } = await transferOnce(job, part, options);
      await verifyPart(job, part, digest, resumed && !restartedFresh);
      await rename(part, job.target);
      return;
    } catch (error) {
      if (options.signal && isAbort(error, options.signal)) throw error;
      // Undici reports every network failure (refused, reset, cut mid-body) as a TypeError, as the fetch spec says.
      const retryable = error instanceof TypeError || (error instanceof DownloadError && error.retryable);
      if (!retryable) throw error;
      if (error instanceof DownloadError && error.kind === 'checksum') restartedFresh = true;
      const reason = describe(error);
      if (attempt > retries)
        throw new DownloadError('network', `${job.url}: ${reason}; gave up after ${retries} retries.`);
      const delay = (options.backoffMs ?? defaultBackoffMs)(attempt);
      options.progress.retry(attempt, reason, delay);
      await sleep(delay, options.signal);
    }
  }
}

/** One request, until the part holds `job.size` bytes: its sha256, and whether an existing part was continued. */
async function transferOnce(
  job: FileJob,
  part: string,
  options: TransferOptions,
): Promise<{ digest: string; resumed: boolean }> {
  let have = (await sizeOrNull(part)) ?? 0;
  if (have > job.size) {
    await rm(part);
    have = 0;
  }
  const hash = createHash('sha256');
  if (have === job.size && have > 0) {
    // A part completed by an earlier run that stopped before verifying it: nothing left to fetch.
    await hashFileInto(part, hash, options.signal);
    return { digest: hash.digest('hex'), resumed: true };
  }
  const headers = { ...options.headers, ...(have > 0 ? { Range: rangeHeader(have) } : {}) };
  const response = await fetch(job.url, { headers, signal: options.signal ?? null, redirect: 'follow' });
  const plan = planResponse(response.status, response.headers.get('content-range'), have);
  if (plan.kind !== 'append' && plan.kind !== 'restart') await response.body?.cancel();
  switch (plan.kind) {
    case 'not-found':
      throw new DownloadError(
        'not-found',
        `${job.url} was not found (404): check --repo and --endpoint (or HF_ENDPOINT).`,
      );
    case 'fail':
      throw new DownloadError('http', `${job.url}: ${plan.reason}.`);
    case 'retry':
      throw new DownloadError('http', plan.reason, true);
    case 'discard-part':
      await rm(part, { force: true });
      throw new DownloadError('http', `${plan.reason}; starting the file over`, true);
  }
  if (!response.body) throw new DownloadError('http', `${job.url}: the response had no body.`, true);
  const append = plan.kind === 'append';
  // The digest covers the whole file, so the bytes already on disk go in first.
  if (append) await hashFileInto(part, hash, options.signal);
  await writeBody(response.body, part, append ? have : 0, hash, options);
  const written = (await sizeOrNull(part)) ?? 0;
  if (written < job.size) throw new DownloadError('network', `the connection ended at byte ${written}`, true);
  return { digest: hash.digest('hex'), resumed: append };
}

/** Appends the body to the part (truncated first unless `from` > 0) through `hash`, reporting progress as it goes. */
async function writeBody(
  body: ReadableStream<Uint8Array>,
  part: string,
  from: number,
  hash: Hash,
  options: TransferOptions,
): Promise<void> {
  const file = await open(part, from > 0 ? 'a' : 'w');
  let done = from;
  try {
    // Each chunk is on disk before the next is read, so a stop or a cut keeps every byte received for the resume.
    for await (const chunk of Readable.fromWeb(body as NodeReadableStream<Uint8Array>) as AsyncIterable<Uint8Array>) {
      await file.write(chunk);
      hash.update(chunk);
      done += chunk.byteLength;
      options.progress.fileBytes(done);
    }
  } finally {
    await file.close();
  }
}

/** Checks size and sha256 of the finished part; a mismatch deletes it (and may start over once if it was resumed). */
async function verifyPart(job: FileJob, part: string, digest: string, mayRetryFresh: boolean): Promise<void> {
  const size = (await sizeOrNull(part)) ?? 0;
  if (size !== job.size) {
    await rm(part, { force: true });
    throw new DownloadError('size', `${job.url}: got ${size} bytes, the manifest says ${job.size}; deleted ${part}.`);
  }
  if (digest === job.sha256) return;
  await rm(part, { force: true });
  // A stale part (from another revision) is the likely culprit of a resumed file, so one fresh download is worth it.
  throw new DownloadError(
    'checksum',
    `${job.url}: sha256 mismatch (expected ${job.sha256}, got ${digest}); deleted ${part}.`,
    mayRetryFresh,
  );
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
