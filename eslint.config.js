// Lint rules, including the folder table of README "Architecture" (who may import what, test/architecture/layer-table.js).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { LAYER_TABLE, specifierPattern } from './test/architecture/layer-table.js';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'util', 'stream', 'events', 'http'];
const electron = { name: 'electron', message: 'Only main/ may import electron.' };

/** One no-restricted-imports block per folder of the layer table; shorter folders first, so deeper ones override. */
function layerRules() {
  const rows = [...LAYER_TABLE].sort((a, b) => a.folder.length - b.folder.length);
  return rows.map((row) => {
    const forbidden = LAYER_TABLE.filter(
      (other) => other !== row && other.folder !== 'src' && !row.mayImport.includes(other.folder),
    );
    const allowed = row.mayImport.length > 0 ? `only ${row.mayImport.join(', ')}` : 'no other folder';
    const patterns = forbidden.map((other) => ({
      regex: specifierPattern(other.folder, row.folder),
      message: `${row.folder} may import ${allowed} (not ${other.folder}). Fix: ${row.fix}.`,
    }));
    if (row.runtime === 'pure' || row.runtime === 'renderer')
      patterns.push({ group: nodeBuiltins, message: `${row.folder} runs without Node. Fix: ${row.fix}.` });
    return {
      files: [row.folder === 'src' ? 'src/*.ts' : `${row.folder}/**`],
      rules: {
        'no-restricted-imports': ['error', { paths: row.runtime === 'main' ? [] : [electron], patterns }],
      },
    };
  });
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'coverage/**', 'test/.tmp/**', 'models/tiny/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electron] }],
    },
  },
  ...layerRules(),
  {
    files: ['bin/**', 'bench/**/*.mjs', '.ci/**'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        AbortController: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        gc: 'readonly',
      },
    },
  },
);
