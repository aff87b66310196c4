// The AgentHost as every transport sees it: validated calls, runs with live events, sessions, settings.
import { mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskhandHost } from '../../../src/host/create-agent-host.js';
import { environmentKeyStore } from '../../../src/host/backend-resolver.js';
import type { HostEvent } from '../../../src/host/protocol/host-api.js';
import { DEFAULT_SETTINGS } from '../../../src/host/protocol/settings.js';
import { FakeOperator } from '../../support/fake-agent-parts.js';
import { startScriptedServer, type ScriptedServer } from '../../support/scripted-openai-server.js';
import { testFrame, writeSession } from '../../support/recorded-session.js';
import { tinyModelDir } from '../../support/tiny-model.js';
import { createTestHost } from '../../support/test-host.js';

const CLICK = {
  reasoning: 'The button is in the middle.',
  answer:
    "<answer>Delete the draft.\n<|begin_of_box|>left_click(start_box='[500,500]', element_info='Delete')<|end_of_box|>\nMemory:\n[]</answer>",
};
const DONE = { answer: '<answer>Done.\n<|begin_of_box|>DONE()<|end_of_box|></answer>' };

let work: string;
let server: ScriptedServer | undefined;
let host: DeskhandHost;
let operator: FakeOperator;
let events: HostEvent[];

async function openHost() {
  operator = new FakeOperator();
  host = await createTestHost(work, {
    settingsFile: join(work, 'config', 'settings.json'),
    keyStore: environmentKeyStore({ TEST_API_KEY: 'sk-test' }),
    createOperator: async () => operator,
  });
  events = [];
  host.onEvent((event) => events.push(event));
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'deskhand-host-'));
  await openHost();
});
afterEach(async () => {
  await host.dispose();
  await server?.close();
  server = undefined;
  await rm(work, { recursive: true, force: true });
});

async function call(method: string, params: unknown) {
  const reply = await host.dispatch(method, params);
  if ('error' in reply) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.result as never;
}

