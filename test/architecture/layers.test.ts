// The process-layer table of README "Architecture", checked on every import of every source file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

type Layer = 'pure' | 'core' | 'main' | 'renderer';

/** Which layer a file is in, from its path alone. */
function layerOf(path: string): Layer | null {
  if (/^src\/(glm|host\/protocol)\//.test(path)) return 'pure';
  if (path.startsWith('src/')) return 'core';
  if (path.startsWith('main/')) return 'main';
  if (path.startsWith('renderer/')) return 'renderer';
  return null;
}

const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  pure: ['pure'],
  core: ['pure', 'core'],
  main: ['pure', 'core', 'main'],
  renderer: ['pure', 'renderer'],
};

/** npm packages a layer may import; Node built-ins are judged separately. */
const PACKAGES: Record<Layer, (name: string) => boolean> = {
  pure: (name) => name === 'zod',
  core: (name) => name !== 'electron' && name !== 'react',
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

function violationsOf(file: string, text = readFileSync(join(root, file), 'utf8')): string[] {
  const layer = layerOf(file)!;
  const problems: string[] = [];
  for (const specifier of importsOf(text)) {
    if (specifier.startsWith('.')) {
      const target = relative(root, resolve(root, dirname(file), specifier));
      const targetLayer = layerOf(target);
      if (targetLayer && !MAY_IMPORT[layer].includes(targetLayer)) {
        problems.push(
          `${file} (${layer}) imports ${target} (${targetLayer}); ${layer} may import only [${MAY_IMPORT[layer].join(', ')}]`,
        );
      }
    } else if (NODE_BUILTIN.test(specifier)) {
      if (layer === 'pure' || layer === 'renderer')
        problems.push(`${file} (${layer}) imports the Node module ${specifier}`);
    } else if (
      !PACKAGES[layer](
        specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/'),
      )
    ) {
      problems.push(`${file} (${layer}) imports the package ${specifier}`);
    }
  }
  return problems;
}

describe('process layers', () => {
  const files = ['src', 'main', 'renderer'].flatMap(sourceFiles);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((file) => layerOf(file) === 'pure')).toBe(true);
  });

  it('every import follows the layer table', () => {
    expect(files.flatMap((file) => violationsOf(file))).toEqual([]);
  });

  it('the checker catches a pure module importing Node or the core, and the core importing electron', () => {
    const pure = "import { readFile } from 'node:fs/promises';\nimport { runAgent } from '../agent/run-loop.js';\n";
    expect(violationsOf('src/glm/example.ts', pure)).toEqual([
      'src/glm/example.ts (pure) imports the Node module node:fs/promises',
      'src/glm/example.ts (pure) imports src/agent/run-loop.js (core); pure may import only [pure]',
    ]);
    expect(violationsOf('src/agent/example.ts', "import { app } from 'electron';")).toEqual([
      'src/agent/example.ts (core) imports the package electron',
    ]);
    expect(violationsOf('src/agent/example.ts', "import type { Page } from '../../renderer/page.js';")).toEqual([
      'src/agent/example.ts (core) imports renderer/page.js (renderer); core may import only [pure, core]',
    ]);
  });
});
