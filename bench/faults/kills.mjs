// Runs of `deskhand run` SIGKILLed at seeded random instants (during start-up, mid-stream, mid-record, many steps
// in): every step the run acknowledged must still be there, numbered without gaps, its frame whole. Node only.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BIN, inPool, runDeskhand } from './cli.mjs';
import { hoverRunArgs, startHoverServer } from './hover-server.mjs';
import { tally } from './tally.mjs';

const KILLS = 20;
/** Events a kill can be timed after, so some land just as a frame or a step is being written. */
const TRIGGERS = ['run-start', 'step-observed', 'action-parsed', 'action-done', 'step-recorded', 'reasoning-delta'];

/** A small seeded PRNG (mulberry32): the same kills on every run of the bench. */
function seededRandom(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let value = Math.imul(seed ^ (seed >>> 15), seed | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Kill plans: a quarter during start-up (0.1–0.9 s after launch), a quarter later (0.9–4.5 s, up to a dozen steps
 * in), half a few ms after the Nth event of a kind.
 */
function killPlans() {
  const random = seededRandom(20261203);
  return Array.from({ length: KILLS }, (_, index) =>
    index % 2 === 0
      ? { afterMs: Math.round(index % 4 === 0 ? 100 + random() * 800 : 900 + random() * 3600) }
      : {
          trigger: TRIGGERS[Math.floor(random() * TRIGGERS.length)],
          nth: 1 + Math.floor(random() * 8),
          delayMs: Math.floor(random() * 6),
        },
  );
}

export async function randomKills(results, work) {
  const server = await startHoverServer();
  try {
    await inPool([...killPlans().entries()], 2, async ([index, plan]) => {
      const sessionsDir = join(work, 'kills', String(index));
      await tally(results, 'random kills', async () => {
        const run = await killedRun(server.baseUrl, sessionsDir, plan);
        const problem = await recordedProblem(sessionsDir, run);
        return problem ? `kill ${index} (${JSON.stringify(plan)}, ${run.acknowledged} acknowledged): ${problem}` : null;
      });
    });
  } finally {
    await server.close();
  }
}

/** Starts a run and SIGKILLs it as `plan` says; resolves with its session id and how many steps it acknowledged. */
function killedRun(baseUrl, sessionsDir, plan) {
  const child = spawn(process.execPath, [BIN, ...hoverRunArgs(baseUrl, sessionsDir, 200)], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const run = { sessionId: null, acknowledged: 0, seen: {} };
  const kill = () => child.kill('SIGKILL');
  if (plan.afterMs) setTimeout(kill, plan.afterMs);
  const fallback = setTimeout(kill, 8000);
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = parsedLine(line);
    if (event === null) return;
    if (event.type === 'run-start') run.sessionId = event.sessionId;
    if (event.type === 'step-recorded') run.acknowledged += 1;
    run.seen[event.type] = (run.seen[event.type] ?? 0) + 1;
    if (event.type === plan.trigger && run.seen[event.type] === plan.nth) setTimeout(kill, plan.delayMs);
  });
  return new Promise((resolve) =>
    child.on('close', () => {
      globalThis.clearTimeout(fallback);
      resolve(run);
    }),
  );
}

/** The event on `line`, or null for the torn last line a SIGKILL can cut. */
function parsedLine(line) {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/** What is wrong with the sessions a killed run left (its own, or one it made before saying so), or null. */
async function recordedProblem(sessionsDir, run) {
  const listed = await runDeskhand(['sessions', 'list', '--json', '--sessions-dir', sessionsDir]);
  if (listed.code !== 0) return `sessions list failed (exit ${listed.code}): ${listed.stderr.slice(0, 200)}`;
  const sessions = JSON.parse(listed.stdout);
  if (sessions.length > 1) return `${sessions.length} sessions from one run`;
  if (run.sessionId !== null && sessions[0]?.id !== run.sessionId) return `the session ${run.sessionId} is not listed`;
  if (sessions.length === 0) return run.acknowledged === 0 ? null : 'no session, yet steps were acknowledged';
  return sessionProblem(sessionsDir, sessions[0], run.acknowledged);
}

/** What is wrong with a recorded session: gaps, lost acknowledged steps, broken frames, partial files; or null. */
export async function sessionProblem(sessionsDir, summary, acknowledged) {
  const shown = await runDeskhand(['sessions', 'show', summary.id, '--json', '--sessions-dir', sessionsDir]);
  if (shown.code !== 0) return `sessions show failed (exit ${shown.code}): ${shown.stderr.slice(0, 200)}`;
  const detail = JSON.parse(shown.stdout);
  const numbers = detail.steps.map((step) => step.step);
  if (numbers.some((number, index) => number !== index + 1)) return `steps numbered ${numbers.join(',')}`;
  if (numbers.length < acknowledged) return `${numbers.length} steps kept of ${acknowledged} acknowledged`;
  if (summary.steps !== numbers.length) return `sessions list says ${summary.steps} steps, show has ${numbers.length}`;
  for (const step of detail.steps) {
    const broken = await frameProblem(join(detail.dir, step.frame), step.frameSize);
    if (broken) return `step ${step.step}: ${broken}`;
  }
  const frames = await readdir(join(detail.dir, 'frames')).catch(() => []);
  const partial = frames.find((name) => name.endsWith('.tmp'));
  return partial ? `frames/${partial} is left after opening the session` : null;
}

/** Why the frame at `path` is not a whole PNG or JPEG of `size`, or null: signature, dimensions and end marker. */
async function frameProblem(path, size) {
  const bytes = await readFile(path).catch(() => null);
  if (bytes === null) return `${path} is missing`;
  const dimensions = pngSize(bytes) ?? jpegSize(bytes);
  if (!dimensions) return `${path} is neither a whole PNG nor a whole JPEG (${bytes.length} bytes)`;
  const [width, height] = dimensions;
  return width === size.width && height === size.height
    ? null
    : `${path} is ${width}×${height}, not ${size.width}×${size.height}`;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(bytes) {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  if (bytes.toString('latin1', bytes.length - 8, bytes.length - 4) !== 'IEND') return null;
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** A JPEG's size from its first start-of-frame marker; null unless it starts with SOI and ends with EOI. */
function jpegSize(bytes) {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes.at(-2) !== 0xff || bytes.at(-1) !== 0xd9) return null;
  for (let offset = 2; offset + 9 < bytes.length;) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1];
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker))
      return [bytes.readUInt16BE(offset + 7), bytes.readUInt16BE(offset + 5)];
    offset += 2 + bytes.readUInt16BE(offset + 2);
  }
  return null;
}
