// The engine's worker_threads entry and its message protocol: generate/abort in, delta/finish/error out. Node only.
import { parentPort, workerData } from 'node:worker_threads';
import {
  loadEngine,
  ModelFolderError,
  type EngineDevice,
  type GenerateOptions,
  type GenerateRequest,
} from './generator.js';
import type { ModelVariant } from './model-folder.js';
import { DeviceUnavailableError } from './sessions.js';

/** workerData of an engine worker: what to load. `deskhandEngine` marks it: imported elsewhere, this file is inert. */
export interface EngineWorkerData {
  deskhandEngine: true;
  modelDir: string;
  device: EngineDevice;
  variant?: ModelVariant;
}

/** Serialisable generation settings (no callbacks, no signal). */
export type EngineSettings = Pick<GenerateOptions, 'sampling' | 'seed' | 'thinkingBudget' | 'assistantPrefix'>;

export type EngineCommand =
  { type: 'generate'; id: number; request: GenerateRequest; settings: EngineSettings } | { type: 'abort'; id: number };

export type EngineEvent =
  | { type: 'ready'; device: string; fallbackReason: string | null }
  /** Loading failed; `setup` when the folder breaks the contract or the device is missing (not a crash). */
  | { type: 'load-error'; setup: boolean; message: string }
  | { type: 'delta'; id: number; text: string }
  | { type: 'finish'; id: number; promptTokens: number; completionTokens: number; finishReason: string }
  | { type: 'error'; id: number; aborted: boolean; message: string };

/** A loaded engine taking commands. */
export interface EngineHost {
  handle(command: EngineCommand): void;
  dispose(): Promise<void>;
}

/**
 * Loads the engine (posting `ready`, or `load-error` and rejecting) and serves commands through `post`. Requests
 * run one at a time in arrival order; an abort stops its request between tokens (the generator checks its signal
 * before each decoder run), so the next request starts within one token. Shared by the worker and the in-process
 * mode, so both behave alike.
 */
export async function startEngineHost(data: EngineWorkerData, post: (event: EngineEvent) => void): Promise<EngineHost> {
  let engine: Awaited<ReturnType<typeof loadEngine>>;
  try {
    engine = await loadEngine(data.modelDir, {
      device: data.device,
      ...(data.variant ? { variant: data.variant } : {}),
    });
  } catch (error) {
    const setup = error instanceof ModelFolderError || error instanceof DeviceUnavailableError;
    post({ type: 'load-error', setup, message: messageOf(error) });
    throw error;
  }
  post({ type: 'ready', device: engine.device, fallbackReason: engine.fallbackReason });
  const controllers = new Map<number, AbortController>();

  async function generate(id: number, request: GenerateRequest, settings: EngineSettings): Promise<void> {
    const controller = new AbortController();
    controllers.set(id, controller);
    try {
      const result = await engine.generate(request, {
        ...settings,
        signal: controller.signal,
        onToken: (text) => post({ type: 'delta', id, text }),
      });
      const { promptTokens, completionTokens, finishReason } = result;
      post({ type: 'finish', id, promptTokens, completionTokens, finishReason });
    } catch (error) {
      post({ type: 'error', id, aborted: controller.signal.aborted, message: messageOf(error) });
    } finally {
      controllers.delete(id);
    }
  }

  return {
    handle(command) {
      // The controller exists from the moment a request is accepted, so an abort that overtakes a queued request
      // still stops it (the engine queues generate calls itself).
      if (command.type === 'generate') void generate(command.id, command.request, command.settings);
      else controllers.get(command.id)?.abort();
    },
    dispose: () => engine.dispose(),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Worker entry: load from workerData, then serve parentPort until the parent terminates the worker. */
async function serveParent(): Promise<void> {
  const port = parentPort!;
  const post = (event: EngineEvent) => port.postMessage(event);
  const host = await startEngineHost(workerData as EngineWorkerData, post).catch(() => null);
  if (!host) {
    port.close();
    return;
  }
  port.on('message', (command: EngineCommand) => host.handle(command));
}

if (parentPort && (workerData as Partial<EngineWorkerData> | null)?.deskhandEngine === true) void serveParent();
