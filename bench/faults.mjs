// `npm run bench -- faults`: the faults found when Deskhand was attacked from outside, tried again. Each attack either
// held (refused cleanly, nothing leaked, nothing lost) or was lost; prints tried / held / lost per kind. Node only.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { zipSync } from 'fflate';
import { reportXss } from './faults/report-xss.mjs';
import { serveAttacks } from './faults/serve-attacks.mjs';
import { tally } from './faults/tally.mjs';

const BIN = fileURLToPath(new URL('../bin/deskhand', import.meta.url));
const dist = (path) => import(new URL(`../dist/src/${path}`, import.meta.url).href);
// eslint-disable-next-line no-control-regex -- these are the characters a terminal acts on.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A server answering every request with `status` and a body that quotes `echo`. */
async function failingServer(status, echo) {
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: { message: `refused ${echo}` } }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function urlSecrets(results) {
  const { createOpenAIBackend } = await dist('backends/openai.js');
  for (const status of [400, 401, 404, 429, 500, 503, 0]) {
    const password = `pw-${status}-SECRET`;
    const key = `qk-${status}-SECRET`;
    const server = status === 0 ? null : await failingServer(status, `api_key=${key} for ${password}`);
    const port = server?.port ?? 9; // 9: nothing listens, so the connection is refused
    const backend = createOpenAIBackend({
      baseUrl: `http://me:${password}@127.0.0.1:${port}/v1?api_key=${key}`,
      model: 'm',
      maxRetries: 0,
    });
    await tally(results, 'credentials in the base URL', async () => {
      try {
        for await (const delta of backend.stream(
          { images: [], prompt: 'x', maxTokens: 1, temperature: 0 },
          globalThis.AbortSignal.timeout(5000),
        ))
          void delta;
        return 'the failing server was not reported';
      } catch (error) {
        const text = `${error.message}`;
        return text.includes(password) || text.includes(key) ? `leaked in: ${text}` : null;
      }
    });
    await server?.close();
  }
}

async function settingsSaves(results, work) {
  const { SettingsStore } = await dist('host/settings-store.js');
  const { DEFAULT_SETTINGS } = await dist('host/protocol/settings.js');
  for (let trial = 0; trial < 20; trial++) {
    const file = join(work, `settings-${trial}`, 'settings.json');
    const store = await SettingsStore.open(file);
    const saves = Array.from({ length: 50 }, (_, index) =>
      store.set({ ...DEFAULT_SETTINGS, loop: { ...DEFAULT_SETTINGS.loop, maxSteps: index + 1 } }),
    );
    await tally(results, 'concurrent settings saves', async () => {
      await Promise.all(saves);
      const reopened = await SettingsStore.open(file);
      if (reopened.problem) return reopened.problem;
      return reopened.get().loop.maxSteps === 50 ? null : `the last save was lost (${reopened.get().loop.maxSteps})`;
    });
  }
}

async function hostileArchives(results, work) {
  const { importSessionArchiveBytes } = await dist('sessions/archive/import-archive.js');
  const info = {
    formatVersion: 1,
    id: '20260101-000000-beef',
    task: 'a task',
    backend: { kind: 'replay', model: 'r', baseUrl: null },
    display: { id: 's', bounds: { x: 0, y: 0, width: 10, height: 10 }, scaleFactor: 1 },
    maxSteps: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: null,
    outcome: null,
    steps: 0,
    deskhandVersion: '0.1.0',
  };
  const text = (value) => new globalThis.TextEncoder().encode(value);
  const archive = (session, extra = {}) =>
    zipSync({ 'session.json': text(JSON.stringify(session)), 'steps.jsonl': text(''), ...extra });
  const cases = {
    'a 100 MB task': archive({ ...info, task: 'x'.repeat(100_000_000) }),
    'a 1,000× expansion': archive(info, { 'frames/0001.png': [new Uint8Array(60_000_000), { level: 9 }] }),
    ...Object.fromEntries(['CON', 'NUL', 'COM1', 'lpt1.x'].map((id) => [`the id ${id}`, archive({ ...info, id })])),
    'an entry outside the folder': archive(info, { '../escape.png': text('x') }),
  };
  for (const [name, bytes] of Object.entries(cases)) {
    const sessionsDir = join(work, 'imports', name.replace(/\W/g, '_'));
    await tally(results, 'hostile archives', async () => {
      const outcome = await importSessionArchiveBytes(bytes, sessionsDir).then(
        () => 'imported',
        (error) => (error.name === 'ArchiveError' ? null : `failed badly: ${error.message}`),
      );
      return outcome === 'imported' ? `${name} was imported` : outcome;
    });
  }
}

