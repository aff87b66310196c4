import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAgent } from '../../../src/agent/run-loop.js';
import { emptyAction } from '../../../src/glm/actions.js';
import {
  environmentSecrets,
  resolveSecrets,
  secretNamesIn,
  UnknownSecretError,
  withSecretTyping,
} from '../../../src/agent/secrets.js';
import { readSession } from '../../../src/sessions/reader.js';
import { SessionRecorder } from '../../../src/sessions/recorder.js';
import { Redactor } from '../../../src/sessions/redact.js';
import { SESSION_FORMAT_VERSION } from '../../../src/sessions/schema.js';
import { FAKE_DISPLAY, FakeBackend, FakeOperator } from '../../support/fake-agent-parts.js';

const VALUE = 'c0rrect-h0rse-battery';
const source = environmentSecrets(new Map([['PASSWORD', 'PW_VAR']]), { PW_VAR: VALUE });
const typeAnswer = (text: string) => ({
  reasoning: 'Type the password.',
  answer: `<answer>Type it.\n<|begin_of_box|>type(content='${text}')<|end_of_box|></answer>`,
});
const DONE = { answer: '<answer>Done.\n<|begin_of_box|>DONE()<|end_of_box|></answer>' };

describe('secret placeholders', () => {
  it('finds names and resolves them, failing before anything is resolved when one is unknown', async () => {
    expect(secretNamesIn('a {{secret:PASSWORD}} b {{secret:PIN_2}} {{secret:PASSWORD}} {{secret:9x}}')).toEqual([
      'PASSWORD',
      'PIN_2',
    ]);
    expect(await resolveSecrets('pw={{secret:PASSWORD}}!', source)).toBe(`pw=${VALUE}!`);
    await expect(resolveSecrets('{{secret:PASSWORD}} {{secret:PIN}}', source)).rejects.toThrow(
      'No secret named PIN was given for {{secret:PIN}}: run with --secret PIN=ENV_VAR, ENV_VAR being an environment variable that holds the value.',
    );
  });

  it('the operator types the value, tells who redacts it, and types nothing for an unknown name', async () => {
    const inner = new FakeOperator();
    const seen: string[] = [];
    const operator = withSecretTyping(inner, source, (value) => seen.push(value));
    const frame = await inner.capture(FAKE_DISPLAY.id);
    const signal = new AbortController().signal;
    const action = emptyAction('type');
    await operator.execute({ ...action, text: 'x{{secret:PASSWORD}}' }, frame, signal);
    await operator.execute({ ...action, text: 'plain' }, frame, signal);
    await expect(operator.execute({ ...action, text: '{{secret:OTHER}}' }, frame, signal)).rejects.toBeInstanceOf(
      UnknownSecretError,
    );
    expect(inner.executed.map((entry) => entry.action.text)).toEqual([`x${VALUE}`, 'plain']);
    expect(seen).toEqual([VALUE]);
  });
});

describe('a run that types secrets', () => {
  let sessionsDir: string;
  beforeEach(async () => {
    sessionsDir = await mkdtemp(join(tmpdir(), 'deskhand-secrets-'));
  });
  afterEach(async () => {
    await rm(sessionsDir, { recursive: true, force: true });
  });

  async function run(answers: Array<{ reasoning?: string; answer: string }>) {
    const redactor = new Redactor();
    const recorder = await SessionRecorder.create(
      sessionsDir,
      {
        formatVersion: SESSION_FORMAT_VERSION,
        id: 'secret-run',
        task: 'log in with {{secret:PASSWORD}} (api key sk-live-0123456789abcdefXYZ)',
        backend: { kind: 'fake', model: 'fake', baseUrl: null },
        display: { id: FAKE_DISPLAY.id, bounds: FAKE_DISPLAY.bounds, scaleFactor: 1 },
        maxSteps: 5,
        startedAt: new Date().toISOString(),
        endedAt: null,
        outcome: null,
        steps: 0,
        deskhandVersion: 'test',
      },
      { redactor },
    );
    const inner = new FakeOperator();
    const result = await runAgent({
      task: 'log in with {{secret:PASSWORD}}',
      backend: new FakeBackend(answers),
      operator: withSecretTyping(inner, source, (value) => redactor.markSecret(value)),
      display: FAKE_DISPLAY,
      recorder,
      maxSteps: 5,
      signal: new AbortController().signal,
      onEvent: () => undefined,
    });
    return { result, inner, session: await readSession(sessionsDir, 'secret-run') };
  }

  it('records the placeholder, never the value, and redacts a key in the task', async () => {
    const { result, inner, session } = await run([
      typeAnswer('{{secret:PASSWORD}}'),
      { reasoning: `I see ${VALUE} in the field.`, answer: DONE.answer },
    ]);
    expect(result.outcome.kind).toBe('done');
    expect(inner.executed[0]!.action.text).toBe(VALUE);
    expect(session.steps[0]!.action.text).toBe('{{secret:PASSWORD}}');
    expect(session.steps[1]!.thinking).toBe('I see [redacted] in the field.');
    expect(session.info.task).toBe('log in with {{secret:PASSWORD}} (api key [redacted])');
    for (const file of ['session.json', 'steps.jsonl']) {
      expect(await readFile(join(session.dir, file), 'utf8')).not.toContain(VALUE);
    }
  });

  it('an unknown secret fails the step with a message naming it; nothing is typed; exit 2', async () => {
    const { result, inner, session } = await run([typeAnswer('{{secret:PIN}}'), DONE]);
    expect(inner.executed).toEqual([]);
    expect(result).toMatchObject({ outcome: { kind: 'error' }, exitCode: 2, steps: 1 });
    expect(result.outcome.message).toMatch(
      /^No secret named PIN was given for \{\{secret:PIN\}\}: run with --secret PIN=ENV_VAR/,
    );
    expect(session.steps.map((step) => [step.step, step.acted, step.error])).toEqual([
      [1, false, result.outcome.message],
    ]);
  });
});
