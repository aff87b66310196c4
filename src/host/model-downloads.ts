// Model downloads started from the app: one at a time, progress as throttled events, stoppable, resumable. Node only.
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { isAbort } from '../abortable.js';
import { loadManifest } from '../models/bundled-manifest.js';
import { DEFAULT_ENDPOINT, downloadModel, DownloadError } from '../models/download.js';
import {
  ManifestError,
  MANIFEST_README,
  publishedFiles,
  type ManifestVariant,
  type ModelManifest,
} from '../models/manifest.js';
import { exportFolderUrl, fetchManifest } from '../models/remote-manifest.js';
import { defaultModelsDir, modelFolderName } from '../models/paths.js';
import type { DownloadProgress } from '../models/progress.js';
import { HostError } from './dispatcher.js';
import type { HostEvent } from './protocol/host-api.js';

type DownloadEvent = Extract<HostEvent, { type: 'model-download' }>;

export interface ModelDownloadsOptions {
  emit: (event: HostEvent) => void;
  /** Default: the manifest shipped with Deskhand. */
  manifestPath?: string;
  /** Default: https://huggingface.co (transports pass HF_ENDPOINT from their environment). */
  endpoint?: string;
  modelsDir?: string;
  /** Least time between two progress events of one download (ms). */
  progressIntervalMs?: number;
}

/** Starts downloads and reports them as `model-download` events; the .part files of a stopped one are kept. */
export class ModelDownloads {
  private active: { downloadId: string; controller: AbortController; done: Promise<void> } | null = null;

  constructor(private readonly options: ModelDownloadsOptions) {}

  /** `manifestUrl`: a hosted export's manifest.json, its files fetched from beside it; default the configured one. */
  async start(request: {
    variant: ManifestVariant;
    out?: string | undefined;
    manifestUrl?: string | undefined;
  }): Promise<{ downloadId: string; out: string }> {
    if (this.active) throw new HostError('busy', 'A model download is already running: stop it or wait for it to end.');
    const { manifest, files } = await this.manifest(request.manifestUrl)
      .then((loaded) => ({ manifest: loaded, files: publishedFiles(loaded, request.variant) }))
      .catch(rethrowAsConfig);
    const out = resolve(
      request.out ??
        join(this.options.modelsDir ?? defaultModelsDir(), modelFolderName(manifest.repo, request.variant)),
    );
    const downloadId = randomUUID();
    const controller = new AbortController();
    const report = progressReporter(downloadId, out, files, this.options);
    const endpoint = this.options.endpoint ?? DEFAULT_ENDPOINT;
    const filesUrl = request.manifestUrl === undefined ? undefined : exportFolderUrl(request.manifestUrl);
    const done = downloadModel(
      { manifest, variant: request.variant, out, endpoint, ...(filesUrl ? { filesUrl } : {}) },
      { signal: controller.signal, progress: report.progress },
    ).then(
      () => report.end('done', `Downloaded and verified ${files.length} files into ${out}.`),
      (error: unknown) => report.end(...describeFailure(error, controller.signal, out)),
    );
    this.active = { downloadId, controller, done: done.finally(() => (this.active = null)) };
    return { downloadId, out };
  }

  /** The manifest at `manifestUrl`, else the configured one, which must be published (the app says how to export). */
  private async manifest(manifestUrl: string | undefined): Promise<ModelManifest> {
    if (manifestUrl !== undefined) return fetchManifest(manifestUrl);
    const manifest = await loadManifest(this.options.manifestPath);
    if (manifest.status === 'awaiting-export') throw new ManifestError(noExportToDownload(manifest.repo));
    return manifest;
  }

  /** Stops the download; resolves once it has ended. An unknown id is a no-op (it may have just finished). */
  async stop(downloadId: string): Promise<void> {
    if (this.active?.downloadId !== downloadId) return;
    this.active.controller.abort(new DOMException('Stopped by the user', 'AbortError'));
    await this.active.done;
  }

  async dispose(): Promise<void> {
    if (this.active) await this.stop(this.active.downloadId);
  }
}

/** Where downloads come from and go: a mirror (HF_ENDPOINT) and another manifest may be set in the environment. */
export function modelSourcesFromEnv(env: NodeJS.ProcessEnv): Omit<ModelDownloadsOptions, 'emit'> {
  return {
    modelsDir: defaultModelsDir(env),
    ...(env.HF_ENDPOINT ? { endpoint: env.HF_ENDPOINT } : {}),
    ...(env.DESKHAND_MODEL_MANIFEST ? { manifestPath: env.DESKHAND_MODEL_MANIFEST } : {}),
  };
}

/** The app's answer when nothing is published: export the checkpoint, or give the manifest URL of a hosted export. */
export function noExportToDownload(repo: string): string {
  return (
    `${repo} has no published export to download yet. Export the checkpoint you have with ` +
    '`python -m models.export CHECKPOINT --out DIR` and enter DIR as the model folder; or enter the manifest URL of ' +
    `an export a mirror hosts (its manifest.json, with the files beside it). See ${MANIFEST_README}.`
  );
}

function rethrowAsConfig(error: unknown): never {
  if (error instanceof ManifestError) throw new HostError('config', error.message);
  throw error;
}

function describeFailure(error: unknown, signal: AbortSignal, out: string): ['stopped' | 'failed', string] {
  if (isAbort(error, signal))
    return ['stopped', `Stopped. Downloading again resumes from the partial files in ${out}.`];
  if (error instanceof DownloadError) return ['failed', error.message];
  if ((error as { code?: string }).code === 'ENOSPC') {
    return ['failed', `The disk of ${out} is full; free some space and download again to resume.`];
  }
  return ['failed', `The download failed: ${error instanceof Error ? error.message : String(error)}`];
}

/** Turns the downloader's callbacks into events: totals over all files, at most one event per interval. */
function progressReporter(
  downloadId: string,
  out: string,
  files: ReadonlyArray<{ path: string; size: number }>,
  options: ModelDownloadsOptions,
) {
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
  const interval = options.progressIntervalMs ?? 200;
  let finishedBytes = 0;
  let current: { path: string; index: number; size: number; done: number } | null = null;
  let lastSent = 0;
  const send = (state: DownloadEvent['state'], message: string | null) =>
    options.emit({
      type: 'model-download',
      downloadId,
      state,
      out,
      file: current?.path ?? null,
      fileIndex: current?.index ?? 0,
      fileCount: files.length,
      doneBytes: finishedBytes + (current?.done ?? 0),
      totalBytes,
      message,
    });
  const progress: DownloadProgress = {
    fileStart: ({ index, path, size, done }) => {
      current = { path, index, size, done };
      send('running', null);
      lastSent = Date.now();
    },
    fileBytes: (done) => {
      if (current) current.done = done;
      if (Date.now() - lastSent < interval) return;
      lastSent = Date.now();
      send('running', null);
    },
    fileEnd: () => {
      finishedBytes += current?.size ?? 0;
      if (current) current.done = 0;
    },
    retry: (attempt, reason, delayMs) =>
      send('retrying', `Retry ${attempt} in ${Math.round(delayMs / 1000)} s: ${reason}`),
  };
  return { progress, end: (state: DownloadEvent['state'], message: string) => send(state, message) };
}
