// What a reader checks beyond the line format: frames that steps name, step numbers, files a kill left behind. Node only.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { StepRecord } from './schema.js';
import { isBeingRecorded } from './recording-lock.js';
import { exists } from './session-files.js';

/** Warnings about a session folder's consistency; an empty list for a session that was recorded whole. */
export async function checkSessionFiles(dir: string, steps: StepRecord[]): Promise<string[]> {
  const warnings = [...stepNumberWarnings(steps)];
  for (const step of steps) {
    const size = await stat(join(dir, step.frame)).then(
      (file) => file.size,
      () => null,
    );
    if (size === null) warnings.push(`step ${step.step}: its frame ${step.frame} is missing`);
    else if (size === 0) warnings.push(`step ${step.step}: its frame ${step.frame} is empty`);
  }
  if (await exists(join(dir, 'session.json.tmp')))
    warnings.push('session.json.tmp was left behind: the run ended while rewriting session.json');
  return warnings;
}

/** Steps are numbered 1, 2, 3 … in order; say where that is not so. */
export function stepNumberWarnings(steps: Pick<StepRecord, 'step'>[]): string[] {
  const warnings: string[] = [];
  steps.forEach(({ step }, index) => {
    const expected = index === 0 ? 1 : steps[index - 1]!.step + 1;
    if (step === expected) return;
    if (step < expected) warnings.push(`steps.jsonl: step ${step} is out of order or repeated`);
    else warnings.push(`steps.jsonl: step ${expected === step - 1 ? expected : `${expected}–${step - 1}`} is missing`);
  });
  return warnings;
}

/**
 * Removes the partial frame files (`frames/NNNN.png.tmp`) a run killed mid-write leaves behind, unless a live process
 * still records into the folder; returns how many went.
 */
export async function removeKilledRunLeftovers(dir: string): Promise<number> {
  if (await isBeingRecorded(dir)) return 0;
  const names = await readdir(join(dir, 'frames')).catch(() => [] as string[]);
  const partial = names.filter((name) => name.endsWith('.tmp'));
  await Promise.all(partial.map((name) => rm(join(dir, 'frames', name), { force: true })));
  return partial.length;
}
