// Parser fuzzing at scale: 1,000,000 generated and mutated answers through the built parser; counts exceptions,
// points outside the frame and executable actions from unparseable answers (all must be 0). Via bench/run.mjs.
import fc from 'fast-check';
import { frameSize, modelAnswer, parseViolation } from './parser-fuzz-cases.mjs';

const TOTAL = Number(process.env.DESKHAND_FUZZ_CASES ?? 1_000_000);
const BATCH = 10_000;

export async function measureFuzz() {
  const { parseAnswer } = await import('../dist/src/glm/parser.js');
  const cases = fc.tuple(modelAnswer, frameSize);
  const actions = {};
  const examples = [];
  let exceptions = 0;
  let violations = 0;
  let parseMs = 0;
  const started = performance.now();
  for (let done = 0; done < TOTAL; done += BATCH) {
    for (const [raw, size] of fc.sample(cases, { numRuns: Math.min(BATCH, TOTAL - done), seed: 1000 + done })) {
      const parseStart = performance.now();
      let parsed;
      try {
        parsed = parseAnswer(raw, size);
      } catch (error) {
        exceptions += 1;
        if (examples.length < 5) examples.push({ raw, size, problem: `threw ${String(error)}` });
        continue;
      } finally {
        parseMs += performance.now() - parseStart;
      }
      const problem = parseViolation(parsed, size);
      if (problem !== null) {
        if (problem.startsWith('exception')) exceptions += 1;
        else violations += 1;
        if (examples.length < 5) examples.push({ raw, size, problem });
      }
      actions[parsed.action.name] = (actions[parsed.action.name] ?? 0) + 1;
    }
  }
  return {
    cases: TOTAL,
    exceptions,
    violations,
    examples,
    actions,
    totalSeconds: Math.round((performance.now() - started) / 100) / 10,
    parseMicrosecondsPerAnswer: Math.round((parseMs / TOTAL) * 1000 * 10) / 10,
  };
}

if (process.argv.includes('--measure')) {
  process.stdout.write(JSON.stringify(await measureFuzz()));
}
