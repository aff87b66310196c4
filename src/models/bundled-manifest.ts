// Finds and reads a model manifest: the one shipped with Deskhand, or a file the user names. Node only.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ManifestError, parseManifest, type ModelManifest } from './manifest.js';

export const DEFAULT_MANIFEST = 'models/glm-4.1v-9b-thinking.manifest.json';

/** The shipped manifest, found upwards from this file: it runs from src/models under tests and dist/src/models when built. */
export function bundledManifestPath(): string {
  for (let folder = import.meta.dirname; ; folder = dirname(folder)) {
    const candidate = join(folder, DEFAULT_MANIFEST);
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) throw new ManifestError(`${DEFAULT_MANIFEST} is missing; pass a manifest file.`);
  }
}

/** Reads and validates a manifest (the shipped one when `file` is undefined); throws ManifestError saying what is wrong. */
export async function loadManifest(file?: string): Promise<ModelManifest> {
  const path = file === undefined ? bundledManifestPath() : resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ManifestError(`Cannot read the manifest ${path}: ${(error as Error).message}`);
  }
  return parseManifest(text, path);
}
