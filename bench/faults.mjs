// `npm run bench -- faults`: the faults found when Deskhand was attacked from outside, tried again. Each attack either
// held (refused cleanly, nothing leaked, nothing lost) or was lost; prints tried / held / lost per kind. Node only.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hostileArchives } from './faults/archives.mjs';
import { BIN, CONTROLS } from './faults/cli.mjs';
import { badCliInputs } from './faults/cli-inputs.mjs';
import { fullDisk } from './faults/full-disk.mjs';
import { randomKills } from './faults/kills.mjs';
import { reportXss } from './faults/report-xss.mjs';
import { serveAttacks } from './faults/serve-attacks.mjs';
import { tally } from './faults/tally.mjs';

const dist = (path) => import(new URL(`../dist/src/${path}`, import.meta.url).href);

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
    await badCliInputs(results, work);
    await escapesAndKeys(results);
    await randomKills(results, work);
    await fullDisk(results, work);
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
