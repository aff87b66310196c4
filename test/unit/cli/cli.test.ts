// The CLI contract as other programs see it: the built bin/deskhand, its JSON output and exit codes.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyAction, ParsedAnswer } from '../../../src/glm/actions.js';
import { SessionRecorder } from '../../../src/sessions/recorder.js';
import { SESSION_FORMAT_VERSION } from '../../../src/sessions/schema.js';
import { DESKHAND_BIN, runDeskhand } from '../../support/cli.js';
import { VERSION } from '../../../src/version.js';
import packageJson from '../../../package.json' with { type: 'json' };

function deskhand(args: string[], stdin = '') {
  return runDeskhand(args, { ...process.env, DISPLAY: '' }, stdin);
}

describe('deskhand parse', () => {
  it('prints one JSON line with thinking, explanation, memory, the action in model and pixel space', async () => {
    const raw =
      "<think>The OK button is at the bottom.</think><answer>Click OK.\n<|begin_of_box|>left_click(start_box='[500,999]', element_info='OK')<|end_of_box|>\nMemory:\n[\"a\"]</answer>";
    const { code, stdout } = await deskhand(['parse', '--width', '1920', '--height', '1080'], raw);
    expect(code).toBe(0);
    expect(stdout.endsWith('\n') && stdout.trim().split('\n')).toHaveLength(1);
    expect(ParsedAnswer.parse(JSON.parse(stdout))).toEqual({
      thinking: 'The OK button is at the bottom.',
      explanation: 'Click OK.',
      memory: '["a"]',
      action: { ...emptyAction('left_click'), box: [500, 999], point: [960, 1079], elementInfo: 'OK' },
      error: null,
    });
    expect(Object.keys(JSON.parse(stdout).action)).toEqual([
      'name',
      'box',
      'endBox',
      'point',
      'endPoint',
      'keys',
      'text',
      'direction',
      'steps',
      'elementInfo',
    ]);
  });

  it('exits 0 with action none and an error for an answer with no action', async () => {
    const { code, stdout } = await deskhand(['parse', '--width', '100', '--height', '100'], 'I do not know.');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ action: { name: 'none' }, error: expect.any(String) });
  });

  it.each([
    [['parse', '--width', '100']],
    [['parse', '--width', '0', '--height', '10']],
    [['parse', '--width', 'wide', '--height', '10']],
    [['parse', '--width', '10', '--height', '10', '--depth', '3']],
  ])('exits 2 with a clear message for bad flags: %j', async (args) => {
    const { code, stdout, stderr } = await deskhand(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^deskhand: .*\nRun `deskhand --help` for usage\.\n$/);
  });
});

