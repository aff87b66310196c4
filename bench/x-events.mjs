// Watches every input event the X server delivers (XI2 on the root window, via `xinput test-xi2 --root`) and
// queries which keys and buttons are held. Node only; benchmarks and tests on Xvfb.
import { spawn, execFile } from 'node:child_process';
import { clearTimeout } from 'node:timers';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Event names that are input (not device-change bookkeeping). */
const INPUT_EVENT = /^EVENT type \d+ \((Raw\w+|Motion|KeyPress|KeyRelease|ButtonPress|ButtonRelease)\)/;

/**
 * Starts the listener. `events` holds {name, at} with `at` = performance.now() when the line arrived: xinput prints
 * no timestamps, and stdbuf makes it write each line at once, so arrival is the event time plus a pipe hop (the
 * latencies measured with it are upper bounds).
 */
export async function watchInputEvents(env) {
  const child = spawn('stdbuf', ['-oL', 'xinput', 'test-xi2', '--root'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  const events = [];
  let pending = '';
  const waiters = new Set();
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    const at = performance.now();
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) {
      const match = INPUT_EVENT.exec(line);
      if (!match) continue;
      events.push({ name: match[1], at });
      for (const waiter of waiters) waiter();
    }
  });
  // xinput prints nothing until an event comes; give it a moment to select its events on the root window.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    events,
    /** Resolves at the first event named `name` (any input event when null) that arrives after `since`. */
    waitFor(name, since, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const event = events.find((candidate) => candidate.at > since && (name === null || candidate.name === name));
          if (!event) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(event);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${name ?? 'input'} event within ${timeoutMs} ms`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    /** Resolves once `count` events named `name` have arrived after `since`. */
    async waitForCount(name, since, count, timeoutMs = 30_000) {
      const deadline = performance.now() + timeoutMs;
      while (events.filter((event) => event.at > since && event.name === name).length < count) {
        if (performance.now() > deadline) throw new Error(`fewer than ${count} ${name} events in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    },
    /** The arrival time of the last input event after `since`, or null. */
    lastAfter(since) {
      const after = events.filter((event) => event.at > since);
      return after.length ? after.at(-1).at : null;
    },
    stop() {
      child.kill();
    },
  };
}

/** Keys and buttons the XTEST devices (what nut-js and xdotool drive) hold down right now, e.g. ['button[1]']. */
export async function heldInputs(env) {
  const held = [];
  for (const device of ['Virtual core XTEST pointer', 'Virtual core XTEST keyboard']) {
    const { stdout } = await execFileAsync('xinput', ['query-state', device], { env });
    for (const match of stdout.matchAll(/\b((?:key|button)\[\d+\])=down/g)) held.push(match[1]);
  }
  return held;
}