async function until(predicate: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out; events: ${events.map((event) => event.type).join(',')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const ended = () => events.some((event) => event.type === 'run-state' && event.state === 'ended');

describe('agent host calls', () => {
  it('rejects unknown methods and invalid params with a code and a message, and changes nothing', async () => {
    expect(await host.dispatch('run.explode', {})).toEqual({
      error: { code: 'unknown-method', message: 'Unknown method "run.explode".' },
    });
    expect(await host.dispatch('__proto__', {})).toMatchObject({ error: { code: 'unknown-method' } });
    expect(await host.dispatch('run.start', { instruction: '' })).toMatchObject({ error: { code: 'invalid-params' } });
    expect(await host.dispatch('settings.set', { ...DEFAULT_SETTINGS, loop: { maxSteps: -1 } })).toMatchObject({
      error: { code: 'invalid-params', message: expect.stringContaining('loop') },
    });
    expect(await host.dispatch('frames.url', { sessionId: 'x', frame: '../../etc/passwd' })).toMatchObject({
      error: { code: 'invalid-params' },
    });
    expect(await call('settings.get', {})).toEqual(DEFAULT_SETTINGS);
    expect(events).toEqual([]);
  });

  it('persists settings, announces the change, and keeps a damaged settings file aside', async () => {
    const changed = { ...DEFAULT_SETTINGS, theme: 'dark' as const, loop: { ...DEFAULT_SETTINGS.loop, maxSteps: 12 } };
    expect(await call('settings.set', changed)).toEqual(changed);
    expect(events).toEqual([{ type: 'settings-changed', settings: changed }]);
    await openHost();
    expect(await call('settings.get', {})).toEqual(changed);

    await writeFile(join(work, 'config', 'settings.json'), '{ "theme": ');
    await openHost();
    expect(await call('settings.get', {})).toEqual(DEFAULT_SETTINGS);
    expect((await readdir(join(work, 'config'))).some((name) => name.startsWith('settings.json.damaged-'))).toBe(true);
  });
});

describe('agent host frames', () => {
  it('serves no frame that a link leads out of its session folder to, neither a linked file nor a linked folder', async () => {
    const outside = join(work, 'outside');
    await mkdir(join(outside, 'frames'), { recursive: true });
    await writeFile(join(outside, 'secret.png'), 'outside the session');
    await writeFile(join(outside, 'frames', '0002.png'), 'outside the session');
    const frame = await testFrame(32, 20, 'png');
    const steps = [{ frame, extension: 'png' as const }];
    const linkedFile = await writeSession(join(work, 'sessions'), { id: 'linked-file', steps });
    await rm(join(linkedFile, 'frames', '0001.png'));
    await symlink(join(outside, 'secret.png'), join(linkedFile, 'frames', '0001.png'));
    const linkedFolder = await writeSession(join(work, 'sessions'), { id: 'linked-folder', steps });
    await rename(join(linkedFolder, 'frames'), join(work, 'frames-aside'));
    await symlink(join(outside, 'frames'), join(linkedFolder, 'frames'));
    const plain = await writeSession(join(work, 'sessions'), { id: 'plain', steps });

    expect(await host.frameFile('linked-file', 'frames/0001.png')).toBeNull();
    expect(await host.frameFile('linked-folder', 'frames/0002.png')).toBeNull();
    expect(await host.frameFile('plain', 'frames/0001.png')).toBe(join(plain, 'frames', '0001.png'));
  });
});

describe('agent host locate', () => {
  it('records the grounding box, which sessions.get shows, also for a locate session recorded before it was', async () => {
    server = await startScriptedServer({
      style: 'inline',
      answers: [{ answer: 'The OK button <|begin_of_box|>[[100,200,300,400]]<|end_of_box|>' }],
    });
    const backend = { kind: 'openai', baseUrl: server.baseUrl, model: 'glm', keyRef: null };
    const found: { sessionId: string; box: unknown } = await call('locate', { query: 'the OK button', backend });
    expect(found.box).toEqual([100, 200, 300, 400]);
    const grounding = { query: 'the OK button', box: [100, 200, 300, 400] };
    const detail: { steps: Array<{ grounding?: unknown; action: { name: string } }> } = await call('sessions.get', {
      sessionId: found.sessionId,
    });
    expect(detail.steps).toEqual([
      expect.objectContaining({ grounding, action: expect.objectContaining({ name: 'none' }) }),
    ]);

    // An older locate session has no grounding field: its answer still says where.
    const stepsFile = join(work, 'sessions', found.sessionId, 'steps.jsonl');
    const record = JSON.parse(await readFile(stepsFile, 'utf8')) as Record<string, unknown>;
    delete record.grounding;
    await writeFile(stepsFile, `${JSON.stringify(record)}\n`);
    const older: { steps: Array<{ grounding?: unknown }> } = await call('sessions.get', { sessionId: found.sessionId });
    expect(older.steps[0]!.grounding).toEqual(grounding);
  });
});

describe('agent host runs', () => {
  it('runs against a server, streams events, and shows the session with its frames', async () => {
    server = await startScriptedServer({
      style: 'reasoning_content',
      answers: [CLICK, DONE],
      requireApiKey: 'sk-test',
    });
    await call('settings.set', { ...DEFAULT_SETTINGS, safety: { confirmation: 'never' } });
    const { runId, sessionId }: { runId: string; sessionId: string } = await call('run.start', {
      instruction: 'delete the draft',
      backend: { kind: 'openai', baseUrl: server.baseUrl, model: 'glm', keyRef: 'env:TEST_API_KEY' },
    });
    await until(ended);
    const runEvents = events.flatMap((event) => (event.type === 'run' ? [event.event.type] : []));
    expect(runEvents).toEqual(
      expect.arrayContaining([
        'run-start',
        'step-start',
        'step-observed',
        'reasoning-delta',
        'text-delta',
        'action-done',
        'run-end',
      ]),
    );
    expect(
      events.every((event) => event.type !== 'run' || (event.runId === runId && event.sessionId === sessionId)),
    ).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/base64|\/9j\//);
    expect(operator.executed.map(({ action }) => action.name)).toEqual(['left_click']);

    expect(await call('sessions.list', { query: 'DRAFT' })).toEqual([
      expect.objectContaining({ id: sessionId, outcome: 'done', steps: 2 }),
    ]);
    expect(await call('sessions.list', { outcome: 'fail' })).toEqual([]);
    // Paged: newest first, `offset` rows skipped.
    const all: Array<{ id: string }> = await call('sessions.list', {});
    expect(await call('sessions.list', { offset: 1, limit: 1 })).toEqual(all.slice(1, 2));
    const detail: { steps: Array<{ frame: string }> } = await call('sessions.get', { sessionId });
    expect(detail.steps.map((step) => step.frame)).toEqual(['frames/0001.png', 'frames/0002.png']);
    expect(await call('frames.url', { sessionId, frame: 'frames/0001.png' })).toEqual({
      url: `/frames/${sessionId}/frames/0001.png`,
    });
    expect(await host.frameFile(sessionId, 'frames/0001.png')).toBe(
      join(work, 'sessions', sessionId, 'frames', '0001.png'),
    );
    expect(await host.frameFile(sessionId, 'frames/../../x.png')).toBeNull();
    expect(await host.frameFile(sessionId.slice(0, 8), 'frames/0001.jpg')).toBeNull();
    expect(await readFile(join(work, 'sessions', sessionId, 'session.json'), 'utf8')).not.toContain('sk-test');

    await call('sessions.delete', { sessionId });
    expect(await call('sessions.list', {})).toEqual([]);
  });

  it('records a follow-up in the conversation of the run it continues, and lists it so', async () => {
    server = await startScriptedServer({ style: 'reasoning_content', answers: [DONE, DONE, DONE] });
    const backend = { kind: 'openai', baseUrl: server.baseUrl, model: 'glm', keyRef: null };
    const runs: Array<{ runId: string; sessionId: string }> = [];
    for (const instruction of ['open the notes', 'add a line', 'save them']) {
      const before = events.length;
      const continueRunId = runs.at(-1)?.runId;
      runs.push(await call('run.start', { instruction, backend, ...(continueRunId && { continueRunId }) }));
      await until(() => events.slice(before).some((event) => event.type === 'run-state' && event.state === 'ended'));
    }
    const [first, second, third] = runs.map((run) => run.sessionId);
    const rows: Array<{ id: string; conversationId?: string }> = await call('sessions.list', {});
    expect(rows.map(({ id, conversationId }) => ({ id, conversationId }))).toEqual([
      { id: third, conversationId: first },
      { id: second, conversationId: first },
      { id: first, conversationId: undefined },
    ]);
    const stored = JSON.parse(await readFile(join(work, 'sessions', third!, 'session.json'), 'utf8'));
    expect(stored).toMatchObject({ followUpOf: second, conversationId: first });
  });

  it('asks for confirmation under the risky policy and acts only when approved', async () => {
    server = await startScriptedServer({ style: 'inline', answers: [CLICK, DONE] });
    const { runId } = await call('run.start', {
      instruction: 'x',
      backend: { kind: 'openai', baseUrl: server.baseUrl, model: 'm', keyRef: null },
    });
    await until(() => events.some((event) => event.type === 'confirmation-needed'));
    const asked = events.find((event) => event.type === 'confirmation-needed')!;
    if (asked.type !== 'confirmation-needed') throw new Error('unreachable');
    expect(asked.reason).toMatch(/delete/);
    expect(operator.executed).toEqual([]);
    await call('run.confirm', { runId, confirmationId: asked.confirmationId, approve: true });
    await until(ended);
    expect(operator.executed).toHaveLength(1);
    expect(
      await host.dispatch('run.confirm', { runId, confirmationId: asked.confirmationId, approve: true }),
    ).toMatchObject({
      error: { code: 'not-found' },
    });
  });

  it('refuses a server without the model asked for before any session, with the code and params', async () => {
    server = await startScriptedServer({ style: 'inline', answers: [DONE], modelIds: ['glm-a', 'glm-b'] });
    const reply = await host.dispatch('run.start', {
      instruction: 'x',
      backend: { kind: 'openai', baseUrl: server.baseUrl, model: 'glm-x', keyRef: null },
    });
    expect(reply).toEqual({
      error: {
        code: 'config',
        message: expect.stringContaining('does not serve the model "glm-x"'),
        info: { code: 'model-not-found', params: { url: server.baseUrl, model: 'glm-x', available: 'glm-a, glm-b' } },
      },
    });
    expect(await call('sessions.list', {})).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a backend whose API key variable is not set, with a code the app words itself', async () => {
    server = await startScriptedServer({ style: 'inline', answers: [DONE] });
    const reply = await host.dispatch('run.start', {
      instruction: 'x',
      backend: { kind: 'openai', baseUrl: server.baseUrl, model: 'glm', keyRef: 'env:DESKHAND_UNSET_KEY' },
    });
    expect(reply).toEqual({
      error: {
        code: 'config',
        message: 'No API key found for the environment variable DESKHAND_UNSET_KEY; set it, then try again.',
        info: { code: 'api-key-missing-env', params: { variable: 'DESKHAND_UNSET_KEY' } },
      },
    });
    expect(await call('sessions.list', {})).toEqual([]);
  });

  it('refuses a second run while one is going, pauses, resumes and stops', async () => {
    server = await startScriptedServer({
      style: 'inline',
      chunkDelayMs: 20,
      answers: [{ reasoning: 'slow '.repeat(400), answer: DONE.answer }],
    });
    const backend = { kind: 'openai', baseUrl: server.baseUrl, model: 'm', keyRef: null };
    const { runId } = await call('run.start', { instruction: 'x', backend });
    expect(await host.dispatch('run.start', { instruction: 'y', backend })).toMatchObject({ error: { code: 'busy' } });
    await call('run.pause', { runId });
    await call('run.resume', { runId });
    await call('run.takeOver', { runId });
    expect(operator.released).toBeGreaterThanOrEqual(1);
    await call('run.giveBack', { runId });
    await call('run.stop', { runId });
    expect(
      events.filter((event) => event.type === 'run-state').map((event) => (event as { state: string }).state),
    ).toEqual(['running', 'paused', 'running', 'taken-over', 'running', 'ended']);
    const end = events.find((event) => event.type === 'run' && event.event.type === 'run-end');
    expect(end).toMatchObject({ event: { outcome: { kind: 'stopped' } } });
  });

  it('tests a backend connection and says what is wrong when it fails', async () => {
    server = await startScriptedServer({ style: 'inline', answers: [{ answer: 'OK' }] });
    expect(
      await call('backend.test', { kind: 'openai', baseUrl: server.baseUrl, model: '', keyRef: null }),
    ).toMatchObject({
      ok: true,
      model: 'glm-4.1v-9b-thinking-scripted',
      message: expect.stringContaining('"OK"'),
    });
    const closedUrl = server.baseUrl;
    await server.close();
    server = undefined;
    expect(await call('backend.test', { kind: 'openai', baseUrl: closedUrl, model: 'm', keyRef: null })).toMatchObject({
      ok: false,
      message: expect.stringContaining(closedUrl),
      error: { code: 'server-unreachable', params: { url: closedUrl } },
    });
    expect(
      await call('backend.test', { kind: 'openai', baseUrl: closedUrl, model: 'm', keyRef: 'env:MISSING_API_KEY' }),
    ).toMatchObject({
      ok: false,
      message: expect.stringContaining('MISSING'),
    });
  });

  it('reports whether a local model folder is usable, before loading it', async () => {
    const modelDir = await tinyModelDir();
    expect(await call('model.status', { modelDir })).toMatchObject({
      valid: true,
      errors: [],
      providers: expect.arrayContaining(['cpu']),
    });
    const missing = join(work, 'no-model');
    const status: { valid: boolean; errors: string[] } = await call('model.status', { modelDir: missing });
    expect(status.valid).toBe(false);
    expect(status.errors[0]).toBe(`${join(missing, 'config.json')}: missing`);
  });
});
