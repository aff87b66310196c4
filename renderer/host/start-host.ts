// Connects to the host and feeds its events into the store; loads settings on every (re)connect. Renderer.
import i18next from 'i18next';
import { applyEvents, setSettings } from '../state/app-store.js';
import { createEventBatcher } from '../state/event-batcher.js';
import { setConnection, setSettingsError } from '../state/ui-store.js';
import { connectHost, type HostConnection } from '../transport/connect.js';
import { errorMessage } from '../components/ErrorNotice.js';

/** Opens the connection (preload bridge or WebSocket) and wires it to the stores. */
export function startHost(): HostConnection {
  const connection = connectHost(() => i18next.t('errors.disconnected'));
  const batcher = createEventBatcher(applyEvents);
  connection.client.onEvent((event, seq) => batcher.push(event, seq));

  const onStatus = (status: ReturnType<HostConnection['status']>) => {
    setConnection(status);
    if (status === 'open') void loadSettings(connection);
  };
  connection.onStatus(onStatus);
  onStatus(connection.status());
  return connection;
}

/** settings.get into the store; the error is shown where settings are needed. */
export async function loadSettings(connection: Pick<HostConnection, 'client'>): Promise<void> {
  try {
    setSettings(await connection.client.call('settings.get', {}));
    setSettingsError(null);
  } catch (error) {
    setSettingsError(errorMessage(error));
  }
}
