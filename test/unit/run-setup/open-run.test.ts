// openRun: one setup for every run, one typed error for what the user must fix.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretSource } from '../../../src/agent/secrets.js';
import { emptyAction } from '../../../src/glm/actions.js';
import { DesktopSetupError } from '../../../src/desktop/errors.js';
import { openRun, RunSetupError, type RunSpec } from '../../../src/run-setup/open-run.js';
import { readSession } from '../../../src/sessions/reader.js';
import { retentionPolicy } from '../../../src/sessions/retention.js';
import { FAKE_DISPLAY, FakeOperator } from '../../support/fake-agent-parts.js';

let sessionsDir: string;
beforeEach(async () => {
  sessionsDir = await mkdtemp(join(tmpdir(), 'deskhand-open-run-'));
});
afterEach(async () => {
  await rm(sessionsDir, { recursive: true, force: true });
});

const secrets = (values: Record<string, string>): SecretSource => ({
  get: async (name) => values[name],
  howToProvide: (name) => `set ${name}.`,
});

function spec(task: string, overrides: Partial<RunSpec> = {}): RunSpec {
  return { task, secretsIn: task, maxSteps: 3, sessionsDir, retention: retentionPolicy(null, null), ...overrides };
}

function deps(operator = new FakeOperator(), values: Record<string, string> = {}) {
  return {
    backend: async () => ({ backend: { kind: 'replay', model: 'm' }, baseUrl: null }),
    desktop: async () => ({ operator, display: FAKE_DISPLAY }),
    secrets: secrets(values),
    onRetention: () => undefined,
  };
}

describe('openRun', () => {
  it('opens the session on the display and types secrets without recording them', async () => {
    const inner = new FakeOperator();
    const run = await openRun(spec('type {{secret:PIN}}'), deps(inner, { PIN: '4242' }));
    expect(run.display).toBe(FAKE_DISPLAY);
    const session = await readSession(sessionsDir, run.recorder.id);
    expect(session.info).toMatchObject({ task: 'type {{secret:PIN}}', maxSteps: 3, backend: { kind: 'replay' } });
    const frame = await inner.capture(FAKE_DISPLAY.id);
    await run.operator.execute({ ...emptyAction('type'), text: '{{secret:PIN}}' }, frame, new AbortController().signal);
    expect(inner.executed.map(({ action }) => action.text)).toEqual(['4242']);
    await run.recorder.finish({ kind: 'done', message: '' });
  });

  it('says which secret is missing, which display is wrong and which folder refuses, as RunSetupError', async () => {
    await expect(openRun(spec('type {{secret:PIN}}'), deps())).rejects.toMatchObject({
      name: 'RunSetupError',
      problem: 'secret',
      message: 'The instruction uses {{secret:PIN}}: set PIN.',
    });
    const noDisplay = {
      ...deps(),
      desktop: async () => Promise.reject(new DesktopSetupError('Unknown display "9".')),
    };
    await expect(openRun(spec('x'), noDisplay)).rejects.toMatchObject({ problem: 'desktop' });
    const file = join(sessionsDir, 'a-file');
    await writeFile(file, '');
    const error = await openRun(spec('x', { sessionsDir: join(file, 'sessions') }), deps()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunSetupError);
    expect(error).toMatchObject({ problem: 'sessions-dir' });
  });

  it('refuses the display before anything is recorded when checkDisplay throws', async () => {
    const refuse = () => {
      throw new Error('wrong size');
    };
    await expect(openRun(spec('x'), { ...deps(), checkDisplay: refuse })).rejects.toThrow('wrong size');
    expect(await readdir(sessionsDir)).toEqual([]);
  });
});
