// Outside checks shared by tasks: file contents, folders, window titles, settings files, the clipboard. Node only.
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { sleep } from '../abortable.js';
import type { CheckResult } from './task.js';
import type { TaskContext } from './task-context.js';

const execFileAsync = promisify(execFile);
const SHOWN_CHARACTERS = 120;
/** Apps write files and settings a moment after the keystroke that asks them to, so file checks poll this long. */
const FILE_WAIT_MS = 2000;

/** Runs `check` until it passes or `timeoutMs` has passed, and returns its last result. */
export async function eventually(check: () => Promise<CheckResult>, timeoutMs = FILE_WAIT_MS): Promise<CheckResult> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result.success || Date.now() >= deadline) return result;
    await sleep(100);
  }
}

/** A value as a short, quoted string for a check's detail. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > SHOWN_CHARACTERS ? `${text.slice(0, SHOWN_CHARACTERS)}…` : text;
}

/** Passes when every check passes; the detail joins theirs. */
export function allOf(...results: CheckResult[]): CheckResult {
  return { success: results.every((result) => result.success), detail: results.map((r) => r.detail).join('; ') };
}

/** The file's text, or null when it does not exist. */
export async function readText(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
}

/** Passes when the file holds exactly `expected` (a single trailing newline, which editors add, is ignored). */
export function fileHolds(path: string, label: string, expected: string): Promise<CheckResult> {
  return eventually(() => compareFile(path, label, expected));
}

async function compareFile(path: string, label: string, expected: string): Promise<CheckResult> {
  const text = await readText(path);
  if (text === null) return { success: false, detail: `${label} does not exist` };
  const success = text === expected || text === `${expected}\n`;
  return { success, detail: `${label} holds ${shown(text)}${success ? '' : `, expected ${shown(expected)}`}` };
}

/** Passes when `path` exists (or not) as a file or folder of the given kind. */
export function pathIs(path: string, label: string, wanted: 'file' | 'folder' | 'absent'): Promise<CheckResult> {
  return eventually(() => comparePath(path, label, wanted));
}

async function comparePath(path: string, label: string, wanted: 'file' | 'folder' | 'absent'): Promise<CheckResult> {
  const found = await stat(path).catch(() => null);
  const actual = found === null ? 'absent' : found.isDirectory() ? 'folder' : 'file';
  return { success: actual === wanted, detail: `${label} is ${actual === 'absent' ? 'absent' : `a ${actual}`}` };
}

/** Passes when a visible window of `className` has the title `expected`. */
export function windowTitleIs(context: TaskContext, className: string, expected: string): Promise<CheckResult> {
  return eventually(async () => {
    const ids = await context.windows.find(className);
    const titles = await Promise.all(ids.map((id) => context.windows.title(id)));
    const success = titles.includes(expected);
    const wanted = success ? '' : `, expected ${shown(expected)}`;
    return { success, detail: `${className} window titles: ${shown(titles)}${wanted}` };
  });
}

/** One `key=value` line of an INI-like file (GSettings keyfile, galculator.conf) under `[group]`, or null. */
export function iniValue(text: string, group: string | null, key: string): string | null {
  let current: string | null = null;
  for (const line of text.split('\n')) {
    const header = /^\[(.*)\]\s*$/.exec(line);
    if (header) current = header[1]!;
    else if (current === group || group === null) {
      const match = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
      if (match && match[1] === key) return match[2]!.trim();
    }
  }
  return null;
}

/** Passes when the settings file has `key` = `expected` (in `[group]` when given). */
export function settingIs(path: string, group: string | null, key: string, expected: string): Promise<CheckResult> {
  return eventually(async () => {
    const text = await readText(path);
    const value = text === null ? null : iniValue(text, group, key);
    return { success: value === expected, detail: `setting ${key} is ${value === null ? 'not set' : shown(value)}` };
  });
}

/** The text on the CLIPBOARD selection of the context's display, or null when nobody owns it. */
export async function clipboardText(context: TaskContext): Promise<string | null> {
  return execFileAsync('xclip', ['-selection', 'clipboard', '-o'], { env: context.env, timeout: 3000 }).then(
    ({ stdout }) => stdout,
    () => null,
  );
}

/** Judges the state the current page last posted; polls, since pages post a moment after they change. */
export function pageCheck(
  context: TaskContext,
  judge: (state: Record<string, unknown>) => CheckResult,
): Promise<CheckResult> {
  return eventually(async () => {
    const state = context.pages.latestState();
    return state === null ? { success: false, detail: 'the page never reported its state' } : judge(state);
  });
}

/** Passes when `actual` deep-equals `expected` (compared as JSON). */
export function valueIs(label: string, actual: unknown, expected: unknown): CheckResult {
  const success = JSON.stringify(actual) === JSON.stringify(expected);
  return { success, detail: `${label} is ${shown(actual)}${success ? '' : `, expected ${shown(expected)}`}` };
}
