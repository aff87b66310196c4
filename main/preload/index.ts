// Every window's preload: exposes `window.deskhand` (invoke, onEvent) and nothing else. Runs in the preload.
// With sandbox on, a preload may require only 'electron': main/vite.config.ts (mode preload) bundles this into one
// CommonJS file, inlining our modules.
import { contextBridge, ipcRenderer } from 'electron';
import { HOST_METHODS } from '../../src/host/protocol/host-api.js';
import { APP_METHODS } from '../../src/host/protocol/app-methods.js';
import { createDeskhandApi } from './deskhand-api.js';

const methods = new Set([...Object.keys(HOST_METHODS), ...Object.keys(APP_METHODS)]);
const api = createDeskhandApi(ipcRenderer, methods);

contextBridge.exposeInMainWorld('deskhand', {
  invoke: (method: string, params?: unknown) => api.invoke(method, params),
  onEvent: (listener: Parameters<typeof api.onEvent>[0]) => api.onEvent(listener),
});
