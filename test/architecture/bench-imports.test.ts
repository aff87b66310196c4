// `npm run bench` loads the build from dist/ in plain Node, which no type check sees: every name a benchmark takes
// from a module must still be exported by that module's source, or the bench dies at its first step. Node only.
import { readdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BENCH = resolve(ROOT, 'bench');

/** `const { a } = await import('../dist/src/x.js')` (`../../dist` from a subfolder), or `await dist('x.js')`. */
const DESTRUCTURED_IMPORT =
  /const \{([^}]+)\} = await (?:import\('(?:\.\.\/)+dist\/src\/([^']+)'\)|dist\('([^']+)'\))/g;

interface BenchImport {
  bench: string;
  module: string;
  names: string[];
}

async function benchImports(): Promise<BenchImport[]> {
  const files = (await readdir(BENCH, { recursive: true })).filter((name) => name.endsWith('.mjs'));
  const found: BenchImport[] = [];
  for (const bench of files) {
    const text = await readFile(resolve(BENCH, bench), 'utf8');
    for (const match of text.matchAll(DESTRUCTURED_IMPORT)) {
      const names = match[1]!.split(',').map((part) => part.split(':')[0]!.trim());
      found.push({ bench, module: (match[2] ?? match[3])!, names: names.filter(Boolean) });
    }
  }
  return found;
}

it('imports from dist/ only names that the source modules export', async () => {
  const imports = await benchImports();
  expect(imports.length).toBeGreaterThan(30);
  const missing: string[] = [];
  for (const { bench, module, names } of imports) {
    const source = (await import(resolve(ROOT, 'src', module.replace(/\.js$/, '.ts')))) as Record<string, unknown>;
    for (const name of names)
      if (source[name] === undefined) missing.push(`bench/${bench}: ${name} from src/${module}`);
  }
  expect(missing).toEqual([]);
}, 60_000);
