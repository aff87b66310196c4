// Typing into a terminal, where Ctrl+V is a control character: the operator falls back to key-by-key typing. Node only.
import { readdirSync, readFileSync } from 'node:fs';
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

/** Starts a full-screen xterm with an interactive bash (readline, where Ctrl+V is quoted-insert); returns its folder. */
async function startTerminal(): Promise<void> {
  const ready = join(folder, 'ready');
  const shell = ['bash', '--norc', '--noprofile', '-i'];
  terminal = spawn('xterm', ['-geometry', '120x40+0+0', '-e', ...shell], {
    env: { ...desktop.env, PROMPT_COMMAND: `touch "${ready}"`, PS1: '$ ' },
    cwd: folder,
  });
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
}

it('types Unicode and shell symbols into a terminal exactly, without a paste chord reaching the shell', async () => {
  await startTerminal();
  const output = join(folder, 'line.txt');
  const text = `grüße $HOME 'quoted' "double" ✓ 100%`;
  const command = `printf '%s' ${JSON.stringify(text).replace(/\$/g, '\\$')} > line.txt`;
  const click = { ...emptyAction('left_click'), point: [500, 300] as [number, number] };
  await operator.execute(click, frame, new AbortController().signal);
  await operator.execute({ ...emptyAction('type'), text: `${command}\n` }, frame, new AbortController().signal);
  await expect.poll(() => readFile(output, 'utf8').catch(() => null), { timeout: 15_000 }).toBe(text);
});

/** Every command line of every process, read over and over while `during` runs: what another local user can see. */
async function commandLinesSeen(during: () => Promise<void>): Promise<Set<string>> {
  const seen = new Set<string>();
  const poll = () => {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      try {
        seen.add(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '));
      } catch {
        // The process ended between the listing and the read.
      }
    }
  };
  const timer = setInterval(poll, 2);
  try {
    await during();
  } finally {
    clearInterval(timer);
  }
  return seen;
}

it('types key by key without the text ever showing on a command line in /proc', async () => {
  if (!terminal) await startTerminal();
  const secret = 'Zq7Kw2vPx9jRt4';
  const output = join(folder, 'secret.txt');
  const click = { ...emptyAction('left_click'), point: [500, 300] as [number, number] };
  await operator.execute(click, frame, new AbortController().signal);
  const seen = await commandLinesSeen(() =>
    operator.execute(
      { ...emptyAction('type'), text: `printf '%s' '${secret}' > secret.txt\n` },
      frame,
      new AbortController().signal,
    ),
  );
  await expect.poll(() => readFile(output, 'utf8').catch(() => null), { timeout: 15_000 }).toBe(secret);
  const typing = [...seen].filter((line) => line.startsWith('xdotool type'));
  expect(typing.length).toBeGreaterThan(0);
  const pieces = Array.from({ length: secret.length - 3 }, (_, start) => secret.slice(start, start + 4));
  expect([...seen].filter((line) => pieces.some((piece) => line.includes(piece)))).toEqual([]);
});
