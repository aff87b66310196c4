// `deskhand model download`: fetches a model variant listed in a manifest, resumable and verified by sha256. Node only.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isAbort } from '../abortable.js';
import { DEFAULT_ENDPOINT, downloadModel, DownloadError } from '../models/download.js';
import { loadManifest } from '../models/bundled-manifest.js';
import { MANIFEST_VARIANTS, ManifestError, publishedFiles, REPO_ID } from '../models/manifest.js';
import type { ManifestVariant } from '../models/manifest.js';
import { defaultModelsDir, modelFolderName } from '../models/paths.js';
import { formatBytes, progressPrinter } from '../models/progress.js';
import { UsageError } from './usage.js';

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Where SIGINT/SIGTERM come from (the CLI passes `process`); either stops the download, keeping the .part files. */
  signals?: NodeJS.EventEmitter;
  /** Stops the download too (for callers that are not a terminal). */
  signal?: AbortSignal;
}

const DOWNLOAD_USAGE =
  'Use `deskhand model download [--repo ID] [--endpoint URL] [--variant q4f16|fp16|fp32] [--out DIR] [--manifest FILE]`.';
/** Exit code of a download stopped by a signal, as for `deskhand run`. */
const EXIT_STOPPED = 4;

/**
 * Takes the arguments after `model download`. Exit 0 with the folder on stdout once every file is verified;
 * 1 for a network failure after retries, a bad checksum or a full disk; 2 for a 404 (wrong --repo/--endpoint);
 * 4 when stopped. Usage and manifest problems throw UsageError (exit 2 in main).
 */
export async function modelDownloadCommand(args: string[], io: Io): Promise<number> {
  const flags = parseDownloadArgs(args);
  const manifest = await loadManifest(flags.manifest).catch(rethrowAsUsage);
  const variant = parseVariant(flags.variant);
  const files = asUsageError(() => publishedFiles(manifest, variant));
  const repo = parseRepo(flags.repo ?? manifest.repo);
  const endpoint = parseEndpoint(flags.endpoint ?? io.env.HF_ENDPOINT ?? DEFAULT_ENDPOINT);
  const out = resolve(flags.out ?? join(defaultModelsDir(io.env), modelFolderName(repo, variant)));
  const total = formatBytes(files.reduce((sum, file) => sum + file.size, 0));
  const count = `${files.length} file${files.length === 1 ? '' : 's'}`;
  io.stderr.write(`Downloading ${repo} ${variant} (${count}, ${total}) from ${endpoint} into ${out}\n`);
  const controller = new AbortController();
  const stop = () => controller.abort(new DOMException('Stopped by a signal', 'AbortError'));
  if (io.signal?.aborted) stop();
  io.signal?.addEventListener('abort', stop, { once: true });
  io.signals?.on('SIGINT', stop);
  io.signals?.on('SIGTERM', stop);
  try {
    await downloadModel(
      { manifest, variant, out, repo, endpoint },
      {
        signal: controller.signal,
        headers: io.env.HF_TOKEN ? { Authorization: `Bearer ${io.env.HF_TOKEN}` } : {},
        progress: progressPrinter(io.stderr, { tty: Boolean((io.stderr as { isTTY?: boolean }).isTTY) }),
      },
    );
    io.stdout.write(`${out}\n`);
    return 0;
  } catch (error) {
    return reportFailure(error, controller.signal, out, io.stderr);
  } finally {
    io.signal?.removeEventListener('abort', stop);
    io.signals?.off('SIGINT', stop);
    io.signals?.off('SIGTERM', stop);
  }
}

function reportFailure(error: unknown, signal: AbortSignal, out: string, stderr: NodeJS.WritableStream): number {
  if (isAbort(error, signal)) {
    stderr.write(`\nStopped. The partial files (*.part) in ${out} are kept: run the same command to resume.\n`);
    return EXIT_STOPPED;
  }
  if (error instanceof DownloadError) {
    stderr.write(`\ndeskhand: ${error.message}\n`);
    return error.kind === 'not-found' ? 2 : 1;
  }
  if ((error as { code?: string }).code === 'ENOSPC') {
    stderr.write(`\ndeskhand: the disk of ${out} is full; free some space and run the same command to resume.\n`);
    return 1;
  }
  throw error;
}

/** A manifest problem as a UsageError (exit 2); anything else as it is. */
function rethrowAsUsage(error: unknown): never {
  if (error instanceof ManifestError) throw new UsageError(error.message);
  throw error;
}

function asUsageError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    return rethrowAsUsage(error);
  }
}

function parseVariant(value: string | undefined): ManifestVariant {
  const variant = value ?? 'q4f16';
  if ((MANIFEST_VARIANTS as readonly string[]).includes(variant)) return variant as ManifestVariant;
  throw new UsageError(`--variant must be one of ${MANIFEST_VARIANTS.join(', ')}, got "${variant}".`);
}

function parseRepo(repo: string): string {
  if (REPO_ID.test(repo)) return repo;
  throw new UsageError(`--repo must be a Hugging Face repo id such as "owner/name", got "${repo}".`);
}

function parseEndpoint(endpoint: string): string {
  const url = URL.canParse(endpoint) ? new URL(endpoint) : null;
  if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return endpoint.replace(/\/+$/, '');
  throw new UsageError(`--endpoint (or HF_ENDPOINT) must be an http(s) URL, got "${endpoint}".`);
}

/** node:util parseArgs, with its ERR_PARSE_ARGS_* errors turned into UsageErrors that name the fix. */
function parseDownloadArgs(args: string[]) {
  // Tolerates the verb itself, so the command works whether it is handed `model`'s arguments or only the rest.
  const rest = args[0] === 'download' ? args.slice(1) : args;
  try {
    return parseArgs({
      args: rest,
      options: {
        repo: { type: 'string' },
        endpoint: { type: 'string' },
        variant: { type: 'string' },
        out: { type: 'string' },
        manifest: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message} ${DOWNLOAD_USAGE}`);
  }
}
