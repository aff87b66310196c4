// The ChatBackend that runs GLM-4.1V on this machine: the ONNX engine in a worker thread, streamed deltas. Node only.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { abortReason, raceAbort, throwIfAborted } from '../abortable.js';
import type { EngineCommand, EngineEvent, EngineSettings, EngineWorkerData } from '../engine/engine-worker.js';
import type { EngineDevice, GenerateRequest } from '../engine/generator.js';
import type { ModelVariant } from '../engine/model-folder.js';
import { createThinkSplitter } from '../glm/think-splitter.js';
import { BackendError, type ChatBackend, type ChatRequest, type Delta } from './chat-backend.js';
import { thinkPartToDelta } from './think-part-delta.js';

export interface LocalBackendOptions {
  /** A model folder in the transformers.js layout (checked by checkModelFolder). */
  modelDir: string;
  device: EngineDevice;
  variant?: ModelVariant;
  /** Generation settings for every request: sampling, seed, thinking budget, assistant prefix. */
  generation?: EngineSettings;
  /** Runs the engine on this thread (tests from TS sources): simpler, but the caller waits on every token. */
  inProcess?: boolean;
  /** The worker entry; default the built engine-worker.js (dist/src/engine when this file runs from dist). */
  workerUrl?: URL;
}

export interface LocalBackend extends ChatBackend {
  /** The provider the model runs on, after 'auto' chose. */
  readonly device: string;
  /** Why 'auto' fell back to the CPU, for the UI; null otherwise. */
  readonly fallbackReason: string | null;
  /** Stops the worker and frees the model. */
  close(): Promise<void>;
}

/** The channel to the engine, a worker or the same thread; `hold` keeps the process alive while a reply is due. */
interface EngineLink {
  send(command: EngineCommand): void;
  hold(held: boolean): void;
  close(): Promise<void>;
}

/** Loads the model (a broken folder or missing device rejects with a 'config' BackendError), then streams answers. */
export async function createLocalBackend(options: LocalBackendOptions): Promise<LocalBackend> {
  const inboxes = new Map<number, (event: EngineEvent) => void>();
  let ready!: (event: Extract<EngineEvent, { type: 'ready' }>) => void;
  let failed!: (error: BackendError) => void;
  const loaded = new Promise<Extract<EngineEvent, { type: 'ready' }>>((resolve, reject) => {
    [ready, failed] = [resolve, reject];
  });
  let broken: BackendError | null = null;
  const onEvent = (event: EngineEvent): void => {
    if (event.type === 'ready') ready(event);
    else if (event.type === 'load-error') failed(loadError(options.modelDir, event));
    else inboxes.get(event.id)?.(event);
  };
  const onCrash = (message: string): void => {
    broken = new BackendError('server-error', `The local engine stopped: ${message}`);
    failed(broken);
    for (const [id, deliver] of inboxes) deliver({ type: 'error', id, aborted: false, message });
  };
  const data: EngineWorkerData = {
    deskhandEngine: true,
    modelDir: options.modelDir,
    device: options.device,
    ...(options.variant ? { variant: options.variant } : {}),
  };
  const link = options.inProcess
    ? await inProcessLink(data, onEvent, onCrash)
    : workerLink(resolveWorkerUrl(options.workerUrl), data, onEvent, onCrash);
  link.hold(true);
  const info = await loaded
    .finally(() => link.hold(false))
    .catch(async (error: unknown) => {
      await link.close();
      throw error;
    });
  let nextId = 1;
  let pending = 0;

  async function* stream(request: ChatRequest, signal: AbortSignal): AsyncGenerator<Delta> {
    throwIfAborted(signal);
    if (broken) throw broken;
    const id = nextId++;
    const inbox = createInbox<EngineEvent>();
    inboxes.set(id, inbox.push);
    let settled = false;
    const abort = () => {
      if (!settled) link.send({ type: 'abort', id });
      settled = true;
    };
    signal.addEventListener('abort', abort, { once: true });
    if (pending++ === 0) link.hold(true);
    link.send({ type: 'generate', id, request: await engineRequest(request), settings: options.generation ?? {} });
    const splitter = createThinkSplitter();
    try {
      for (;;) {
        const event = await raceAbort(inbox.next(), signal);
        if (event.type === 'delta') {
          yield* splitter.push(event.text).map(thinkPartToDelta);
        } else if (event.type === 'finish') {
          settled = true;
          yield* splitter.end().map(thinkPartToDelta);
          const usage = { promptTokens: event.promptTokens, completionTokens: event.completionTokens };
          yield { type: 'finish', usage, finishReason: event.finishReason };
          return;
        } else if (event.type === 'error') {
          settled = true;
          if (event.aborted) throw abortReason(signal);
          throw broken ?? new BackendError('server-error', `The local engine failed: ${event.message}`);
        }
      }
    } finally {
      // Also reached when the caller stops iterating early: the engine must not keep generating for nobody.
      abort();
      signal.removeEventListener('abort', abort);
      inboxes.delete(id);
      if (--pending === 0) link.hold(false);
    }
  }

  return {
    kind: 'local',
    model: basename(options.modelDir),
    device: info.device,
    fallbackReason: info.fallbackReason,
    stream: (request, signal) => stream(request, signal),
    close: () => link.close(),
  };
}

