// Builds a complete manifest for the files of a folder (sizes and sha256), e.g. the tiny model's. Node only (tests).
import { readdir, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { describeFiles } from '../../../src/models/file-digest.js';
import type { ManifestVariant, ModelManifest } from '../../../src/models/manifest.js';

export const TEST_REPO = 'test-owner/tiny-glm';

/** Every file under `dir`, as '/'-separated relative paths, sorted. */
export async function folderFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir, { recursive: true });
  const files: string[] = [];
  for (const name of names) if ((await stat(join(dir, name))).isFile()) files.push(name.split(sep).join('/'));
  return files.sort();
}

/** A published manifest listing every file of `dir` under one variant (fp32 by default: the tiny model has no suffix). */
export async function folderManifest(
  dir: string,
  options: { repo?: string; revision?: string; variant?: ManifestVariant } = {},
): Promise<ModelManifest> {
  return {
    formatVersion: 1,
    status: 'published',
    repo: options.repo ?? TEST_REPO,
    revision: options.revision ?? 'main',
    variants: { [options.variant ?? 'fp32']: await describeFiles(dir, await folderFiles(dir)) },
  };
}
