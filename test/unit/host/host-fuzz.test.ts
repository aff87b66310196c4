// Fuzzing the AgentHost API and browser mode: malformed, oversized and out-of-order calls get an error reply and
// change nothing; the web host answers only on loopback, only with the token, only from its own origin.
import fc from 'fast-check';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startWebHost, type WebHost } from '../../../src/host/bind-websocket.js';
import type { DeskhandHost } from '../../../src/host/create-agent-host.js';
import { HOST_METHODS, HostErrorCode, type HostEvent } from '../../../src/host/protocol/host-api.js';
import { DEFAULT_SETTINGS } from '../../../src/host/protocol/settings.js';
import { createTestHost } from '../../support/test-host.js';

let work: string;
let host: DeskhandHost;
let web: WebHost;
let token: string;
const events: HostEvent[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'deskhand-fuzz-'));
  await mkdir(join(work, 'renderer'), { recursive: true });
  await writeFile(join(work, 'renderer', 'index.html'), '<!doctype html><title>Deskhand</title>');
  host = await createTestHost(work);
  host.onEvent((event) => events.push(event));
  web = await startWebHost({ host, rendererDir: join(work, 'renderer') });
  token = new URL(web.url).searchParams.get('token')!;
});
afterAll(async () => {
  await web.close();
  await host.dispose();
  await rm(work, { recursive: true, force: true });
});

const METHOD_NAMES = Object.keys(HOST_METHODS);
/** Calls that change state when valid; every other method only reads. */
const RUN_STEERING = ['run.pause', 'run.resume', 'run.stop', 'run.takeOver', 'run.giveBack', 'run.confirm'];

/** A method name: a real one, a near miss, or anything. */
const methodName = fc.oneof(
  fc.constantFrom(...METHOD_NAMES),
  fc.constantFrom(...METHOD_NAMES).map((name) => `${name.toUpperCase()} `),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', ''),
  fc.string({ maxLength: 80 }),
);
/** Params: anything at all, near-valid objects with hostile values, or oversized strings. */
const params = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record({
    runId: fc.oneof(fc.string(), fc.uuid(), fc.constant('x'.repeat(101))),
    confirmationId: fc.string(),
    approve: fc.anything(),
  }),
  fc.record({ instruction: fc.oneof(fc.constant(''), fc.constant('a'.repeat(4001))), backend: fc.anything() }),
  fc.record({ sessionId: fc.constantFrom('../..', '..', '/etc/passwd', 'x'.repeat(200)), frame: fc.string() }),
  fc.constant({ ...DEFAULT_SETTINGS, theme: 'neon' }),
  fc.constant({ ...DEFAULT_SETTINGS, safety: { confirmation: 'nobody asked' } }),
);

async function snapshot() {
  return JSON.stringify([await host.dispatch('settings.get', {}), await host.dispatch('sessions.list', {})]);
}

describe('AgentHost API under fuzzing', () => {
  it('answers every malformed or out-of-order call with a coded error and leaves the state as it was', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(methodName, params, async (method, value) => {
        const eventsBefore = events.length;
        const reply = await host.dispatch(method, value);
        if ('result' in reply) {
          // Only reading calls may succeed here: no run exists, and the hostile params are never valid settings.
          expect(METHOD_NAMES).toContain(method);
          expect(method).not.toMatch(/^(run\.|settings\.set|sessions\.delete|model\.download)/);
        } else {
          expect(HostErrorCode.options).toContain(reply.error.code);
          expect(reply.error.message).not.toMatch(/\n\s+at /);
        }
        expect(events.length).toBe(eventsBefore);
      }),
      { numRuns: 600 },
    );
    expect(await snapshot()).toBe(before);
  });

  it('steering calls before any run (stop, pause, confirm …) are refused as not-found', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...RUN_STEERING), fc.uuid(), async (method, runId) => {
        const reply = await host.dispatch(method, { runId, confirmationId: runId, approve: true });
        expect(reply).toMatchObject({ error: { code: 'not-found' } });
      }),
      { numRuns: 60 },
    );
    expect(events).toEqual([]);
  });
});

function openSocket(headers: Record<string, string>, path = `/api?token=${token}`): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${web.port}${path}`, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
  });
}

function reply(socket: WebSocket, frame: string | Buffer): Promise<unknown> {
  return new Promise((resolve) => {
    socket.once('message', (data) => resolve(JSON.parse(data.toString())));
    socket.send(frame);
  });
}

describe('browser mode under fuzzing', () => {
  it('replies to every malformed frame with an error and keeps serving on the same connection', async () => {
    const origin = `http://127.0.0.1:${web.port}`;
    const socket = await openSocket({ origin });
    const frames = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.json().filter((text) => !/^\{/.test(text.trim())),
      fc
        .record({
          id: fc.oneof(fc.string(), fc.constant(-1), fc.constant(1.5), fc.constant(null)),
          method: fc.string(),
        })
        .map((message) => JSON.stringify(message)),
      fc.record({ id: fc.nat(), method: fc.string({ minLength: 65, maxLength: 100 }) }).map((m) => JSON.stringify(m)),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
    );
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        expect(await reply(socket, frame)).toMatchObject({ id: null, error: { code: 'invalid-params' } });
      }),
      { numRuns: 200 },
    );
    expect(await reply(socket, JSON.stringify({ id: 7, method: 'settings.get', params: {} }))).toMatchObject({
      id: 7,
      result: DEFAULT_SETTINGS,
    });
    socket.close();
  });

  it('refuses every other origin and every wrong token', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.webUrl().filter((url) => !url.startsWith(`http://127.0.0.1:${web.port}`)),
        async (origin) => {
          await expect(openSocket({ origin: new URL(origin).origin })).rejects.toThrow(/403/);
        },
      ),
      { numRuns: 25 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 60 }).filter((candidate) => candidate !== token),
        async (candidate) => {
          const path = `/api?token=${encodeURIComponent(candidate)}`;
          await expect(openSocket({ origin: `http://127.0.0.1:${web.port}` }, path)).rejects.toThrow(/403/);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('is not reachable on any non-loopback address of this machine', async () => {
    const addresses = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && !entry.internal)
      .map((entry) => entry!.address);
    for (const address of addresses) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: web.port, timeout: 2000 });
        socket.once('connect', () => (socket.destroy(), resolve('connected')));
        socket.once('timeout', () => (socket.destroy(), resolve('timeout')));
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(outcome, address).not.toBe('connected');
    }
  });
});
