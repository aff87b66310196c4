// Turns a run's backend choice (a saved preset or an inline server) into a ChatBackend, and tests one. Node only.
import { BackendError, type ChatBackend } from '../backends/chat-backend.js';
import { preflightServer } from '../backends/preflight.js';
import { createOpenAIBackend } from '../backends/openai.js';
import type { RunStartParams } from './protocol/host-api.js';
import type { ErrorInfo } from '../run-protocol/error-info.js';
import type { BackendConnection, Settings } from './protocol/settings.js';
import type { KeyStore } from './host-service.js';
import { HostError } from './dispatcher.js';
import type { LocalBackendPool } from './local-backends.js';

type ServerSpec = Extract<BackendConnection, { kind: 'openai' }>;

/** The connection a run's backend choice names. */
export function serverOf(spec: RunStartParams['backend'], settings: Settings): BackendConnection {
  if (!('presetId' in spec)) return spec;
  const preset = settings.backends.find((candidate) => candidate.id === spec.presetId);
  if (!preset) throw new HostError('not-found', 'That backend preset no longer exists; pick another in Settings.');
  return preset;
}

/** A ChatBackend for the connection; local engines come from the pool, which keeps them loaded between runs. */
export async function createBackend(
  connection: BackendConnection,
  keyStore: KeyStore,
  localBackends: LocalBackendPool,
): Promise<{ backend: ChatBackend; baseUrl: string | null }> {
  if (connection.kind === 'openai') return createServerBackend(connection, keyStore);
  try {
    return { backend: await localBackends.get(connection), baseUrl: null };
  } catch (error) {
    if (error instanceof BackendError) throw new HostError('config', error.message);
    throw error;
  }
}

async function createServerBackend(
  server: ServerSpec,
  keyStore: KeyStore,
): Promise<{ backend: ChatBackend; baseUrl: string }> {
  const apiKey = server.keyRef ? await keyStore.get(server.keyRef) : undefined;
  if (server.keyRef && !apiKey) {
    const info: ErrorInfo = server.keyRef.startsWith('env:')
      ? { code: 'api-key-missing-env', params: { variable: server.keyRef.slice(4) } }
      : { code: 'api-key-missing-keychain', params: {} };
    throw new HostError(
      'config',
      `No API key found for ${describeKeyRef(server.keyRef)}; set it, then try again.`,
      info,
    );
  }
  // An empty model field in a preset means "ask the server".
  const { model } = await preflightServer({ baseUrl: server.baseUrl, model: server.model, apiKey }).catch(
    (error: unknown) => {
      throw error instanceof BackendError ? new HostError('config', error.message, error.info) : error;
    },
  );
  return { backend: createOpenAIBackend({ baseUrl: server.baseUrl, model, apiKey }), baseUrl: server.baseUrl };
}

/** One tiny text-only request: proves the URL, the key and the model name (or the local model) work together. */
export async function testBackend(connection: BackendConnection, keyStore: KeyStore, localBackends: LocalBackendPool) {
  const started = performance.now();
  try {
    const { backend } = await createBackend(connection, keyStore, localBackends);
    const signal = AbortSignal.timeout(30_000);
    let text = '';
    for await (const delta of backend.stream(
      { images: [], prompt: 'Reply with the single word OK.', maxTokens: 16, temperature: 0 },
      signal,
    )) {
      if (delta.type !== 'finish') text += delta.text;
    }
    const latencyMs = Math.round(performance.now() - started);
    const reply = JSON.stringify(text.trim().slice(0, 40) || '(an empty answer)');
    return {
      ok: true,
      model: backend.model,
      latencyMs,
      message: `Connected: ${backend.model} answered ${reply} in ${latencyMs} ms.`,
    };
  } catch (error) {
    if (error instanceof BackendError || error instanceof HostError) {
      return {
        ok: false,
        model: null,
        latencyMs: null,
        message: error.message,
        ...(error.info && { error: error.info }),
      };
    }
    if (error instanceof Error && error.name === 'TimeoutError') {
      return {
        ok: false,
        model: null,
        latencyMs: null,
        message: `The ${connection.kind === 'local' ? 'local model' : 'server'} took longer than 30 s to answer a one-word request.`,
      };
    }
    throw error;
  }
}

function describeKeyRef(keyRef: string): string {
  return keyRef.startsWith('env:')
    ? `the environment variable ${keyRef.slice(4)}`
    : "this backend in the app's keychain";
}

/**
 * The environment variables a backend's `env:VAR` may name: DESKHAND_… or …_API_KEY. Any other variable of the serve
 * process (a cloud token, a database password) must not be sendable as a Bearer token to a URL the UI chooses.
 */
export const KEY_VARIABLE = /^(DESKHAND_[A-Z0-9_]+|[A-Z0-9_]*_API_KEY)$/;

/** Keys for the CLI and browser mode: environment variables only (the app adds the OS keychain). */
export function environmentKeyStore(env: NodeJS.ProcessEnv): KeyStore {
  return {
    async get(keyRef) {
      if (!keyRef.startsWith('env:')) return undefined;
      const name = keyRef.slice(4);
      if (!KEY_VARIABLE.test(name)) {
        throw new HostError(
          'config',
          `The key variable ${name} is not one Deskhand reads: put the key in a variable named DESKHAND_… or …_API_KEY ` +
            '(e.g. DESKHAND_API_KEY) and name that one in the backend.',
        );
      }
      return env[name] || undefined;
    },
  };
}