describe('deskhand run usage errors (exit 2, before anything is touched)', () => {
  it.each([
    [['run'], /exactly one instruction/],
    [['run', 'x'], /--backend must be openai, local or replay/],
    [['run', 'x', '--backend', 'openai'], /needs --base-url/],
    [['run', 'x', '--backend', 'openai', '--base-url', 'localhost:8000'], /must start with http/],
    [['run', 'x', '--backend', 'replay'], /needs --replay FILE/],
    [['run', 'x', '--backend', 'replay', '--replay', '/nonexistent/answers.jsonl'], /answers\.jsonl/],
    [
      ['run', 'x', '--backend', 'openai', '--base-url', 'http://h/v1', '--api-key-env', 'DESKHAND_UNSET_VAR'],
      /DESKHAND_UNSET_VAR.*empty or not set/,
    ],
    [
      ['run', 'x', '--backend', 'openai', '--base-url', 'http://h/v1', '--max-steps', '0'],
      /--max-steps must be a positive whole number/,
    ],
    [['run', 'x', '--bogus'], /bogus/],
  ])('%j', async (args, message) => {
    const { code, stderr } = await deskhand(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('no X display is a configuration error that says what to set', async () => {
    // A replay backend needs no server, so the display is the first thing found missing.
    const dir = await mkdtemp(join(tmpdir(), 'deskhand-cli-'));
    const replay = join(dir, 'answers.jsonl');
    await writeFile(replay, `${JSON.stringify('<answer><|begin_of_box|>DONE()<|end_of_box|></answer>')}\n`);
    const { code, stderr } = await deskhand(['run', 'x', '--backend', 'replay', '--replay', replay]);
    await rm(dir, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(stderr).toMatch(/DISPLAY/);
  });
});

describe('deskhand sessions', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'deskhand-cli-'));
    const recorder = await SessionRecorder.create(dir, {
      formatVersion: SESSION_FORMAT_VERSION,
      id: '20261121-100000-abcd',
      task: 'rename the screenshots',
      backend: { kind: 'replay', model: 'replay', baseUrl: null },
      display: { id: 'screen', bounds: { x: 0, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 },
      maxSteps: 5,
      startedAt: '2026-11-21T10:00:00.000Z',
      endedAt: null,
      outcome: null,
      steps: 0,
      deskhandVersion: VERSION,
    });
    await recorder.finish({ kind: 'done', message: 'Renamed.' });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('list --json is an array of sessions with their folders', async () => {
    const { code, stdout } = await deskhand(['sessions', 'list', '--json', '--sessions-dir', dir]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({
        id: '20261121-100000-abcd',
        task: 'rename the screenshots',
        dir: join(dir, '20261121-100000-abcd'),
      }),
    ]);
  });

  it('list prints a line per session for people', async () => {
    const { stdout } = await deskhand(['sessions', 'list', '--sessions-dir', dir]);
    expect(stdout).toMatch(/^20261121-100000-abcd\s+2026-11-21 10:00:00\s+done\s+0 steps\s+rename the screenshots\n$/);
  });

  it('show --json takes a prefix and returns the session with its steps', async () => {
    const { code, stdout } = await deskhand(['sessions', 'show', '20261121-100000', '--json', '--sessions-dir', dir]);
    expect(code).toBe(0);
    const shown = JSON.parse(stdout);
    expect(shown).toMatchObject({
      id: '20261121-100000-abcd',
      task: 'rename the screenshots',
      outcome: { kind: 'done', message: 'Renamed.' },
      backend: { kind: 'replay', model: 'replay', baseUrl: null },
      dir: join(dir, '20261121-100000-abcd'),
      steps: [],
      warnings: [],
    });
    expect(shown).not.toHaveProperty('session');
  });

  it('sessions with an unknown verb or a missing id exit 2 and list the verbs', async () => {
    for (const args of [
      ['sessions', 'rename'],
      ['sessions', 'show'],
      ['sessions', 'export', '20261121-100000'],
    ]) {
      const { code, stderr } = await deskhand([...args, '--sessions-dir', dir]);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(/deskhand sessions|--html FILE/);
    }
  });

  it('export --zip then import prints the id; a bad archive or a missing output folder exits 2', async () => {
    const zip = join(dir, 'export.zip');
    const exported = await deskhand(['sessions', 'export', '20261121-100000', '--zip', zip, '--sessions-dir', dir]);
    expect(exported.code, exported.stderr).toBe(0);
    const other = join(dir, 'imported');
    const imported = await deskhand(['sessions', 'import', zip, '--sessions-dir', other]);
    expect([imported.code, imported.stdout]).toEqual([0, '20261121-100000-abcd\n']);
    const notZip = await deskhand(['sessions', 'import', join(dir, '20261121-100000-abcd', 'session.json')]);
    expect([notZip.code, notZip.stderr]).toEqual([2, expect.stringContaining('not a ZIP archive')]);
    const nowhere = join(dir, 'missing', 'report.html');
    const missing = await deskhand(['sessions', 'export', '20261121-100000', '--html', nowhere, '--sessions-dir', dir]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('does not exist')]);
  });

  it('show of an unknown id exits 2 and points to sessions list', async () => {
    const { code, stderr } = await deskhand(['sessions', 'show', 'nope', '--sessions-dir', dir]);
    expect(code).toBe(2);
    expect(stderr).toContain('deskhand sessions list');
  });
});

