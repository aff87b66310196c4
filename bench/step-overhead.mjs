// Step-overhead benchmark: the real loop, operator and recorder with an instant replay model, so what is left
// is Deskhand's own work per step: capture, encode, parse, act, record. Node only; run through bench/run.mjs.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { summarize } from './desktop.mjs';

const STEPS = 14;
const WARMUP_STEPS = 2;
const PHASES = ['captureMs', 'encodeMs', 'parseMs', 'actMs', 'recordMs'];

/** Hovers between two points (different actions, so the stuck check stays quiet), then DONE. */
function replayAnswers() {
  const lines = [];
  for (let step = 0; step < STEPS; step++) {
    const point = step % 2 ? '[720,410]' : '[260,180]';
    lines.push({
      reasoning: 'The dashboard is open; I will move the pointer to the next cell to inspect it.',
      answer: `<answer>Hover the cell.\n<|begin_of_box|>hover(start_box='${point}', element_info='table cell')<|end_of_box|>\nMemory:\n[]</answer>`,
    });
  }
  lines.push({ answer: '<answer>Done.\n<|begin_of_box|>DONE()<|end_of_box|></answer>' });
  return lines.map((line) => JSON.stringify(line)).join('\n');
}

export async function measureStepOverhead() {
  const { runAgent } = await import('../dist/src/agent/run-loop.js');
  const { createReplayBackend } = await import('../dist/src/backends/replay.js');
  const { createNutOperator } = await import('../dist/src/desktop/nut-operator.js');
  const { SessionRecorder } = await import('../dist/src/sessions/recorder.js');
  const work = await mkdtemp(join(tmpdir(), 'deskhand-bench-steps-'));
  try {
    const replayFile = join(work, 'answers.jsonl');
    await writeFile(replayFile, replayAnswers());
    const backend = await createReplayBackend(replayFile);
    const operator = await createNutOperator({ capture: 'nut' });
    const [display] = await operator.displays();
    const recorder = await SessionRecorder.create(join(work, 'sessions'), {
      formatVersion: 1,
      id: 'bench',
      task: 'inspect the table',
      backend: { kind: backend.kind, model: backend.model, baseUrl: null },
      display: { id: display.id, bounds: display.bounds, scaleFactor: display.scaleFactor },
      maxSteps: STEPS + 1,
      startedAt: new Date().toISOString(),
      endedAt: null,
      outcome: null,
      steps: 0,
      deskhandVersion: 'bench',
    });
    const timings = [];
    const result = await runAgent({
      task: 'inspect the table',
      backend,
      operator,
      display,
      recorder,
      maxSteps: STEPS + 1,
      signal: new AbortController().signal,
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
