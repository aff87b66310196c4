// Step-overhead benchmark: the real loop, operator and recorder with an instant replay model, so what is left
// is Deskhand's own work per step: capture, encode, parse, act, record. Node only; run through bench/run.mjs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarize } from './desktop.mjs';
import { hoverAnswers, runReplay } from './replay-run.mjs';

const STEPS = 14;
const WARMUP_STEPS = 2;
const PHASES = ['captureMs', 'encodeMs', 'parseMs', 'actMs', 'recordMs'];

export async function measureStepOverhead() {
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
      onEvent: (event) => event.type === 'step-recorded' && timings.push(event.timings),
    });
    if (result.outcome.kind !== 'done')
      throw new Error(`bench run ended ${result.outcome.kind}: ${result.outcome.message}`);
    const acted = timings.slice(WARMUP_STEPS, STEPS);
    const phases = Object.fromEntries(PHASES.map((phase) => [phase, summarize(acted.map((step) => step[phase]))]));
    const total = summarize(acted.map((step) => PHASES.reduce((sum, phase) => sum + step[phase], 0)));
    return { step_overhead: { total_ms: total, ...phases, settle_ms: summarize(acted.map((step) => step.settleMs)) } };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv.includes('--measure') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await measureStepOverhead())}\n`);
  process.exit(0);
}
