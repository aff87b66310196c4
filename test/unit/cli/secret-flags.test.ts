// --secret NAME=ENV_VAR for `deskhand serve`: parsed like run's, and a served host types the value without writing it.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretVariables, serveSecrets } from '../../../src/cli/secret-flags.js';
import { environmentKeyStore } from '../../../src/host/backend-resolver.js';
import type { DeskhandHost } from '../../../src/host/create-agent-host.js';
import type { HostEvent } from '../../../src/host/protocol/host-api.js';
import { DEFAULT_SETTINGS } from '../../../src/host/protocol/settings.js';
import { FakeOperator } from '../../support/fake-agent-parts.js';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-openai-server.js';
import { createTestHost } from '../../support/test-host.js';

const VALUE = 'c0rrect-h0rse-staple';
const ENV = { PIN_VALUE: VALUE, TEST_API_KEY: 'sk-test' };

describe('secretVariables', () => {
  it('maps each name to its environment variable and refuses a malformed flag or an unset variable', () => {
    expect(secretVariables(['PIN=PIN_VALUE'], ENV)).toEqual(new Map([['PIN', 'PIN_VALUE']]));
    expect(secretVariables(undefined, ENV)).toEqual(new Map());
    expect(() => secretVariables(['PIN'], ENV)).toThrow(/--secret takes NAME=ENV_VAR/);
    expect(() => secretVariables(['1PIN=PIN_VALUE'], ENV)).toThrow(/--secret takes NAME=ENV_VAR/);
    expect(() => secretVariables(['PIN=UNSET'], ENV)).toThrow(
      '--secret PIN=UNSET: the environment variable UNSET is empty or not set.',
    );
  });
});

describe('serveSecrets', () => {
  it('reads the value at the moment it is asked for and says how serve is given a secret', async () => {
    const env: NodeJS.ProcessEnv = { ...ENV };
    const secrets = serveSecrets(secretVariables(['PIN=PIN_VALUE'], env), env);
    expect(await secrets.get('PIN')).toBe(VALUE);
    expect(await secrets.get('OTHER')).toBeUndefined();
    env.PIN_VALUE = 'rotated';
    expect(await secrets.get('PIN')).toBe('rotated');
    expect(secrets.howToProvide('OTHER')).toBe(
      'start deskhand serve with --secret OTHER=ENV_VAR, ENV_VAR being an environment variable that holds the value.',
    );
  });
});

describe('a served host with --secret', () => {
  let work: string;
  let server: ScriptedServer | undefined;
  let host: DeskhandHost;
  let operator: FakeOperator;
  let events: HostEvent[];

  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'deskhand-serve-secrets-'));
    operator = new FakeOperator();
    host = await createTestHost(work, {
      keyStore: environmentKeyStore(ENV),
      secrets: serveSecrets(secretVariables(['PIN=PIN_VALUE'], ENV), ENV),
      createOperator: async () => operator,
    });
    events = [];
    host.onEvent((event) => events.push(event));
  });
  afterEach(async () => {
    await host.dispose();
    await server?.close();
    server = undefined;
    await rm(work, { recursive: true, force: true });
  });

  async function startRun(instruction: string) {
    server ??= await startScriptedServer({
      style: 'reasoning_content',
      answers: [
        { answer: "<answer>Type it.\n<|begin_of_box|>type(content='{{secret:PIN}}')<|end_of_box|></answer>" },
        { answer: '<answer>Done.\n<|begin_of_box|>DONE()<|end_of_box|></answer>' },
      ],
    });
    await host.dispatch('settings.set', { ...DEFAULT_SETTINGS, safety: { confirmation: 'never' } });
    return host.dispatch('run.start', {
      instruction,
      backend: { kind: 'openai', baseUrl: server.baseUrl, model: 'glm', keyRef: 'env:TEST_API_KEY' },
    });
  }

  it('types the value and keeps it out of the events and the session files', async () => {
    expect(await startRun('log in with {{secret:PIN}}')).toMatchObject({ result: { runId: expect.any(String) } });
    const deadline = Date.now() + 5000;
    while (!events.some((event) => event.type === 'run-state' && event.state === 'ended')) {
      if (Date.now() > deadline) throw new Error('the run did not end');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(operator.executed.map(({ action }) => action.text)).toEqual([VALUE]);
    expect(JSON.stringify(events)).not.toContain(VALUE);
    const sessionsDir = join(work, 'sessions');
    for (const session of await readdir(sessionsDir)) {
      for (const file of ['session.json', 'steps.jsonl']) {
        expect(await readFile(join(sessionsDir, session, file), 'utf8')).not.toContain(VALUE);
      }
    }
  });

  it('refuses a run whose instruction names a secret serve was not given, saying how to give it', async () => {
    expect(await startRun('type {{secret:OTHER}}')).toEqual({
      error: {
        code: 'config',
        message: expect.stringContaining('start deskhand serve with --secret OTHER=ENV_VAR'),
        info: { code: 'secret-missing', params: { name: 'OTHER' } },
      },
    });
    expect(operator.executed).toEqual([]);
  });
});
