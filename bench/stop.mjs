// Stop benchmark: the real loop and nut-js operator on a private Xvfb desktop; a stop is requested during generation,
// a long key-by-key type into a terminal, a paste into Chromium and a drag, and an XI2 listener on the root window
// times the last input event after the stop. Also checks that nothing is left held. Node only; via bench/run.mjs.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearTimeout } from 'node:timers';
import { promisify } from 'node:util';
import { launchKioskChromium, summarize } from './desktop.mjs';
import { heldInputs, watchInputEvents } from './x-events.mjs';

const execFileAsync = promisify(execFile);
const LONG_TEXT = 'deskhand stops typing at once '.repeat(67).slice(0, 2000);
const QUIET_AFTER_STOP_MS = 250;
const RUNS = { generation: 10, terminalType: 5, chromiumPaste: 10, drag: 10 };

const answer = (call, reasoning = 'I can see the window; next step.') => ({
  reasoning,
  answer: `<answer>Next step.\n<|begin_of_box|>${call}<|end_of_box|>\nMemory:\n[]</answer>`,
});

/** A backend that streams one scripted answer in 8-character deltas, `delayMs` apart, honouring the signal. */
function scriptedBackend(scripted, delayMs) {
  return {
    kind: 'bench',
    model: 'scripted',
    async *stream(_request, signal) {
      for (const [type, text] of [
        ['reasoning-delta', scripted.reasoning],
        ['text-delta', scripted.answer],
      ]) {
        for (let index = 0; index < text.length; index += 8) {
          if (delayMs > 0) await abortableSleep(delayMs, signal);
          signal.throwIfAborted();
          yield { type, text: text.slice(index, index + 8) };
        }
      }
      yield { type: 'finish', usage: { promptTokens: 1, completionTokens: 1 }, finishReason: 'stop' };
    },
  };
}

