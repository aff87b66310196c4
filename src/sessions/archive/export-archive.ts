// Packs a session folder into one ZIP file: session.json, steps.jsonl and frames/*, bytes unchanged. Node only.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { sessionFileInside } from '../session-file-inside.js';
import { diskSessionFiles } from '../session-files.js';
import { FRAME_NAME, SESSION_FILE, STEPS_FILE, isCompressedImage } from './archive-layout.js';

/** Unix, regular file, rw-r--r--: tools that unpack it create plain files, never links. */
const FILE_ATTRIBUTES = { os: 3, attrs: (0o100644 << 16) >>> 0 };

/** Writes the archive of the session in `sessionDir` to `outputPath` (temp file, then rename). */
export async function exportSessionArchive(sessionDir: string, outputPath: string): Promise<{ files: number }> {
  const names = await sessionFileNames(sessionDir);
  const zippable: Zippable = {};
  for (const name of names) {
    const data = await readFile(join(sessionDir, ...name.split('/')));
    zippable[name] = [data, { ...FILE_ATTRIBUTES, level: isCompressedImage(name) ? 0 : 6 }];
  }
  await diskSessionFiles.writeAtomically(outputPath, zipSync(zippable));
  return { files: names.length };
}

/** The session's own files, plain files only (links and leftovers such as *.tmp are not part of a session). */
async function sessionFileNames(sessionDir: string): Promise<string[]> {
  const top = await readdir(sessionDir, { withFileTypes: true });
  const names = top
    .filter((entry) => entry.isFile() && (entry.name === SESSION_FILE || entry.name === STEPS_FILE))
    .map((entry) => entry.name)
    .sort();
  const frames = await readdir(join(sessionDir, 'frames'), { withFileTypes: true }).catch(() => []);
  const frameNames = frames
    .filter((entry) => entry.isFile())
    .map((entry) => `frames/${entry.name}`)
    .filter((name) => FRAME_NAME.test(name))
    .sort();
  // A frames folder that is a link lists plain files that live elsewhere: only what stays inside is packed.
  const inside = await Promise.all(frameNames.map((name) => sessionFileInside(sessionDir, name)));
  return [...names, ...frameNames.filter((_, index) => inside[index] !== null)];
}
