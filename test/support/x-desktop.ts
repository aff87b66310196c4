// Starts a private X desktop for tests: Xvfb on a free display number plus the openbox window manager. Node only.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const START_TIMEOUT_MS = 20_000;

/** A running X desktop. Pass `env` to child processes; set process.env.DISPLAY = display before nut-js loads. */
export interface XDesktop {
  /** The X display, e.g. ":3". */
  display: string;
  /** process.env with DISPLAY set to this desktop. */
  env: NodeJS.ProcessEnv;
  /** Stops openbox and Xvfb and waits for both to exit. */
  stop(): Promise<void>;
}

export interface XDesktopOptions {
  /** Screen size in pixels (default 1920×1080). */
  width?: number;
  height?: number;
}

/**
 * Xvfb chooses the display number itself (-displayfd: the first number without a socket or lock file) and writes it
 * once it accepts connections, so parallel test runs never race for a number and no polling is needed.
 */
async function startXvfb(width: number, height: number): Promise<{ process: ChildProcess; display: string }> {
  const args = ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-noreset'];
  const xvfb = spawn('Xvfb', args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let stderr = '';
  xvfb.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const displayFd = xvfb.stdio[3] as NodeJS.ReadableStream;
  let written = '';
  const number = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start in time: ${stderr}`)), START_TIMEOUT_MS);
    displayFd.setEncoding('utf8');
    displayFd.on('data', (chunk: string) => {
      written += chunk;
      if (!written.includes('\n')) return;
      clearTimeout(timer);
      resolve(written.trim());
    });
    xvfb.once('error', (error) => (clearTimeout(timer), reject(error)));
    xvfb.once('exit', (code) => (clearTimeout(timer), reject(new Error(`Xvfb exited with ${code}: ${stderr}`))));
  });
  return { process: xvfb, display: `:${number}` };
}

/** openbox sets _NET_SUPPORTING_WM_CHECK on the root window once it manages the screen. */
async function waitForWindowManager(env: NodeJS.ProcessEnv, openbox: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (openbox.exitCode !== null) throw new Error(`openbox exited with ${openbox.exitCode}`);
    const { stdout } = await execFileAsync('xprop', ['-root', '_NET_SUPPORTING_WM_CHECK'], { env }).catch(() => ({
      stdout: '',
    }));
    if (stdout.includes('window id')) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('openbox did not take over the screen in time');
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Starts Xvfb (24-bit, no TCP) and openbox, which is needed for clicks to move keyboard focus. Sets nothing global. */
export async function startXDesktop(options: XDesktopOptions = {}): Promise<XDesktop> {
  const xvfb = await startXvfb(options.width ?? 1920, options.height ?? 1080);
  const env: NodeJS.ProcessEnv = { ...process.env, DISPLAY: xvfb.display };
  delete env.WAYLAND_DISPLAY;
  const openbox = spawn('openbox', [], { env, stdio: 'ignore' });
  try {
    await waitForWindowManager(env, openbox);
  } catch (error) {
    await Promise.all([stopProcess(openbox), stopProcess(xvfb.process)]);
    throw error;
  }
  return {
    display: xvfb.display,
    env,
    async stop() {
      await stopProcess(openbox);
      await stopProcess(xvfb.process);
    },
  };
}
