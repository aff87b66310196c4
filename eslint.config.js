// Lint rules, including the process-layer table of README "Architecture" (who may import what).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'util', 'stream', 'events', 'http'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'coverage/**', 'test/.tmp/**', 'models/tiny/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/ may import electron.' }] }],
    },
  },
  {
    files: ['src/glm/**', 'src/host/protocol/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only main/ may import electron.' }],
          patterns: [
            { group: nodeBuiltins, message: 'src/glm and src/host/protocol are pure: no Node modules.' },
            {
              group: ['../agent/*', '../backends/*', '../desktop/*', '../sessions/*', '../cli/*', '../engine/*'],
              message: 'The pure layer imports only pure modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
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
