// The composition root of the agent host: settings, runs, sessions and the API handlers, for every transport. Node only.
import type { SecretSource } from '../agent/secrets.js';
import { createNutOperator } from '../desktop/nut-operator.js';
import type { Display, Operator } from '../desktop/types.js';
import { withCaptureHooks, type CaptureHooks } from '../desktop/capture-hooks.js';
import type { HostEvent, RunStartParams } from './protocol/host-api.js';
import type { Settings } from './protocol/settings.js';
import { openLocalDesktop, openRunTarget, openSetupDesktop } from '../run-setup/open-run.js';
import { createBackend, serverOf, testBackend } from './backend-resolver.js';
import { dispatchCall } from './dispatcher.js';
import type { AgentHost, HostHandlers, KeyStore } from './host-service.js';
import { LocalBackendPool, type CreateLocalBackend } from './local-backends.js';
import { locateOnScreen } from './locate.js';
import { modelHandlers } from './model-handlers.js';
import { ModelDownloads, type ModelDownloadsOptions } from './model-downloads.js';
import { RunController } from './run-controller.js';
import { keyStoreSecrets } from './run-session.js';
import { deleteSession, getSession, querySessions, requireSession } from './session-queries.js';
import { SettingsStore } from './settings-store.js';
import { exportPath, exportFileName } from './protocol/session-transfer.js';
import { exportSessionFile, importUploadedArchive } from './session-transfer.js';
import { readSession } from '../sessions/reader.js';
import { sessionFileInside } from '../sessions/session-file-inside.js';

/** main/ passes its window hiding in; it reaches the desktop's types only through the host. */
export type { CaptureHooks };

export interface AgentHostOptions {
  sessionsDir: string;
  settingsFile: string;
  keyStore: KeyStore;
  /** Where {{secret:NAME}} values come from (default: the key store's secrets; `deskhand serve` maps --secret). */
  secrets?: SecretSource;
  /** How a transport serves a frame (default `/frames/<session>/<file>`, what bind-websocket serves). */
  frameUrl?: (sessionId: string, frame: string) => string;
  /** How a transport serves an export (default `/exports/<session>.<html|zip>`, what both transports serve). */
  exportUrl?: (sessionId: string, format: 'html' | 'zip') => string;
  /** The desktop; tests may pass their own. Default: nut-js on this machine's displays. */
  createOperator?: (settings: Settings) => Promise<Operator>;
  /** Around each capture of the model's screenshot (the app hides its widget where content protection is missing). */
  captureHooks?: CaptureHooks;
  /** Where model downloads come from and go (default: the shipped manifest, Hugging Face, the models dir). */
  models?: Omit<ModelDownloadsOptions, 'emit'>;
  /** Loads a local engine; tests may run it in-process. */
  createLocalBackend?: CreateLocalBackend;
}

export interface DeskhandHost extends AgentHost {
  /** The run an emergency stop would stop. */
  activeRunId(): string | null;
}

