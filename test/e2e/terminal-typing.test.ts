// Typing into a terminal, where Ctrl+V is a control character: the operator falls back to key-by-key typing. Node only.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNutOperator } from '../../src/desktop/nut-operator.js';
import type { Frame, Operator } from '../../src/desktop/types.js';
import { emptyAction } from '../../src/glm/actions.js';
import { startXDesktop, type XDesktop } from '../support/x-desktop.js';

let desktop: XDesktop;
let operator: Operator;
let frame: Frame;
let folder: string;
let terminal: ChildProcess | undefined;

beforeAll(async () => {
  desktop = await startXDesktop({ width: 1280, height: 720 });
  process.env.DISPLAY = desktop.display;
  operator = await createNutOperator({ capture: 'nut' });
  frame = await operator.capture('screen');
  folder = await mkdtemp(join(tmpdir(), 'deskhand-terminal-'));
});

afterAll(async () => {
  terminal?.kill();
  await operator?.release();
  await desktop?.stop();
  await rm(folder, { recursive: true, force: true });
});

/** Starts a full-screen xterm whose shell writes the first line it reads to `line.txt`, then announces it is ready. */
async function startTerminal(): Promise<string> {
  const output = join(folder, 'line.txt');
  const ready = join(folder, 'ready');
  const script = `touch "${ready}"; IFS= read -r line; printf '%s' "$line" > "${output}"`;
  terminal = spawn('xterm', ['-geometry', '120x40+0+0', '-e', 'sh', '-c', script], { env: desktop.env });
  await expect
    .poll(
      () =>
        readFile(ready).then(
          () => true,
          () => false,
        ),
      { timeout: 15_000 },
    )
    .toBe(true);
  return output;
}

it('types Unicode and shell symbols into a terminal exactly, although the terminal ignores a paste', async () => {
  const output = await startTerminal();
  const text = `grüße $HOME 'quoted' "double" ✓ 100%`;
  const click = { ...emptyAction('left_click'), point: [500, 300] as [number, number] };
  await operator.execute(click, frame, new AbortController().signal);
  await operator.execute({ ...emptyAction('type'), text: `${text}\n` }, frame, new AbortController().signal);
  await expect.poll(() => readFile(output, 'utf8').catch(() => null), { timeout: 15_000 }).toBe(text);
});
