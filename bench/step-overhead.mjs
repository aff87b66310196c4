// Step-overhead benchmark: the real loop, operator and recorder with an instant replay model, so what is left
// is Deskhand's own work per step: capture, encode, parse, act, record. Node only; run through bench/run.mjs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarize } from './desktop.mjs';
import { hoverAnswers, runReplay } from './replay-run.mjs';

const STEPS = 10;
const ROUNDS = 2;
const WARMUP_STEPS = 2;
const PHASES = ['captureMs', 'encodeMs', 'parseMs', 'actMs', 'recordMs'];

/**
 * One replay run of STEPS steps; the per-phase medians of its acted steps after the warm-up. `imageFormat` is what
 * the model is sent.
 */
async function overheadOfOneRun(imageFormat) {
  const work = await mkdtemp(join(tmpdir(), 'deskhand-bench-steps-'));
  try {
    const timings = [];
    const { result } = await runReplay({
      work,
      task: 'inspect the table',
      answers: hoverAnswers(STEPS, {
        reasoning: () => 'The dashboard is open; I will move the pointer to the next cell to inspect it.',
        memory: () => '[]',
      }),
      maxSteps: STEPS + 1,
      imageFormat,
      onEvent: (event) => event.type === 'step-recorded' && timings.push(event.timings),
    });
    if (result.outcome.kind !== 'done')
      throw new Error(`bench run ended ${result.outcome.kind}: ${result.outcome.message}`);
    return timings.slice(WARMUP_STEPS, STEPS);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function summarizeSteps(acted) {
  const phases = Object.fromEntries(PHASES.map((phase) => [phase, summarize(acted.map((step) => step[phase]))]));
  const total = summarize(acted.map((step) => PHASES.reduce((sum, phase) => sum + step[phase], 0)));
  return { total_ms: total, ...phases, settle_ms: summarize(acted.map((step) => step.settleMs)) };
}

/**
 * The default (lossless PNG) against the old path (JPEG q80 4:2:0), alternating runs in one process so both see the
 * same machine load. The old settings are put back into the JPEG encoder for its runs only.
 */
export async function measureStepOverhead() {
  const { MODEL_JPEG } = await import('../dist/src/desktop/encode.js');
  const current = { ...MODEL_JPEG };
  const png = [];
  const oldJpeg = [];
  for (let round = 0; round < ROUNDS; round++) {
    png.push(...(await overheadOfOneRun('png')));
    Object.assign(MODEL_JPEG, { quality: 80, chromaSubsampling: '4:2:0' });
    oldJpeg.push(...(await overheadOfOneRun('jpeg')));
    Object.assign(MODEL_JPEG, current);
  }
  const step_overhead = summarizeSteps(png);
  const step_overhead_old_jpeg_q80 = summarizeSteps(oldJpeg);
  const ratio = Math.round((step_overhead.total_ms.median / step_overhead_old_jpeg_q80.total_ms.median) * 100) / 100;
  return { step_overhead, step_overhead_old_jpeg_q80, png_vs_old_jpeg_total: ratio };
}

if (process.argv.includes('--measure') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await measureStepOverhead())}\n`);
  process.exit(0);
}