export async function createAgentHost(options: AgentHostOptions): Promise<DeskhandHost> {
  const settingsStore = await SettingsStore.open(options.settingsFile);
  const listeners = new Set<(event: HostEvent, seq: number) => void>();
  let seq = 0;
  const emit = (event: HostEvent) => {
    seq += 1;
    for (const listener of listeners) listener(event, seq);
  };
  const createOperator =
    options.createOperator ?? ((settings: Settings) => createNutOperator({ settleCapMs: settings.loop.settleCapMs }));
  const openDesktop = async (
    settings: Settings,
    displayId: string | undefined,
  ): Promise<{ operator: Operator; display: Display }> => {
    const hooks = options.captureHooks;
    return openLocalDesktop({
      createOperator: async () => {
        const created = await createOperator(settings);
        return hooks ? withCaptureHooks(created, hooks) : created;
      },
      displayId,
    });
  };
  const localBackends = new LocalBackendPool(options.createLocalBackend);
  const downloads = new ModelDownloads({ ...options.models, emit });
  const resolveBackend = (spec: RunStartParams['backend']) =>
    createBackend(serverOf(spec, settingsStore.get()), options.keyStore, localBackends);
  const runs = new RunController({
    sessionsDir: options.sessionsDir,
    settings: () => settingsStore.get(),
    emit,
    resolveBackend,
    openDesktop,
    secrets: options.secrets ?? keyStoreSecrets(options.keyStore),
  });
  const frameUrl = options.frameUrl ?? ((sessionId, frame) => `/frames/${encodeURIComponent(sessionId)}/${frame}`);
  const exportUrl = options.exportUrl ?? exportPath;
  // The saved presets' keys are scrubbed from reports too, as the CLI scrubs DESKHAND_API_KEY.
  const presetKeys = async () => {
    const refs = settingsStore
      .get()
      .backends.flatMap((preset) => (preset.kind === 'openai' && preset.keyRef ? [preset.keyRef] : []));
    const keys = await Promise.all(refs.map((ref) => options.keyStore.get(ref).catch(() => undefined)));
    return keys.filter((key): key is string => Boolean(key));
  };

  const handlers: HostHandlers = {
    'run.start': (params) => runs.start(params),
    'run.pause': async ({ runId }) => (runs.pause(runId), { ok: true }),
    'run.resume': async ({ runId }) => (runs.resume(runId), { ok: true }),
    'run.giveBack': async ({ runId }) => (runs.resume(runId), { ok: true }),
    'run.takeOver': async ({ runId }) => (await runs.takeOver(runId), { ok: true }),
    'run.stop': async ({ runId }) => (await runs.stop(runId), { ok: true }),
    'run.confirm': async ({ runId, confirmationId, approve }) => (
      runs.confirm(runId, confirmationId, approve),
      { ok: true }
    ),
    'displays.list': async () =>
      (await openSetupDesktop(() => openDesktop(settingsStore.get(), undefined))).operator.displays(),
    'sessions.list': (filter) => querySessions(options.sessionsDir, filter),
    'sessions.get': ({ sessionId }) => getSession(options.sessionsDir, sessionId),
    'sessions.delete': async ({ sessionId }) => {
      await deleteSession(options.sessionsDir, sessionId, runs.activeSessionId);
      return { ok: true };
    },
    'sessions.exportUrl': async ({ sessionId, format }) => {
      await requireSession(options.sessionsDir, sessionId);
      return { url: exportUrl(sessionId, format), fileName: exportFileName(sessionId, format) };
    },
    'frames.url': async ({ sessionId, frame }) => ({ url: frameUrl(sessionId, frame) }),
    'settings.get': async () => settingsStore.get(),
    'settings.set': async (settings) => {
      const saved = await settingsStore.set(settings);
      emit({ type: 'settings-changed', settings: saved });
      return saved;
    },
    'backend.test': (connection) => testBackend(connection, options.keyStore, localBackends),
    ...modelHandlers(downloads),
    locate: async ({ query, backend: spec, displayId }) => {
      const { backend, baseUrl, operator, display } = await openRunTarget({
        backend: () => resolveBackend(spec),
        desktop: () => openDesktop(settingsStore.get(), displayId),
      });
      return locateOnScreen({ query, backend, baseUrl, operator, display, sessionsDir: options.sessionsDir });
    },
  };

  return {
    dispatch: (method, params) => dispatchCall(handlers, method, params),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async frameFile(sessionId, frame) {
      if (!/^frames\/\d{4,}\.(jpg|png)$/.test(frame)) return null;
      const session = await readSession(options.sessionsDir, sessionId).catch(() => null);
      if (!session || session.info.id !== sessionId) return null;
      return sessionFileInside(session.dir, frame);
    },
    exportFile: async (sessionId, format) =>
      exportSessionFile(options.sessionsDir, sessionId, format, await presetKeys()),
    importArchiveFile: (path) => importUploadedArchive(options.sessionsDir, path),
    activeRunId: () => runs.activeRunId,
    dispose: async () => {
      await runs.dispose();
      await Promise.all([downloads.dispose(), localBackends.dispose()]);
    },
  };
}
