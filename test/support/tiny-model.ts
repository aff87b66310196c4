// Builds the tiny GLM-4.1V model folder once per test process and hands out its path (removed at exit). Node only.
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinyModel } from '../../src/engine/tiny-model/write-model-folder.js';

let building: Promise<string> | undefined;

/** The folder of the seed-1 tiny model; the first call writes it (about 3 MB, well under a second). */
export function tinyModelDir(): Promise<string> {
  building ??= buildOnce();
  return building;
}

async function buildOnce(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'deskhand-tiny-model-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  await writeTinyModel(dir);
  return dir;
}
