// Every import of every source file against the folder table in layer-table.js (README "Architecture").
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYER_TABLE, layerTableMarkdown, rowOf, type LayerRow, type Runtime } from './layer-table.js';

const root = resolve(import.meta.dirname, '../..');

/** npm packages a runtime may import; Node built-ins are judged separately. */
const PACKAGES: Record<Runtime, (name: string) => boolean> = {
  pure: (name) => name === 'zod',
  node: (name) => name !== 'electron' && name !== 'react',
  main: () => true,
  renderer: (name) => name !== 'electron',
};

const NODE_BUILTIN = /^(node:|fs$|path$|os$|child_process$|crypto$|util$|stream$|events$|http$|https$|net$|url$)/;

function sourceFiles(dir: string): string[] {
  const absolute = join(root, dir);
  if (!statSync(absolute, { throwIfNoEntry: false })?.isDirectory()) return [];
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => join(dir, file));
}

function importsOf(text: string): string[] {
  const pattern = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...text.matchAll(pattern)].map((match) => (match[1] ?? match[2])!);
}

function packageName(specifier: string): string {
  return specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
}

function folderRule(file: string, row: LayerRow, target: string, targetRow: LayerRow): string {
  const allowed = row.mayImport.length > 0 ? `only ${row.mayImport.join(', ')}` : 'no other folder';
  return `${file} imports ${target} (${targetRow.folder}): ${row.folder} may import ${allowed}. Fix: ${row.fix}`;
}

function violationsOf(file: string, text = readFileSync(join(root, file), 'utf8'), table = LAYER_TABLE) {
  const row = rowOf(file, table)!;
  const problems: string[] = [];
  for (const specifier of importsOf(text)) {
    if (specifier.startsWith('.')) {
      const target = relative(root, resolve(root, dirname(file), specifier));
      const targetRow = rowOf(target, table);
      if (targetRow && targetRow !== row && !row.mayImport.includes(targetRow.folder))
        problems.push(folderRule(file, row, target, targetRow));
    } else if (NODE_BUILTIN.test(specifier)) {
      if (row.runtime === 'pure' || row.runtime === 'renderer')
        problems.push(`${file} imports the Node module ${specifier}: ${row.folder} runs without Node. Fix: ${row.fix}`);
    } else if (!PACKAGES[row.runtime](packageName(specifier))) {
      problems.push(`${file} imports the package ${specifier}: ${row.folder} is ${row.runtime}. Fix: ${row.fix}`);
    }
  }
  return problems;
}

describe('process layers', () => {
  const files = ['src', 'main', 'renderer'].flatMap(sourceFiles);

  it('finds the source files, each in a folder of the table', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((file) => !rowOf(file))).toEqual([]);
  });

  it('every import follows the layer table', () => {
    expect(files.flatMap((file) => violationsOf(file))).toEqual([]);
  });

  it('the table names only its own folders', () => {
    const folders = LAYER_TABLE.map((row) => row.folder);
    expect(LAYER_TABLE.flatMap((row) => row.mayImport).filter((folder) => !folders.includes(folder))).toEqual([]);
  });

  it("README's architecture table is this table", () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain(layerTableMarkdown());
  });

  it('the checker catches a pure module importing Node or the core, and the core importing electron', () => {
    const pure = "import { readFile } from 'node:fs/promises';\nimport { runAgent } from '../agent/run-loop.js';\n";
    expect(violationsOf('src/glm/example.ts', pure)).toEqual([
      'src/glm/example.ts imports the Node module node:fs/promises: src/glm runs without Node. Fix: keep GLM parsing pure; pass what it needs as data',
      'src/glm/example.ts imports src/agent/run-loop.js (src/agent): src/glm may import no other folder. Fix: keep GLM parsing pure; pass what it needs as data',
    ]);
    expect(violationsOf('src/agent/example.ts', "import { app } from 'electron';")).toEqual([
      'src/agent/example.ts imports the package electron: src/agent is node. Fix: the loop is set up from outside; take the dependency as a parameter',
    ]);
    expect(violationsOf('src/agent/example.ts', "import type { Page } from '../../renderer/page.js';")[0]).toMatch(
      /^src\/agent\/example\.ts imports renderer\/page\.js \(renderer\): src\/agent may import only src, src\/glm/,
    );
  });

  it('the checker catches the engine reaching the desktop and main/ reaching past src/host', () => {
    expect(violationsOf('src/engine/example.ts', "import { toRgb } from '../desktop/encode.js';")).toEqual([
      expect.stringContaining('Fix: move helpers shared with the desktop to src/imaging'),
    ]);
    expect(violationsOf('main/example.ts', "import type { X } from '../src/desktop/types.js';")).toEqual([
      expect.stringContaining('Fix: main/ reaches the core through src/host'),
    ]);
  });
});
