// `deskhand serve`: the UI in a browser, with the AgentHost API over WebSocket on 127.0.0.1 only; named secrets come
// from --secret NAME=ENV_VAR, as browser mode has no keychain. The URL (token and port) survives restarts. Node only.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listenForStopKey } from '../desktop/stop-key.js';
import { environmentKeyStore } from '../host/backend-resolver.js';
import { startWebHost, type WebHost } from '../host/bind-websocket.js';
import { createAgentHost } from '../host/create-agent-host.js';
import { modelSourcesFromEnv } from '../host/model-downloads.js';
import type { AgentHost } from '../host/host-service.js';
import { newServeToken, readServeIdentity, saveServeIdentity, serveIdentityFile } from '../host/serve-identity.js';
import { defaultSettingsFile } from '../host/settings-store.js';
import { secretVariables, serveSecrets } from './secret-flags.js';
import { sessionsDirFromFlag } from './sessions-dir-flag.js';
import { UsageError } from './usage.js';

/** dist/renderer, built by `npm run build` beside dist/src. */
const RENDERER_DIR = fileURLToPath(new URL('../../renderer/', import.meta.url));

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  signals: NodeJS.EventEmitter;
}

export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      'sessions-dir': { type: 'string' },
      secret: { type: 'string', multiple: true },
      'new-token': { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? null : Number(values.port);
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535))
    throw new UsageError(`--port must be 0–65535, got "${values.port}".`);
  const secrets = serveSecrets(secretVariables(values.secret, io.env), io.env);
  if (!existsSync(`${RENDERER_DIR}index.html`)) throw new UsageError('The UI is not built: run `npm run build` first.');
  const settingsFile = defaultSettingsFile(io.env);
  const host = await createAgentHost({
    sessionsDir: sessionsDirFromFlag(values['sessions-dir'], io.env),
    settingsFile,
    keyStore: environmentKeyStore(io.env),
    secrets,
    models: modelSourcesFromEnv(io.env),
  });
  const web = await startWithStoredIdentity(host, serveIdentityFile(settingsFile), {
    port,
    newToken: values['new-token'] === true,
    warn: (message) => io.stderr.write(`deskhand: ${message}\n`),
  });
  io.stdout.write(`Deskhand UI: ${web.url}\n`);
  // A browser tab has no global shortcut: the stop key is heard here, from whichever window has focus.
  const stopKey = listenForStopKey(io.env, () => {
    const runId = host.activeRunId();
    if (runId !== null) void host.dispatch('run.stop', { runId });
  });
  void stopKey.ready.then(
    (state) => !state.ok && io.stderr.write(`deskhand: ${state.message} The UI's Stop button still stops a run.\n`),
  );
  await new Promise<void>((resolve) => {
    io.signals.once('SIGINT', resolve);
    io.signals.once('SIGTERM', resolve);
  });
  stopKey.dispose();
  await host.dispose();
  await web.close();
  return 0;
}

/**
 * Starts the web host with the token and port of the last serve (unless --new-token or --port say otherwise) and
 * stores them for the next one. A stored port now taken by something else gives way to a free one.
 */
async function startWithStoredIdentity(
  host: AgentHost,
  file: string,
  options: { port: number | null; newToken: boolean; warn: (message: string) => void },
): Promise<WebHost> {
  const stored = await readServeIdentity(file);
  const token = (!options.newToken && stored?.token) || newServeToken();
  const start = (port: number) => startWebHost({ host, rendererDir: RENDERER_DIR, port, token });
  let web: WebHost;
  try {
    web = await start(options.port ?? stored?.port ?? 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (options.port !== null) throw new UsageError(`Port ${options.port} is in use; pick another with --port.`);
    options.warn(`port ${stored?.port} of the last serve is in use, so the URL has a new port.`);
    web = await start(0);
  }
  if (stored?.token !== token || stored.port !== web.port) {
    // Serving goes on: only the next start's URL is affected. The warning names the error code, never the token.
    await saveServeIdentity(file, { token, port: web.port }).catch((error: NodeJS.ErrnoException) =>
      options.warn(`the URL could not be kept for the next start (${error.code ?? 'write failed'}).`),
    );
  }
  return web;
}
