// A fresh `npm ci` on the Node the README names prints no warning: every locked package accepts that Node, and every
// install script is named in package.json's allowScripts. Node only.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** The two semver functions this needs; semver is in every npm tree (npm itself uses it) but ships no types. */
interface Semver {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
}
const semver = createRequire(import.meta.url)('semver') as Semver;

interface LockedPackage {
  engines?: { node?: string } | string[];
  optional?: boolean;
  hasInstallScript?: boolean;
}

async function readJson<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(resolve(ROOT, name), 'utf8')) as T;
}

const packageJson = await readJson<{ engines: { node: string }; allowScripts?: Record<string, boolean> }>(
  'package.json',
);
const lock = await readJson<{ packages: Record<string, LockedPackage> }>('package-lock.json');
const installed = Object.entries(lock.packages).filter(([path, entry]) => path !== '' && !entry.optional);
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

it('requires a Node that every installed package accepts, and the README names that Node', async () => {
  const oldest = semver.minVersion(packageJson.engines.node)!.version;
  const refusing = installed.flatMap(([path, entry]) => {
    const wanted = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    return wanted && !semver.satisfies(oldest, wanted) ? [`${nameOf(path)} wants node ${wanted}`] : [];
  });
  expect(refusing, `package.json engines.node allows ${oldest}; raise it or pick older versions`).toEqual([]);

  const readme = await readFile(resolve(ROOT, 'README.md'), 'utf8');
  const named = /Install and start \(Node ≥ ([\d.]+)/.exec(readme)?.[1];
  expect(named && semver.minVersion(named)!.version).toBe(oldest);
});

it('names every install script in allowScripts, so npm neither warns about nor silently runs an unreviewed one', () => {
  const scripted = [...new Set(installed.filter(([, entry]) => entry.hasInstallScript).map(([path]) => nameOf(path)))];
  const unreviewed = scripted.filter((name) => packageJson.allowScripts?.[name] === undefined);
  expect(unreviewed, 'add each to package.json allowScripts (true to run it, false to skip it)').toEqual([]);
});
