// Kills real `deskhand run` processes (SIGKILL) at random instants and checks that every session left behind opens:
// `sessions show --json` exits 0, steps are 1..n with their frames on disk and decodable, a torn last line is a warning.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readdir, readFile, rm, truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DESKHAND_BIN, spawnDeskhand } from '../support/cli.js';
import { scriptedAnswer, startScriptedServer, type ScriptedAnswer } from '../support/scripted-openai-server.js';
import { startXDesktop, type XDesktop } from '../support/x-desktop.js';

const execFileAsync = promisify(execFile);
const KILL_POINTS = 32;
/** Every fourth kill also tears the last line of steps.jsonl at a random byte, as a power loss mid-write would. */
const TEAR_EVERY = 4;
const STEPS = 6;

let desktop: XDesktop;
let root: string;
beforeAll(async () => {
  desktop = await startXDesktop({ width: 1024, height: 768 });
  root = await mkdtemp(join(tmpdir(), 'deskhand-durability-'));
});
afterAll(async () => {
  await desktop?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

const ACTIONS = [
  (index: number) => `hover(start_box='[${100 + index * 37},${200 + index * 11}]')`,
  (index: number) => `left_click(start_box='[${900 - index * 29},${800 - index * 13}]')`,
  () => `key(keys='shift')`,
];

function answers(): ScriptedAnswer[] {
  const steps = Array.from({ length: STEPS - 1 }, (_, index) =>
    scriptedAnswer(ACTIONS[index % ACTIONS.length]!(index), {
      explanation: 'Move on.',
      reasoning: `Step ${index + 1}: looking at the empty desktop and deciding where to point next. `.repeat(3),
    }),
  );
  return [...steps, { answer: '<answer>Done.\n<|begin_of_box|>DONE()<|end_of_box|></answer>' }];
}

const random = (low: number, high: number) => low + Math.random() * (high - low);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ShowJson {
  id: string;
  steps: Array<{ step: number; frame: string }>;
  warnings: string[];
}

async function show(sessionsDir: string, id: string): Promise<{ code: number; json: ShowJson; stderr: string }> {
  const args = [DESKHAND_BIN, 'sessions', 'show', id, '--json', '--sessions-dir', sessionsDir];
  const result = await execFileAsync(process.execPath, args, { env: desktop.env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return { code: result.code, json: JSON.parse(result.stdout || 'null') as ShowJson, stderr: result.stderr };
}

/** Cuts steps.jsonl inside its last line; returns whether there was a line to tear. */
async function tearLastLine(sessionDir: string): Promise<boolean> {
  const path = join(sessionDir, 'steps.jsonl');
  const text = await readFile(path, 'utf8').catch(() => '');
  const lastStart = text.slice(0, -1).lastIndexOf('\n') + 1;
  if (text.length - lastStart < 10) return false;
  await truncate(
    path,
    Buffer.byteLength(text.slice(0, lastStart)) + Math.floor(random(2, text.length - lastStart - 2)),
  );
  return true;
}

it(`every session opens after ${KILL_POINTS} SIGKILLs at random instants of real runs`, async () => {
  const tally = { beforeSession: 0, sessions: 0, steps: 0, torn: 0, finished: 0 };
  const lines: string[] = [];
  for (let point = 0; point < KILL_POINTS; point += 1) {
    const server = await startScriptedServer({
      style: point % 2 === 0 ? 'inline' : 'reasoning_content',
      answers: answers(),
      chunkSize: 16,
      chunkDelayMs: Math.floor(random(0, 4)),
    });
    const sessionsDir = join(root, `kill-${point}`);
    const run = spawnDeskhand(
      ['run', 'move around the desktop', '--backend', 'openai', '--base-url', server.baseUrl, '--model', 'm'].concat([
        '--sessions-dir',
        sessionsDir,
        '--max-steps',
        String(STEPS),
        '--json',
      ]),
      desktop.env,
    );
    // Kill points spread over start-up, generation, acting and recording: a random delay after a random event.
    const trigger = ['run-start', 'step-observed', 'reasoning-delta', 'action-parsed', 'action-done', 'step-recorded'][
      point % 6
    ]!;
    const step = 1 + Math.floor(random(0, STEPS - 1));
    await Promise.race([
      run.waitForEvent((event) => event.type === trigger && (!('step' in event) || event.step >= step), 20_000),
      run.exited,
    ]).catch(() => undefined);
    await sleep(random(0, point < 4 ? 150 : 25));
    run.child.kill('SIGKILL');
    await run.exited;
    await server.close();

    const ids = (await readdir(sessionsDir).catch(() => [] as string[])).filter((name) => !name.startsWith('.'));
    expect(ids.length).toBeLessThanOrEqual(1);
    if (ids.length === 0) {
      tally.beforeSession += 1;
      continue;
    }
    const sessionDir = join(sessionsDir, ids[0]!);
    const torn = point % TEAR_EVERY === TEAR_EVERY - 1 && (await tearLastLine(sessionDir));
    const { code, json, stderr } = await show(sessionsDir, ids[0]!);
    expect(code, `kill point ${point}: ${stderr}`).toBe(0);
    expect(json.id).toBe(ids[0]);
    expect(json.steps.map((record) => record.step)).toEqual(json.steps.map((_, index) => index + 1));
    for (const record of json.steps) {
      const stats = await sharp(join(sessionDir, record.frame)).stats();
      expect(stats.channels.length, `frame of step ${record.step}`).toBeGreaterThanOrEqual(3);
    }
    // What a kill can leave: a torn last line, a session.json.tmp, a partial frame file (removed when opened).
    const expected = /torn|session\.json\.tmp was left behind|partial frame file\(s\) a killed run left/;
    const unexpected = json.warnings.filter((warning) => !expected.test(warning));
    expect(unexpected, `kill point ${point}`).toEqual([]);
    if (torn) expect(json.warnings.some((warning) => /line \d+ is torn/.test(warning))).toBe(true);
    tally.sessions += 1;
    tally.steps += json.steps.length;
    tally.torn += torn ? 1 : 0;
    tally.finished += (await readFile(join(sessionDir, 'session.json'), 'utf8')).includes('"endedAt": null') ? 0 : 1;
    lines.push(`${point}:${trigger}≥${step}→${json.steps.length}`);
  }
  console.log(`kill points ${KILL_POINTS}: ${JSON.stringify(tally)}; ${lines.join(' ')}`);
  expect(tally.sessions).toBeGreaterThan(KILL_POINTS / 2);
  expect(tally.torn).toBeGreaterThan(0);
}, 120_000);
