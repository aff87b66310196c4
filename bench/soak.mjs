// Soak: a 2,000-step replay run with the real loop, nut-js operator and recorder on the Xvfb desktop named by DISPLAY.
// Reports resident memory and open file descriptors over the run, and checks that the session reads back whole.
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STEPS = Number(process.env.DESKHAND_SOAK_STEPS ?? 2000);
/** Memory and descriptors are compared from this step on, once caches and pools have warmed up. */
const BASELINE_STEP = 100;
const SAMPLE_EVERY = 100;

/** Hovers back and forth between two points (so the stuck check stays quiet), then DONE. */
function replayLines() {
  const lines = [];
  for (let step = 0; step < STEPS; step++) {
    const point = step % 2 ? '[700,400]' : '[300,200]';
    lines.push({
      reasoning: `Step ${step + 1}: checking the next part of the screen.`,
      answer: `<answer>Look at the next cell.\n<|begin_of_box|>hover(start_box='${point}', element_info='cell')<|end_of_box|>\nMemory:\n["step ${step + 1}"]</answer>`,
    });
  }
  lines.push({ answer: '<answer>Checked everything.\n<|begin_of_box|>DONE()<|end_of_box|></answer>' });
  return lines.map((line) => JSON.stringify(line)).join('\n');
}

const openDescriptors = () => readdirSync('/proc/self/fd').length;
const megabytes = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function sample(step) {
  globalThis.gc?.();
  return { step, rssMb: megabytes(process.memoryUsage().rss), fds: openDescriptors() };
}

export async function measureSoak() {
  const { runAgent } = await import('../dist/src/agent/run-loop.js');
  const { createReplayBackend } = await import('../dist/src/backends/replay.js');
  const { createNutOperator } = await import('../dist/src/desktop/nut-operator.js');
  const { SessionRecorder } = await import('../dist/src/sessions/recorder.js');
  const { newSessionInfo } = await import('../dist/src/sessions/new-session.js');
  const { readSession } = await import('../dist/src/sessions/reader.js');
  const work = await mkdtemp(join(tmpdir(), 'deskhand-bench-soak-'));
  try {
    const replayFile = join(work, 'answers.jsonl');
    await writeFile(replayFile, replayLines());
    const backend = await createReplayBackend(replayFile);
    const operator = await createNutOperator({ capture: 'nut' });
    const [display] = await operator.displays();
    const sessionsDir = join(work, 'sessions');
    const recorder = await SessionRecorder.create(
      sessionsDir,
      newSessionInfo({ task: 'soak', backend, baseUrl: null, display, maxSteps: STEPS + 1 }),
    );
    const samples = [];
    const started = performance.now();
    const result = await runAgent({
      task: 'soak',
      backend,
      operator,
      display,
      recorder,
      maxSteps: STEPS + 1,
      signal: new AbortController().signal,
      historyImages: 4,
      settleCapMs: 0,
      onEvent: (event) => {
        if (event.type === 'step-recorded' && event.step % SAMPLE_EVERY === 0) samples.push(sample(event.step));
      },
    });
    const seconds = (performance.now() - started) / 1000;
    samples.push(sample(result.steps));
    const session = await readSession(sessionsDir, recorder.id);
    const baseline = samples.find((entry) => entry.step === BASELINE_STEP) ?? samples[0];
    const last = samples.at(-1);
    return {
      steps: result.steps,
      outcome: result.outcome.kind,
      seconds: Math.round(seconds),
      msPerStep: Math.round((seconds * 1000) / result.steps),
      rssGrowthMb: Math.round((last.rssMb - baseline.rssMb) * 10) / 10,
      peakRssMb: Math.max(...samples.map((entry) => entry.rssMb)),
      fdGrowth: last.fds - baseline.fds,
      session: {
        steps: session.steps.length,
        outcome: session.info.outcome?.kind ?? null,
        warnings: session.warnings,
        numbered: session.steps.every((step, index) => step.step === index + 1),
      },
      samples,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv.includes('--measure')) {
  process.stdout.write(JSON.stringify(await measureSoak()));
  process.exit(0);
}