/** The request as the engine takes it: captured pixels where the image has them (no JPEG round trip), else bytes. */
async function engineRequest(request: ChatRequest): Promise<GenerateRequest> {
  const images = await Promise.all(
    request.images.map(async (image) =>
      image.pixels ? { data: new Uint8Array(0), rgb: await image.pixels() } : { data: image.data },
    ),
  );
  return { images, prompt: request.prompt, maxTokens: request.maxTokens, temperature: request.temperature };
}

function loadError(modelDir: string, event: Extract<EngineEvent, { type: 'load-error' }>): BackendError {
  if (event.setup) return new BackendError('config', event.message);
  return new BackendError('server-error', `The local engine could not load ${modelDir}: ${event.message}`);
}

/** The built worker entry: `new URL` beside this module works from dist/, where the CLI and the app run it. */
function resolveWorkerUrl(override: URL | undefined): URL {
  const url = override ?? new URL('../engine/engine-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    throw new BackendError(
      'config',
      `The local engine's worker ${fileURLToPath(url)} is missing: run \`npm run build\` ` +
        '(sources run from TypeScript need the inProcess option).',
    );
  }
  return url;
}

function workerLink(
  url: URL,
  data: EngineWorkerData,
  onEvent: (event: EngineEvent) => void,
  onCrash: (message: string) => void,
): EngineLink {
  const worker = new Worker(url, { workerData: data });
  let closing = false;
  worker.on('message', onEvent);
  worker.on('error', (error) => onCrash(error.message));
  worker.on('exit', (code) => {
    if (!closing) onCrash(`the worker exited with code ${code}`);
  });
  return {
    send: (command) => worker.postMessage(command),
    // An idle worker must not keep the CLI alive; one with a reply due must, or the process could exit mid-answer.
    hold: (held) => (held ? worker.ref() : worker.unref()),
    close: async () => {
      closing = true;
      await worker.terminate();
    },
  };
}

async function inProcessLink(
  data: EngineWorkerData,
  onEvent: (event: EngineEvent) => void,
  onCrash: (message: string) => void,
): Promise<EngineLink> {
  const { startEngineHost } = await import('../engine/engine-worker.js');
  const host = startEngineHost(data, onEvent).catch((error: unknown) => {
    // load-error has been posted already; this only keeps the rejection handled.
    void error;
    return null;
  });
  return {
    send: (command) => void host.then((loaded) => (loaded ? loaded.handle(command) : onCrash('not loaded'))),
    hold: () => undefined,
    close: async () => (await host)?.dispose(),
  };
}

/** A one-reader queue: `push` from the engine's events, `next` awaits the following one. */
function createInbox<T>(): { push: (item: T) => void; next: () => Promise<T> } {
  const items: T[] = [];
  let waiting: ((item: T) => void) | null = null;
  return {
    push(item) {
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve(item);
      } else items.push(item);
    },
    next() {
      if (items.length > 0) return Promise.resolve(items.shift()!);
      return new Promise<T>((resolve) => (waiting = resolve));
    },
  };
}
