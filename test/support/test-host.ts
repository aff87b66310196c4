// An agent host for unit tests: sessions and settings under one folder, a fake desktop, keys from no environment.
import { join } from 'node:path';
import { environmentKeyStore } from '../../src/host/backend-resolver.js';
import { createAgentHost, type AgentHostOptions, type DeskhandHost } from '../../src/host/create-agent-host.js';
import { FakeOperator } from './fake-agent-parts.js';

/** `overrides` replace any default (a key store with keys, an operator the test inspects, models, secrets). */
export function createTestHost(work: string, overrides: Partial<AgentHostOptions> = {}): Promise<DeskhandHost> {
  return createAgentHost({
    sessionsDir: join(work, 'sessions'),
    settingsFile: join(work, 'settings.json'),
    keyStore: environmentKeyStore({}),
    createOperator: async () => new FakeOperator(),
    ...overrides,
  });
}
