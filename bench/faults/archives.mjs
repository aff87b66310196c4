// Hostile session archives through the real `deskhand sessions import` (and a third of them through the in-process
// importer too): each must be refused with one clear line and nothing written, or, when valid but odd, imported
// byte for byte. Node only.
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { EXISTING_ID, sessionLevelCases } from './archive-cases-session.mjs';
import { zipLevelCases } from './archive-cases-zip.mjs';
import { sessionEntries } from './archive-session.mjs';
import { firstLine, inPool, refusalProblem, runDeskhand } from './cli.mjs';
import { tally } from './tally.mjs';
import { zipBytes } from './zip-bytes.mjs';

const dist = (path) => import(new URL(`../../dist/src/${path}`, import.meta.url).href);
/** Where the absolute zip-slip names point: none of them may exist after the attacks. */
const ESCAPE_TARGETS = ['/etc/deskhand-slip-4', '/tmp/deskhand-slip-5', '/tmp/deskhand-slip-3'];

export async function hostileArchives(results, work) {
  const { importSessionArchiveBytes } = await dist('sessions/archive/import-archive.js');
  const { ArchiveError } = await dist('sessions/archive/archive-error.js');
  const template = join(work, 'archives', 'template');
  await importSessionArchiveBytes(zipBytes(sessionEntries(EXISTING_ID)), template);
  const importer = { importBytes: importSessionArchiveBytes, ArchiveError };
  const cases = [...zipLevelCases(), ...sessionLevelCases()];
  // An escape left by an earlier, broken build would fail every case here: start (and end) without one.
  await removeEscapes();
  try {
    await inPool(cases.entries(), 3, async ([index, attack]) => {
      const folder = join(work, 'archives', String(index));
      await tally(results, 'hostile archives', async () => {
        const problem = await archiveProblem(folder, template, attack, index % 3 === 0 ? importer : null);
        return problem ? `${attack.name}: ${problem}` : null;
      });
    });
  } finally {
    await removeEscapes();
  }
}

/** Imports `attack` with the CLI (and in process when `importer` is given); what went wrong, or null. */
async function archiveProblem(folder, template, attack, importer) {
  await caseFolder(folder, template, attack.bytes);
  const before = await snapshot(folder);
  const cli = await runDeskhand(
    ['sessions', 'import', join(folder, 'archive.zip'), '--sessions-dir', join(folder, 'sessions')],
    { timeoutMs: 30_000 },
  );
  const problem = attack.imports ? importedProblem(cli, attack) : refusedProblem(cli, attack.says);
  if (problem) return problem;
  if (importer) {
    const inProcess = await importer.importBytes(attack.bytes, join(folder, 'in-process')).then(
      (imported) => (attack.imports === imported.id ? null : `imported ${imported.id} in process`),
      (error) => (error instanceof importer.ArchiveError && !attack.imports ? null : `in process: ${error.message}`),
    );
    if (inProcess) return inProcess;
  }
  return leftovers(folder, before, attack, importer ? ['sessions', 'in-process'] : ['sessions']);
}

function removeEscapes() {
  return Promise.all(ESCAPE_TARGETS.map((target) => rm(target, { recursive: true, force: true })));
}

function refusedProblem(cli, says) {
  const problem = refusalProblem(cli, { maxLines: 1 });
  if (problem) return problem;
  if (cli.stdout !== '') return `printed ${firstLine(cli.stdout)} on stdout`;
  return says.test(cli.stderr) ? null : `the message does not say what is wrong: ${firstLine(cli.stderr)}`;
}

function importedProblem(cli, attack) {
  if (cli.code !== 0) return `a valid archive was refused (exit ${cli.code}): ${firstLine(cli.stderr)}`;
  return cli.stdout === `${attack.imports}\n` ? null : `printed ${firstLine(cli.stdout)} instead of the id`;
}

/** The case folder: the existing session, a canary folder, an empty in-process sessions folder and the archive. */
async function caseFolder(folder, template, bytes) {
  await cp(template, join(folder, 'sessions'), { recursive: true });
  await mkdir(join(folder, 'canary'), { recursive: true });
  await mkdir(join(folder, 'in-process'));
  await writeFile(join(folder, 'canary', 'keep.txt'), 'canary');
  await writeFile(join(folder, 'archive.zip'), bytes);
}

/** Every path under `folder` with a hash of its bytes (folders hash to ''). */
async function snapshot(folder) {
  const paths = new Map();
  for (const name of await readdir(folder, { recursive: true })) {
    const path = join(folder, name);
    const info = await stat(path);
    paths.set(
      name,
      info.isFile()
        ? createHash('sha1')
            .update(await readFile(path))
            .digest('hex')
        : '',
    );
  }
  return paths;
}

/** What changed under the case folder beyond an intact import, or an escape outside it; null when nothing did. */
async function leftovers(folder, before, attack, roots) {
  const after = await snapshot(folder);
  const allowed = attack.imports ? await importedFiles(attack, roots) : new Map();
  for (const [name, hash] of after) {
    const expected = before.get(name) ?? allowed.get(name);
    if (expected === undefined) return `left ${name} behind`;
    if (expected !== hash) return `${name} was changed`;
  }
  for (const name of [...before.keys(), ...allowed.keys()]) if (!after.has(name)) return `${name} is missing`;
  for (const target of ESCAPE_TARGETS) if (await stat(target).catch(() => null)) return `${target} was written`;
  const siblings = await readdir(join(folder, '..'));
  const stranger = siblings.find((name) => !/^(\d+|template)$/.test(name));
  return stranger ? `${stranger} appeared beside the case folders` : null;
}

/** The files an intact import of `attack` writes, relative to the case folder, in each of `roots`. */
async function importedFiles(attack, roots) {
  const files = new Map();
  const entries = Object.entries(unzipSync(attack.bytes)).filter(([name]) => !name.endsWith('/'));
  for (const root of roots) {
    files.set(join(root, attack.imports), '');
    files.set(join(root, attack.imports, 'frames'), '');
    for (const [name, data] of entries)
      files.set(join(root, attack.imports, name), createHash('sha1').update(data).digest('hex'));
  }
  return files;
}
