// Where a backend sends the screenshots of a run, said plainly for the settings view. Renderer (pure).
import type { BackendPreset } from '../../src/host/protocol/settings.js';

/** An i18n key under settings.privacy and its values. */
export interface ScreenshotDestination {
  key: 'local' | 'loopback' | 'remote';
  values: { host?: string };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Local engine: nowhere; a server on this computer: that port only; any other server: that host, over the network. */
export function screenshotDestination(preset: BackendPreset): ScreenshotDestination {
  if (preset.kind !== 'openai') return { key: 'local', values: {} };
  let host: string;
  try {
    host = new URL(preset.baseUrl).host;
  } catch {
    return { key: 'remote', values: { host: preset.baseUrl } };
  }
  const hostname = host.replace(/:\d+$/, '');
  return { key: LOOPBACK_HOSTS.has(hostname) ? 'loopback' : 'remote', values: { host } };
}
