// Opens the session of a host run: secrets resolved only at typing time and kept out of the files, the recorder,
// and the retention limits applied once the new session exists. Node only.
import { secretNamesIn, withSecretTyping, type SecretSource } from '../agent/secrets.js';
import type { Operator } from '../desktop/types.js';
import { SessionRecorder } from '../sessions/recorder.js';
import { Redactor } from '../sessions/redact.js';
import { applyRetention } from '../sessions/retention.js';
import type { SessionInfo } from '../sessions/schema.js';
import { SessionWriteError } from '../sessions/session-write-error.js';
import { HostError } from './dispatcher.js';
import type { KeyStore } from './host-service.js';
import type { Settings } from './protocol/settings.js';

const BYTES_PER_GB = 1024 ** 3;

/** Named secrets from the key store (the OS keychain in the app); none where the store keeps no secrets. */
export function keyStoreSecrets(keyStore: KeyStore): SecretSource {
  return {
    get: async (name) => (keyStore.secret ? keyStore.secret(name) : undefined),
    howToProvide: (name) =>
      keyStore.secret
        ? `store it under the name ${name} in Settings › Secrets (it is kept in the OS keychain).`
        : `secrets are kept in the desktop app's keychain; this host has none, so ${name} cannot be typed here.`,
  };
}

/** The recorder and the operator for one run; a HostError('config') when a secret is missing or the disk refuses. */
export async function openRunSession(options: {
  sessionsDir: string;
  info: SessionInfo;
  operator: Operator;
  secrets: SecretSource;
  retention: Settings['retention'];
  onProblem: (message: string) => void;
}): Promise<{ recorder: SessionRecorder; operator: Operator }> {
  for (const name of secretNamesIn(options.info.task)) {
    if (!(await options.secrets.get(name))) {
      throw new HostError('config', `The instruction uses {{secret:${name}}}: ${options.secrets.howToProvide(name)}`);
    }
  }
  const redactor = new Redactor();
  const recorder = await SessionRecorder.create(options.sessionsDir, options.info, { redactor }).catch(
    (error: unknown) => {
      throw error instanceof SessionWriteError ? new HostError('config', error.message) : error;
    },
  );
  const { keepSessions, keepGb } = options.retention;
  const keepBytes = keepGb === null ? null : keepGb * BYTES_PER_GB;
  const retention = await applyRetention(options.sessionsDir, { keepSessions, keepBytes }, recorder.id).catch(
    (error: unknown) => ({ removed: [], problems: [String(error)] }),
  );
  for (const problem of retention.problems) options.onProblem(`An old session could not be removed: ${problem}`);
  const operator = withSecretTyping(options.operator, options.secrets, (value) => redactor.markSecret(value));
  return { recorder, operator };
}