describe('deskhand model', () => {
  it('download refuses, with exit 2, while no GLM-4.1V export is published', async () => {
    const { code, stderr } = await deskhand(['model', 'download', '--variant', 'q4f16']);
    expect(code).toBe(2);
    expect(stderr).toContain('no published export yet');
  });

  it('check accepts each variant of the exported reference folder, and checks every variant it holds', async () => {
    const exported = join(import.meta.dirname, '../../fixtures/glm41v-export/model');
    for (const variant of ['fp32', 'fp16', 'q4f16']) {
      const check = await deskhand(['model', 'check', exported, '--variant', variant, '--json']);
      expect([check.code, JSON.parse(check.stdout).valid]).toEqual([0, true]);
    }
    const all = await deskhand(['model', 'check', exported]);
    expect([all.code, all.stdout]).toEqual([0, expect.stringMatching(/^Valid model folder \(fp32, fp16, q4f16\)/)]);
    const bad = await deskhand(['model', 'check', exported, '--variant', 'int8']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--variant must be fp32, fp16 or q4f16')]);
    const out = await mkdtemp(join(tmpdir(), 'deskhand-cli-model-'));
    try {
      // A folder with only the q4f16 graphs is checked as q4f16, not refused for lacking fp32.
      await cp(exported, out, { recursive: true });
      for (const graph of ['embed_tokens', 'vision_encoder', 'decoder_model_merged']) {
        await rm(join(out, 'onnx', `${graph}.onnx`));
        await rm(join(out, 'onnx', `${graph}_fp16.onnx`));
      }
      const q4 = await deskhand(['model', 'check', out]);
      expect([q4.code, q4.stdout]).toEqual([0, expect.stringMatching(/^Valid model folder \(q4f16\)/)]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('tiny writes a folder that check --json calls valid, with providers and a size estimate', async () => {
    const out = await mkdtemp(join(tmpdir(), 'deskhand-cli-model-'));
    try {
      const tiny = await deskhand(['model', 'tiny', '--out', out]);
      expect([tiny.code, tiny.stdout]).toEqual([0, `${out}\n`]);
      const check = await deskhand(['model', 'check', out, '--json']);
      expect(check.code).toBe(0);
      const report = JSON.parse(check.stdout);
      expect(Object.keys(report)).toEqual(['valid', 'errors', 'providers', 'estimatedBytes']);
      expect(report).toMatchObject({ valid: true, errors: [], providers: expect.arrayContaining(['cpu']) });
      expect(report.estimatedBytes).toBeGreaterThan(1_000_000);

      await rm(join(out, 'tokenizer.json'));
      const broken = await deskhand(['model', 'check', out, '--json']);
      expect(broken.code).toBe(2);
      expect(JSON.parse(broken.stdout)).toMatchObject({
        valid: false,
        errors: [`${join(out, 'tokenizer.json')}: missing`],
      });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('deskhand basics', () => {
  it('--version matches package.json', async () => {
    expect(VERSION).toBe(packageJson.version);
    expect((await deskhand(['--version'])).stdout).toBe(`${VERSION}\n`);
  });

  it('an unknown command exits 2 with the usage', async () => {
    const { code, stderr } = await deskhand(['dance']);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage:');
  });
});

describe('output through a slow pipe', () => {
  it('exits only after every byte of a large JSON output reached a reader that starts late', async () => {
    // 900,000 characters: under the parser's limit, and 14 times what a pipe holds.
    const answer = `<think>${'a long thought. '.repeat(60_000)}</think><answer>DONE()</answer>`;
    const child = spawn(process.execPath, [DESKHAND_BIN, 'parse', '--width', '100', '--height', '100'], {
      env: { ...process.env, DISPLAY: '' },
    });
    child.stdout.pause();
    child.stdin.end(answer);
    // The reader starts a second late, as `deskhand … | (sleep 1; cat)` would.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    const output = Buffer.concat(chunks).toString();
    expect(code).toBe(0);
    expect(output.length).toBeGreaterThan(900_000);
    expect(JSON.parse(output)).toMatchObject({ action: { name: 'done' } });
  });
});

describe('--sessions-dir is checked before anything reads or writes there', () => {
  it.each([
    [['sessions', 'list', '--sessions-dir', ''], /--sessions-dir is empty/],
    [['sessions', 'list', '--sessions-dir', '/'], /is the root folder/],
    [['sessions', 'list', '--sessions-dir', '/proc/deskhand'], /inside \/proc, a kernel file system/],
    [['sessions', 'import', DESKHAND_BIN, '--sessions-dir', DESKHAND_BIN], /is a file, not a folder/],
    [['run', 'x', '--backend', 'replay', '--replay', DESKHAND_BIN, '--sessions-dir', '/sys/x'], /kernel file system/],
  ])('deskhand %j: exit 2 and what to do', async (args, message) => {
    const { code, stderr } = await deskhand(args);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(code).toBe(2);
  });
});

describe('bad input the faults bench tries', () => {
  // eslint-disable-next-line no-control-regex -- the characters a terminal acts on.
  const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  it('an unknown command is quoted with its terminal controls escaped (exit 2)', async () => {
    const { code, stderr } = await deskhand(['run\u001b]0;pwned\u0007\u001b[2J']);
    expect(stderr).toContain('Unknown command "run');
    expect(stderr).not.toMatch(CONTROLS);
    expect(code).toBe(2);
  });

  it('sessions list names a sessions folder with terminal controls escaped', async () => {
    const { code, stdout } = await deskhand(['sessions', 'list', '--sessions-dir', `${tmpdir()}/none\u001b[2J`]);
    expect(stdout).toMatch(/^No sessions in /);
    expect(stdout).not.toMatch(CONTROLS);
    expect(code).toBe(0);
  });

  it('a sessions folder under a file is refused up front by every command (exit 2, no stack)', async () => {
    for (const command of [
      ['sessions', 'list'],
      ['sessions', 'show', 'x'],
    ]) {
      const { code, stdout, stderr } = await deskhand([...command, '--sessions-dir', `${DESKHAND_BIN}/below`]);
      expect(stdout).toBe('');
      expect(stderr).toContain(
        `--sessions-dir ${DESKHAND_BIN}/below lies under ${DESKHAND_BIN}, a file, not a folder: give a folder`,
      );
      expect(code).toBe(2);
    }
  });
});
