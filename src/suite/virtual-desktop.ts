// A private X desktop for one task: Xvfb at the suite's screen size plus openbox, or the user's own display. Node only.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { sleep } from '../abortable.js';

const execFileAsync = promisify(execFile);
const START_TIMEOUT_MS = 20_000;

/** A desktop the task's apps and the agent share. */
export interface TaskDesktop {
  /** The X display, e.g. ":7". */
  display: string;
  /** Stops what was started for this desktop (nothing for the user's own display). */
  stop(): Promise<void>;
}

/** The user's display, used as it is: nothing is started and nothing is stopped. */
export function ownDesktop(display: string): TaskDesktop {
  return { display, stop: async () => undefined };
}

/**
 * process.env aimed at the X display `display`, an X11 session of its own: a Wayland session's variable would draw
 * GTK apps there instead, and Deskhand would refuse to drive it.
 */
export function xDisplayEnv(display: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: display, XDG_SESSION_TYPE: 'x11' };
  delete env.WAYLAND_DISPLAY;
  return env;
}

/**
 * Starts Xvfb (24-bit, no TCP) and openbox; without a window manager, clicks do not move keyboard focus.
 * Xvfb picks a free display number itself (-displayfd), so parallel suites never race for one.
 */
export async function startVirtualDesktop(size: { width: number; height: number }): Promise<TaskDesktop> {
  const xvfb = await startXvfb(size.width, size.height);
  const env = xDisplayEnv(xvfb.display);
  const openbox = spawn('openbox', [], { env, stdio: 'ignore' });
  openbox.on('error', () => undefined);
  try {
    await waitForWindowManager(env, openbox);
  } catch (error) {
    await Promise.all([stopProcess(openbox), stopProcess(xvfb.process)]);
    throw error;
  }
  return {
    display: xvfb.display,
    async stop() {
      await stopProcess(openbox);
      await stopProcess(xvfb.process);
    },
  };
}

async function startXvfb(width: number, height: number): Promise<{ process: ChildProcess; display: string }> {
  const args = ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-noreset'];
  const xvfb = spawn('Xvfb', args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  xvfb.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const displayFd = xvfb.stdio[3] as NodeJS.ReadableStream;
  let written = '';
  const number = await new Promise<string>((resolve, reject) => {
    const fail = (error: Error) => (clearTimeout(timer), reject(error));
    const timer = setTimeout(() => fail(new Error(`Xvfb did not start in time: ${stderr}`)), START_TIMEOUT_MS);
    displayFd.setEncoding('utf8');
    displayFd.on('data', (chunk: string) => {
      written += chunk;
      if (!written.includes('\n')) return;
      clearTimeout(timer);
      resolve(written.trim());
    });
    xvfb.once('error', (error) => fail(new Error(`Xvfb could not start (${error.message}); install xvfb.`)));
    xvfb.once('exit', (code) => fail(new Error(`Xvfb exited with ${code}: ${stderr}`)));
  });
  return { process: xvfb, display: `:${number}` };
}

/** openbox sets _NET_SUPPORTING_WM_CHECK on the root window once it manages the screen. */
async function waitForWindowManager(env: NodeJS.ProcessEnv, openbox: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (openbox.exitCode !== null) throw new Error(`openbox exited with ${openbox.exitCode}; is openbox installed?`);
    const { stdout } = await execFileAsync('xprop', ['-root', '_NET_SUPPORTING_WM_CHECK'], { env }).catch(() => ({
      stdout: '',
    }));
    if (stdout.includes('window id')) return;
    await sleep(50);
  }
  throw new Error('openbox did not take over the screen in time');
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
