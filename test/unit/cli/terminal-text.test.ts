// What reaches a terminal from a model, a page or a file cannot drive it: controls are shown, not obeyed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLine, terminalSafe } from '../../../src/cli/terminal-text.js';
import { textPrinter } from '../../../src/cli/progress-printer.js';
import { DESKHAND_BIN } from '../../support/cli.js';
import { SessionRecorder } from '../../../src/sessions/recorder.js';
import { SESSION_FORMAT_VERSION } from '../../../src/sessions/schema.js';

const OSC52 = '\u001b]52;c;cm0gLXJmIH4=\u0007';
const CLEAR = '\u001b[2J';
const CSI_C1 = '\u009b31m';
/** True when `text` holds any control character a terminal acts on. */
// eslint-disable-next-line no-control-regex -- the test looks for exactly these characters.
const hasControls = (text: string) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text);

describe('terminalSafe and jsonLine', () => {
  it('show C0, DEL and C1 controls as \\xNN and keep newlines, tabs and Unicode', () => {
    expect(terminalSafe(`a${OSC52}b\n\tç${CSI_C1}\u007f`)).toBe('a\\x1b]52;c;cm0gLXJmIH4=\\x07b\n\tç\\x9b31m\\x7f');
  });

  it('escapes DEL and C1 in JSON too, and the JSON reads back the same', () => {
    const line = jsonLine({ text: `x${CSI_C1}\u007f${OSC52}` });
    expect(hasControls(line.trimEnd())).toBe(false);
    expect(JSON.parse(line)).toEqual({ text: `x${CSI_C1}\u007f${OSC52}` });
  });
});

describe('deskhand run shows a hostile model and task without their controls', () => {
  it('prints the task, thinking, answer and action escaped', () => {
    let printed = '';
    const out = { write: (text: string) => ((printed += text), true) } as unknown as NodeJS.WritableStream;
    const print = textPrinter(out, false);
    print({
      type: 'run-start',
      task: `open ${CLEAR}it`,
      backend: 'openai',
      model: 'm',
      displayId: 's',
      sessionDir: '/tmp/s',
    } as never);
    print({ type: 'reasoning-delta', step: 1, text: `think ${OSC52}` });
    print({ type: 'text-delta', step: 1, text: `answer ${CSI_C1}` });
    expect(hasControls(printed)).toBe(false);
    expect(printed).toContain('open \\x1b[2Jit');
  });
});

describe('deskhand sessions list/show print an imported task escaped', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'deskhand-escape-'));
    await SessionRecorder.create(dir, {
      formatVersion: SESSION_FORMAT_VERSION,
      id: '20260101-000000-abcd',
      task: `rename files${OSC52}${CLEAR}`,
      backend: { kind: 'replay', model: 'r', baseUrl: null },
      display: { id: 's', bounds: { x: 0, y: 0, width: 10, height: 10 }, scaleFactor: 1 },
      maxSteps: 1,
      startedAt: new Date().toISOString(),
      endedAt: null,
      outcome: null,
      steps: 0,
      deskhandVersion: '0.1.0',
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([[['list']], [['show', '20260101']], [['show', '20260101', '--json']]])('sessions %j', async (verb) => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      DESKHAND_BIN,
      'sessions',
      ...verb,
      '--sessions-dir',
      dir,
    ]);
    expect(stdout).toMatch(/rename files(\\x1b|\\u001b)]52/);
    expect(hasControls(stdout.trimEnd())).toBe(false);
  });
});
