// `npm run bench [-- engine|stop|fuzz|soak|ui]`: each benchmark in its own child process, side by side; JSON out.
// Without an argument: capture, encoding, step overhead and preprocessing on a busy 1920×1080 desktop, then the
// engine.
// With `engine`: preprocessing and the tiny-model engine only, as one JSON object on the last line.
// With `stop`, `fuzz`, `faults`, `soak` or `ui`: stop latencies, 1,000,000 fuzzed parser answers, the outside
// review's attacks (tried / held / lost), a 2,000-step soak run, or
// the UI's smoothness (a 200 tok/s stream, a 1,000-step session in the player, a 1,000-step live run).
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { measureInChild, startBusyDesktop, startPlainDesktop } from './desktop.mjs';

const script = (name) => fileURLToPath(new URL(name, import.meta.url));
const mode = process.argv[2] ?? 'all';

async function engineFigures() {
  const preprocess = await measureInChild(script('preprocess.mjs'), process.env.DISPLAY ?? '');
  const engine = await measureInChild(script('engine.mjs'), process.env.DISPLAY ?? '');
  return {
    preprocess1080pMs: preprocess.preprocess1080pMs.median,
    transformersJsPreprocess1080pMs: preprocess.transformersJsPreprocess1080pMs.median,
    resize: preprocess.resize,
    prefillMs: engine.prefillMs,
    decodeTokPerS: engine.decodeTokPerS,
    floorTokPerS: engine.floorTokPerS,
    transformersJsTokPerS: engine.transformersJsTokPerS,
    decodeVsFloor: engine.decodeVsFloor,
    decodeVsTransformersJs: engine.decodeVsTransformersJs,
  };
}

/** Modes that run one benchmark script in a child process, on a bare 1280×800 desktop when `desktop` is set. */
const SINGLE_MODES = {
  stop: { file: 'stop.mjs', desktop: true },
  fuzz: { file: 'fuzz.mjs', desktop: false },
  // The attacks of the outside review, tried again: tried / held / lost per kind.
  faults: { file: 'faults.mjs', desktop: true },
  soak: { file: 'soak.mjs', desktop: true },
  // Starts its own desktop, model server, `deskhand serve` and Chromium.
  ui: { file: 'ui.mjs', desktop: false },
};

async function singleFigures({ file, desktop }) {
  if (!desktop) return measureInChild(script(file), process.env.DISPLAY ?? '');
  const plain = await startPlainDesktop('1280x800');
  try {
    return await measureInChild(script(file), plain.display);
  } finally {
    await plain.stop();
  }
}

if (Object.hasOwn(SINGLE_MODES, mode)) {
  process.stdout.write(`${JSON.stringify({ [mode]: await singleFigures(SINGLE_MODES[mode]) }, null, 2)}\n`);
} else if (mode === 'engine') {
  process.stdout.write(`${JSON.stringify(await engineFigures())}\n`);
} else if (mode === 'all') {
  const result = { machine: { cpus: cpus().length, node: process.version }, display: '1920x1080 Xvfb' };
  const desktop = await startBusyDesktop();
  try {
    for (const bench of ['capture.mjs', 'encoding.mjs', 'step-overhead.mjs']) {
      Object.assign(result, await measureInChild(script(bench), desktop.display));
    }
  } finally {
    await desktop.stop();
  }
  result.engine = await engineFigures();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  process.stderr.write(
    `Unknown benchmark "${mode}": use \`npm run bench\` or \`npm run bench -- engine|stop|fuzz|soak|ui\`.\n`,
  );
  process.exit(2);
}
