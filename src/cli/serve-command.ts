// `deskhand serve`: the UI in a browser, with the AgentHost API over WebSocket on 127.0.0.1 only; named secrets come
// from --secret NAME=ENV_VAR, as browser mode has no keychain. Node only.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { listenForStopKey } from '../desktop/stop-key.js';
import { environmentKeyStore } from '../host/backend-resolver.js';
import { startWebHost } from '../host/bind-websocket.js';
import { createAgentHost } from '../host/create-agent-host.js';
import { modelSourcesFromEnv } from '../host/model-downloads.js';
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
    },
    strict: true,
    allowPositionals: false,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0–65535, got "${values.port}".`);
  const secrets = serveSecrets(secretVariables(values.secret, io.env), io.env);
  if (!existsSync(`${RENDERER_DIR}index.html`)) throw new UsageError('The UI is not built: run `npm run build` first.');
  const host = await createAgentHost({
    sessionsDir: sessionsDirFromFlag(values['sessions-dir'], io.env),
    settingsFile: defaultSettingsFile(io.env),
    keyStore: environmentKeyStore(io.env),
    secrets,
    models: modelSourcesFromEnv(io.env),
  });
  const web = await startWebHost({ host, rendererDir: RENDERER_DIR, port }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new UsageError(`Port ${port} is in use; pick another with --port.`) : error;
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
