// Soak: a 2,000-step replay run with the real loop, nut-js operator and recorder on the Xvfb desktop named by DISPLAY.
// Reports resident memory and open file descriptors over the run, and checks that the session reads back whole.
import { readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hoverAnswers, runReplay } from './replay-run.mjs';

const STEPS = Number(process.env.DESKHAND_SOAK_STEPS ?? 2000);
/** Memory and descriptors are compared from this step on, once caches and pools have warmed up. */
const BASELINE_STEP = 100;
const SAMPLE_EVERY = 100;

const openDescriptors = () => readdirSync('/proc/self/fd').length;
const megabytes = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function sample(step) {
  globalThis.gc?.();
  return { step, rssMb: megabytes(process.memoryUsage().rss), fds: openDescriptors() };
}

export async function measureSoak() {
  const { readSession } = await import('../dist/src/sessions/reader.js');
  const work = await mkdtemp(join(tmpdir(), 'deskhand-bench-soak-'));
  try {
    const samples = [];
    const started = performance.now();
    const { result, sessionsDir, sessionId } = await runReplay({
      work,
      task: 'soak',
      answers: hoverAnswers(STEPS, {
        reasoning: (step) => `Step ${step}: checking the next part of the screen.`,
        memory: (step) => `["step ${step}"]`,
      }),
      maxSteps: STEPS + 1,
      historyImages: 4,
      settleCapMs: 0,
      onEvent: (event) => {
        if (event.type === 'step-recorded' && event.step % SAMPLE_EVERY === 0) samples.push(sample(event.step));
      },
    });
    const seconds = (performance.now() - started) / 1000;
    samples.push(sample(result.steps));
    const session = await readSession(sessionsDir, sessionId);
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
