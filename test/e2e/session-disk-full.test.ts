// A sessions folder on a tiny tmpfs fills up mid-run: the run ends with a clear error (exit 1) and what was recorded
// stays readable. A folder that cannot be written at all is a configuration error (exit 2) before the run starts. An
// import that would leave the disk nearly full is refused before it writes anything.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readSession } from '../../src/sessions/reader.js';
import { runDeskhand, spawnDeskhand } from '../support/cli.js';
import { writeSession } from '../support/recorded-session.js';
import { startScriptedServer, type ScriptedServer } from '../support/scripted-openai-server.js';
import { startXDesktop, type XDesktop } from '../support/x-desktop.js';

const execFileAsync = promisify(execFile);
let desktop: XDesktop;
let server: ScriptedServer;
let root: string;

beforeAll(async () => {
  desktop = await startXDesktop({ width: 1024, height: 768 });
  root = await mkdtemp(join(tmpdir(), 'deskhand-disk-full-'));
  const hover = (index: number) => ({
    answer: `<answer>Hover.\n<|begin_of_box|>hover(start_box='[${100 + index * 20},${300 + (index % 7) * 50}]')<|end_of_box|></answer>`,
  });
  server = await startScriptedServer({
    style: 'inline',
    answers: Array.from({ length: 40 }, (_, index) => hover(index)),
  });
});
afterAll(async () => {
  await server?.close();
  await desktop?.stop();
  if (root) await rm(root, { recursive: true, force: true });
});

const run = (sessionsDir: string) =>
  spawnDeskhand(
    ['run', 'hover around', '--backend', 'openai', '--base-url', server.baseUrl, '--model', 'm'].concat([
      '--sessions-dir',
      sessionsDir,
      '--max-steps',
      '40',
      '--json',
    ]),
    desktop.env,
  );

/** Mounts a tmpfs; null where mounting is refused (not root, or a container without the capability). */
async function mountTmpfs(dir: string, options: string): Promise<(() => Promise<void>) | null> {
  await mkdir(dir, { recursive: true });
  const mounted = await execFileAsync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).then(
    () => true,
    () => false,
  );
  return mounted ? async () => void (await execFileAsync('umount', [dir]).catch(() => undefined)) : null;
}

it('a disk that fills up ends the run with "The disk is full", keeping the recorded steps readable', async (context) => {
  const sessionsDir = join(root, 'tiny');
  const unmount = await mountTmpfs(sessionsDir, 'size=160k');
  if (!unmount) return context.skip('mount -t tmpfs was refused on this machine');
  try {
    const deskhand = run(sessionsDir);
    const { code } = await deskhand.exited;
    expect(code, deskhand.stderr()).toBe(1);
    const end = deskhand.events.at(-1)!;
    if (end.type !== 'run-end') throw new Error(`the last event is ${end.type}`);
    expect(end.outcome.message).toMatch(
      /^The disk is full: .* failed \(no space is left on the device\); the \d+ steps? recorded so far (are|is) kept in /,
    );
    expect(deskhand.stderr()).toContain('The disk is full');
    const session = await readSession(sessionsDir, end.sessionId);
    expect(session.steps.length).toBeGreaterThan(0);
    expect(session.steps.map((step) => step.step)).toEqual(session.steps.map((_, index) => index + 1));
    expect(session.warnings.filter((warning) => !/torn/.test(warning))).toEqual([]);
  } finally {
    await unmount();
  }
});

it('a read-only sessions folder is a configuration error before the run starts (exit 2)', async (context) => {
  const sessionsDir = join(root, 'read-only');
  const unmount = await mountTmpfs(sessionsDir, 'ro,size=64k');
  if (!unmount) return context.skip('mount -t tmpfs was refused on this machine');
  try {
    const deskhand = run(sessionsDir);
    expect((await deskhand.exited).code).toBe(2);
    expect(deskhand.stderr()).toContain(`Cannot record a session in ${sessionsDir}: the file system is read-only.`);
  } finally {
    await unmount();
  }
});

it('a sessions folder inside a file is a configuration error (exit 2) that says why', async () => {
  await writeFile(join(root, 'a-file'), '');
  const sessionsDir = join(root, 'a-file', 'sessions');
  const deskhand = run(sessionsDir);
  expect((await deskhand.exited).code).toBe(2);
  expect(deskhand.stderr()).toContain(
    `--sessions-dir ${sessionsDir} lies under ${join(root, 'a-file')}, a file, not a folder: give a folder`,
  );
});

/** `deskhand ARGS` on this file's desktop, run to its end. */
const deskhandToEnd = (args: string[]) => runDeskhand(args, desktop.env);

/** A recorded session with `frames` PNG frames of noise (about 3 MB each, so its zip does not shrink), zipped. */
async function sessionArchive(id: string, frames: number): Promise<string> {
  const sourceDir = join(root, 'import-source');
  const noise = () => sharp(randomBytes(1000 * 1000 * 3), { raw: { width: 1000, height: 1000, channels: 3 } });
  const steps = [];
  for (let index = 0; index < frames; index++)
    steps.push({ frame: await noise().png().toBuffer(), extension: 'png' as const });
  await writeSession(sourceDir, { id, steps });
  const zip = join(root, `${id}.zip`);
  const exported = await deskhandToEnd(['sessions', 'export', id, '--zip', zip, '--sessions-dir', sourceDir]);
  expect(exported.code, exported.stderr).toBe(0);
  return zip;
}

it('refuses an import the disk cannot hold with 100 MB to spare, writing nothing; a small one still fits', async (context) => {
  const sessionsDir = join(root, 'nearly-full');
  const unmount = await mountTmpfs(sessionsDir, 'size=112m');
  if (!unmount) return context.skip('mount -t tmpfs was refused on this machine');
  try {
    const large = await deskhandToEnd([
      'sessions',
      'import',
      await sessionArchive('large', 6),
      '--sessions-dir',
      sessionsDir,
    ]);
    expect(large.code, large.stderr).toBe(2);
    expect(large.stderr).toMatch(
      /The session unpacks to 1\d MB and .*nearly-full has 11\d MB free \(100 MB are kept free\); free some space and import again\./,
    );
    expect(await readdir(sessionsDir)).toEqual([]);

    const small = await deskhandToEnd([
      'sessions',
      'import',
      await sessionArchive('small', 1),
      '--sessions-dir',
      sessionsDir,
    ]);
    expect([small.code, small.stdout], small.stderr).toEqual([0, 'small\n']);
    expect((await readSession(sessionsDir, 'small')).steps).toHaveLength(1);
  } finally {
    await unmount();
  }
}, 60_000);
