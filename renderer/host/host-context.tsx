// Hands the HostClient to the views (created once in main.tsx). Renderer.
import { createContext, useContext, type ReactNode } from 'react';
import type { HostClient } from '../../src/host/protocol/create-client.js';

const HostContext = createContext<HostClient | null>(null);

export function HostProvider({ client, children }: { client: HostClient; children: ReactNode }) {
  return <HostContext.Provider value={client}>{children}</HostContext.Provider>;
}

/** The AgentHost client; throws outside HostProvider. */
export function useHost(): HostClient {
  const client = useContext(HostContext);
  if (!client) throw new Error('useHost() needs a HostProvider above it.');
  return client;
}