function abortableSleep(ms, signal) {
  return new Promise((resolve, reject) => {
    const onAbort = () => (clearTimeout(timer), reject(signal.reason));
    const timer = setTimeout(() => (signal.removeEventListener('abort', onAbort), resolve()), ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** One run of the real loop that is stopped when `stopWhen` resolves; returns the latencies and what is held. */
async function stoppedRun(parts, scripted, stopWhen, { delayMs = 0 } = {}) {
  const { runAgent, SessionRecorder, operator, display, listener, env, work } = parts;
  const recorder = await SessionRecorder.create(join(work, 'sessions'), {
    formatVersion: 1,
    id: `stop-${performance.now().toFixed(0)}`,
    task: 'stop benchmark',
    backend: { kind: 'bench', model: 'scripted', baseUrl: null },
    display: { id: display.id, bounds: display.bounds, scaleFactor: display.scaleFactor },
    maxSteps: 1,
    startedAt: new Date().toISOString(),
    endedAt: null,
    outcome: null,
    steps: 0,
    deskhandVersion: 'bench',
  });
  const controller = new AbortController();
  let parsedAt = Infinity;
  let firstDeltaAt = Infinity;
  const onEvent = (event) => {
    if (event.type === 'action-parsed') parsedAt = performance.now();
    if (event.type === 'reasoning-delta') firstDeltaAt = Math.min(firstDeltaAt, performance.now());
  };
  const run = runAgent({
    task: 'stop benchmark',
    backend: scriptedBackend(scripted, delayMs),
    operator,
    display,
    recorder,
    maxSteps: 1,
    signal: controller.signal,
    onEvent,
    settleCapMs: 0,
  });
  await stopWhen({ listener, parsedAt: () => parsedAt, firstDeltaAt: () => firstDeltaAt });
  const stopAt = performance.now();
  controller.abort(Object.assign(new Error('Stopped by the benchmark'), { name: 'AbortError' }));
  const result = await run;
  const runEndMs = performance.now() - stopAt;
  await new Promise((resolve) => setTimeout(resolve, QUIET_AFTER_STOP_MS));
  const last = listener.lastAfter(stopAt);
  return {
    lastInputAfterStopMs: last === null ? 0 : last - stopAt,
    runEndMs,
    held: await heldInputs(env),
    outcome: result.outcome.kind,
  };
}

const until = async (read) => {
  while (!Number.isFinite(read())) await new Promise((resolve) => setTimeout(resolve, 1));
  return read();
};
const jitter = (maxMs) => new Promise((resolve) => setTimeout(resolve, Math.random() * maxMs));

const SCENARIOS = {
  /** Mid-stream: 10 ms between deltas, stopped 100–300 ms into the thinking. */
  generation: {
    scripted: answer("hover(start_box='[500,500]')", 'Thinking it over. '.repeat(400)),
    delayMs: 10,
    stopWhen: async ({ firstDeltaAt }) => {
      await until(firstDeltaAt);
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    },
  },
  /** 2,000 characters into xterm, which ignores the paste, so they go key by key; stopped after ~20 keys. */
  terminalType: {
    scripted: answer(`type(content='${LONG_TEXT}')`),
    stopWhen: async ({ listener, parsedAt }) => {
      const since = await until(parsedAt);
      await listener.waitForCount('RawKeyPress', since, 24);
      await jitter(30);
    },
  },
  /** The same text pasted into a Chromium textarea; stopped as the paste chord starts. */
  chromiumPaste: {
    scripted: answer(`type(content='${LONG_TEXT}')`),
    stopWhen: async ({ listener, parsedAt }) => {
      const since = await until(parsedAt);
      await listener.waitFor('RawKeyPress', since);
      await jitter(10);
    },
  },
  /** A long drag across the page; stopped 20–60 ms after the button went down. */
  drag: {
    scripted: answer("left_drag(start_box='[100,150]', end_box='[900,850]')"),
    stopWhen: async ({ listener, parsedAt }) => {
      const since = await until(parsedAt);
      await listener.waitFor('RawButtonPress', since);
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
    },
  },
};

async function measureScenario(parts, name) {
  const scenario = SCENARIOS[name];
  const samples = [];
  for (let index = 0; index < RUNS[name]; index++) {
    samples.push(await stoppedRun(parts, scenario.scripted, scenario.stopWhen, { delayMs: scenario.delayMs }));
  }
  return {
    lastInputAfterStopMs: summarize(samples.map((sample) => sample.lastInputAfterStopMs)),
    runEndAfterStopMs: summarize(samples.map((sample) => sample.runEndMs)),
    heldAfterStop: [...new Set(samples.flatMap((sample) => sample.held))],
    outcomes: [...new Set(samples.map((sample) => sample.outcome))],
  };
}

async function openTerminal(env) {
  const terminal = spawn('xterm', ['-geometry', '160x50+0+0', '-e', 'sh', '-c', 'cat > /dev/null'], { env });
  await execFileAsync(
    'xdotool',
    ['search', '--sync', '--onlyvisible', '--class', 'xterm', 'windowactivate', '--sync'],
    {
      env,
      timeout: 20_000,
    },
  );
  return terminal;
}

async function openChromiumTextarea(env, work) {
  const { context, page } = await launchKioskChromium(env, join(work, 'profile'));
  await page.setContent('<textarea style="position:fixed;inset:0;width:100%;height:100%"></textarea>');
  await page.waitForFunction('window.innerWidth === screen.width && document.hasFocus()');
  return { context, page };
}

/** Runs on the bare desktop named by DISPLAY (bench/run.mjs starts it, so that libnut never outlives it). */
export async function measureStop() {
  const desktop = { env: process.env };
  const work = await mkdtemp(join(tmpdir(), 'deskhand-bench-stop-'));
  const listener = await watchInputEvents(desktop.env);
  try {
    const { runAgent } = await import('../dist/src/agent/run-loop.js');
    const { createNutOperator } = await import('../dist/src/desktop/nut-operator.js');
    const { SessionRecorder } = await import('../dist/src/sessions/recorder.js');
    const operator = await createNutOperator({ capture: 'nut' });
    const [display] = await operator.displays();
    const parts = { runAgent, SessionRecorder, operator, display, listener, env: desktop.env, work };
    const result = { desktop: 'Xvfb 1280x800 + openbox', runs: RUNS };
    result.generation = await measureScenario(parts, 'generation');
    const terminal = await openTerminal(desktop.env);
    result.terminalType = await measureScenario(parts, 'terminalType');
    terminal.kill();
    const browser = await openChromiumTextarea(desktop.env, work);
    await browser.page.focus('textarea');
    result.chromiumPaste = await measureScenario(parts, 'chromiumPaste');
    result.drag = await measureScenario(parts, 'drag');
    await browser.context.close();
    return result;
  } finally {
    listener.stop();
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv.includes('--measure')) {
  process.stdout.write(JSON.stringify(await measureStop()));
  process.exit(0);
}
