// Keeps local engines loaded between runs: loading a 9B model takes far longer than a step. Node only.
import type { LocalBackend, LocalBackendOptions } from '../backends/local.js';
import type { BackendConnection } from './protocol/settings.js';

type LocalConnection = Extract<BackendConnection, { kind: 'local' }>;
export type CreateLocalBackend = (options: LocalBackendOptions) => Promise<LocalBackend>;

/** One loaded engine at a time: asking for another folder, device or variant closes the previous one first. */
export class LocalBackendPool {
  private current: { key: string; backend: Promise<LocalBackend> } | null = null;

  constructor(private readonly create: CreateLocalBackend = defaultCreate) {}

  get(connection: LocalConnection): Promise<LocalBackend> {
    const key = JSON.stringify([connection.modelDir, connection.device, connection.variant]);
    if (this.current?.key === key) return this.current.backend;
    const previous = this.current?.backend;
    const backend = (async () => {
      await previous?.then((loaded) => loaded.close()).catch(() => undefined);
      return this.create({ modelDir: connection.modelDir, device: connection.device, variant: connection.variant });
    })();
    this.current = { key, backend };
    // A failed load is not kept: the next request tries again (the user may have fixed the folder).
    backend.catch(() => {
      if (this.current?.backend === backend) this.current = null;
    });
    return backend;
  }

  async dispose(): Promise<void> {
    const loaded = this.current?.backend;
    this.current = null;
    await loaded?.then((backend) => backend.close()).catch(() => undefined);
  }
}

async function defaultCreate(options: LocalBackendOptions): Promise<LocalBackend> {
  const { createLocalBackend } = await import('../backends/local.js');
  return createLocalBackend(options);
}