async function slowPipe(results) {
  const answer = `<think>${'a long thought. '.repeat(60_000)}</think><answer>DONE()</answer>`;
  for (let trial = 0; trial < 3; trial++) {
    await tally(results, 'output through a slow pipe', async () => {
      const child = spawn(process.execPath, [BIN, 'parse', '--width', '100', '--height', '100'], {
        env: { ...process.env, DISPLAY: '' },
      });
      child.stdout.pause();
      child.stdin.end(answer);
      await new Promise((resolve) => setTimeout(resolve, 700));
      const chunks = [];
      child.stdout.on('data', (chunk) => chunks.push(chunk));
      child.stdout.resume();
      await new Promise((resolve) => child.on('close', resolve));
      const bytes = Buffer.concat(chunks);
      try {
        JSON.parse(bytes.toString());
        return null;
      } catch {
        return `got ${bytes.length} bytes`;
      }
    });
  }
}

async function badInputs(results, work) {
  const file = join(work, 'a-file');
  await writeFile(file, 'x');
  const run = promisify(execFile);
  const cases = [
    ['sessions', 'list', '--sessions-dir', ''],
    ['sessions', 'list', '--sessions-dir', '/'],
    ['sessions', 'list', '--sessions-dir', '/proc/deskhand'],
    ['sessions', 'list', '--sessions-dir', '/sys/x'],
    ['sessions', 'import', file, '--sessions-dir', file],
    ['model', 'check', file, '--variant', 'int8'],
    ['run', 'x', '--backend', 'openai', '--image-format', 'gif'],
  ];
  for (const args of cases) {
    await tally(results, 'bad CLI input', async () => {
      const outcome = await run(process.execPath, [BIN, ...args], { timeout: 10_000 }).then(
        () => ({ code: 0, stderr: '' }),
        (error) => ({ code: error.code, stderr: `${error.stderr}` }),
      );
      if (outcome.code !== 2) return `${args.join(' ')}: exit ${outcome.code}`;
      return /\n\s+at /.test(outcome.stderr) ? `${args.join(' ')}: a stack trace` : null;
    });
  }
}

async function escapesAndKeys(results) {
  const { terminalSafe, jsonLine } = await dist('cli/terminal-text.js');
  const { environmentKeyStore } = await dist('host/backend-resolver.js');
  const { parseAnswer } = await dist('glm/parser.js');
  const payloads = [
    '\u001b]52;c;cm0gLXJm\u0007',
    '\u001b]0;pwned\u0007',
    '\u001b[2J',
    '\u009b31m',
    '\u001bc',
    '\u0007',
  ];
  for (const payload of payloads) {
    await tally(results, 'terminal escapes', async () =>
      CONTROLS.test(terminalSafe(`x${payload}y`)) || CONTROLS.test(jsonLine({ text: payload }).trimEnd())
        ? `${JSON.stringify(payload)} reached the terminal`
        : null,
    );
  }
  const store = environmentKeyStore({ AWS_SECRET_ACCESS_KEY: 'cloud', PGPASSWORD: 'db', HOME: '/root' });
  for (const name of ['AWS_SECRET_ACCESS_KEY', 'PGPASSWORD', 'HOME']) {
    await tally(results, 'env keyRef', async () =>
      store.get(`env:${name}`).then(
        () => `${name} was sent as a key`,
        () => null,
      ),
    );
  }
  await tally(results, 'huge answers', async () => {
    const before = process.memoryUsage().rss;
    const parsed = parseAnswer(`<answer>${'WAIT '.repeat(10_000_000)}</answer>`, { width: 10, height: 10 });
    const grew = process.memoryUsage().rss - before;
    if (parsed.action.name !== 'none' || !parsed.error) return 'a 50 MB answer was read';
    return grew > 500_000_000 ? `the parser took ${Math.round(grew / 1e6)} MB` : null;
  });
}

export async function measureFaults() {
  const work = await mkdtemp(join(tmpdir(), 'deskhand-faults-'));
  const results = {};
  try {
    await urlSecrets(results);
    await settingsSaves(results, work);
    await hostileArchives(results, work);
    await slowPipe(results);
    await badInputs(results, work);
    await escapesAndKeys(results);
    await serveAttacks(results, work);
    await reportXss(results, work);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const totals = Object.values(results).reduce(
    (sum, entry) => ({ tried: sum.tried + entry.tried, held: sum.held + entry.held, lost: sum.lost + entry.lost }),
    { tried: 0, held: 0, lost: 0 },
  );
  return { ...totals, byKind: results };
}

if (process.argv.includes('--measure') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await measureFaults())}\n`);
  process.exit(0);
}
