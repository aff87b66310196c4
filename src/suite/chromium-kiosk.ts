// Opens a harness-served page in Chromium's kiosk mode, so page pixels are screen pixels (0,0 at the top-left). Node only.
import { join } from 'node:path';
import { sleep } from '../abortable.js';
import type { TaskContext } from './task-context.js';

const READY_TIMEOUT_MS = 60_000;

/**
 * Chromium switches for a quiet kiosk window at the top-left at scale 1, so page pixels are screen pixels: no
 * first-run UI, no background traffic or prompts. The end-to-end tests' Chromium uses them too.
 */
export const KIOSK_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,MediaRouter',
  '--password-store=basic',
  '--kiosk',
  '--window-position=0,0',
  '--force-device-scale-factor=1',
];

/** The suite's pages also scroll without animation: a scroll is on screen at once, not over the next frames. */
const CHROMIUM_ARGS = [...KIOSK_CHROMIUM_ARGS, '--disable-smooth-scrolling'];

/**
 * Publishes `html` on the page server, opens it in Chromium with a profile inside the task's HOME, and resolves
 * once the page reports that it has painted and has keyboard focus (input sent earlier is dropped).
 */
export async function openKioskPage(context: TaskContext, html: string): Promise<void> {
  const url = context.pages.publish(html);
  const chromium = context.env.DESKHAND_SUITE_CHROMIUM ?? 'chromium';
  context.launch(chromium, [...CHROMIUM_ARGS, `--user-data-dir=${join(context.home, '.chromium')}`, url]);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const state = context.pages.latestState();
    if (state?.ready && state.focused) return;
    await sleep(100);
  }
  throw new Error(`The page did not load and take focus in Chromium within ${READY_TIMEOUT_MS / 1000} s.`);
}
