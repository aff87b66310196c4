// The renderer's entry: i18n, the host connection, and the React root. Renderer.
import './zod-config.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { HostProvider } from './host/host-context.js';
import { startHost } from './host/start-host.js';
import { initI18n } from './i18n/i18n.js';

initI18n();
const connection = startHost();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HostProvider client={connection.client}>
      <App />
    </HostProvider>
  </StrictMode>,
);
