// `npm run bench`: one busy 1920×1080 desktop, then each benchmark in its own child process; one JSON object out.
import { fileURLToPath } from 'node:url';
import { measureInChild, startBusyDesktop } from './desktop.mjs';

const BENCHES = ['capture.mjs', 'step-overhead.mjs', 'preprocess.mjs'];

const desktop = await startBusyDesktop();
const result = {
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  display: '1920x1080 Xvfb',
};
try {
  for (const bench of BENCHES) {
    Object.assign(result, await measureInChild(fileURLToPath(new URL(bench, import.meta.url)), desktop.display));
  }
} finally {
  await desktop.stop();
}
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
