// Who may import whom, one row per folder: read by test/architecture/layers.test.ts, eslint.config.js and the README
// check, so the rule lives in one place (like Playwright's per-folder DEPS lists).

/** What both tops, the host and the CLI, build on. */
const BELOW_THE_APP = [
  'src',
  'src/glm',
  'src/run-protocol',
  'src/host/protocol',
  'src/imaging',
  'src/desktop',
  'src/engine',
  'src/backends',
  'src/models',
  'src/sessions',
  'src/agent',
  'src/rerun',
];

/**
 * `runtime` decides which packages a folder may use: pure (zod only, no Node, no DOM), node (no electron, no react),
 * main (anything), renderer (no Node, no electron). `mayImport` lists the other folders a folder may import; a file
 * belongs to the longest folder that prefixes its path. `fix` is said when a rule is broken.
 * @type {readonly import('./layer-table.d.ts').LayerRow[]}
 */
export const LAYER_TABLE = [
  { folder: 'src/glm', runtime: 'pure', mayImport: [], fix: 'keep GLM parsing pure; pass what it needs as data' },
  {
    folder: 'src/run-protocol',
    runtime: 'pure',
    mayImport: ['src/glm'],
    fix: "the run's vocabulary is schemas only; keep loop logic in src/agent",
  },
  {
    folder: 'src/host/protocol',
    runtime: 'pure',
    mayImport: ['src/glm', 'src/run-protocol'],
    fix: 'the wire holds only schemas; move logic to src/host',
  },
  { folder: 'src', runtime: 'node', mayImport: [], fix: 'src/*.ts are leaf helpers; move the code into a folder' },
  { folder: 'src/imaging', runtime: 'node', mayImport: [], fix: 'image helpers are shared; they import no feature' },
  {
    folder: 'src/desktop',
    runtime: 'node',
    mayImport: ['src', 'src/glm', 'src/imaging'],
    fix: 'the desktop only acts; take loop or session types as parameters',
  },
  {
    folder: 'src/engine',
    runtime: 'node',
    mayImport: ['src', 'src/glm', 'src/imaging'],
    fix: 'move helpers shared with the desktop to src/imaging',
  },
  {
    folder: 'src/backends',
    runtime: 'node',
    mayImport: ['src', 'src/glm', 'src/run-protocol', 'src/imaging', 'src/engine'],
    fix: 'a backend only answers chats; the loop calls it',
  },
  { folder: 'src/models', runtime: 'node', mayImport: ['src', 'src/engine'], fix: 'downloads know only files' },
  {
    folder: 'src/sessions',
    runtime: 'node',
    mayImport: ['src', 'src/glm', 'src/run-protocol', 'src/imaging', 'src/desktop'],
    fix: 'a session stores data; take the CLI version or backend facts as plain values',
  },
  {
    folder: 'src/agent',
    runtime: 'node',
    mayImport: ['src', 'src/glm', 'src/run-protocol', 'src/imaging', 'src/desktop', 'src/backends', 'src/sessions'],
    fix: 'the loop is set up from outside; take the dependency as a parameter',
  },
  {
    folder: 'src/rerun',
    runtime: 'node',
    mayImport: ['src', 'src/glm', 'src/run-protocol', 'src/imaging', 'src/desktop', 'src/sessions', 'src/agent'],
    fix: 'a rerun replays a session; take the dependency as a parameter',
  },
  {
    folder: 'src/suite',
    runtime: 'node',
    mayImport: ['src', 'src/glm', 'src/run-protocol', 'src/sessions'],
    fix: 'the suite drives the CLI as a process; import only its vocabulary',
  },
  {
    folder: 'src/run-setup',
    runtime: 'node',
    mayImport: ['src', 'src/glm', 'src/run-protocol', 'src/imaging', 'src/desktop', 'src/sessions', 'src/agent'],
    fix: 'run setup is shared by the CLI and the host; take their specifics (flags, settings) as parameters',
  },
  {
    folder: 'src/host',
    runtime: 'node',
    mayImport: [...BELOW_THE_APP, 'src/run-setup'],
    fix: 'the host serves the app; move code the CLI also needs below both',
  },
  {
    folder: 'src/cli',
    runtime: 'node',
    mayImport: [...BELOW_THE_APP, 'src/suite', 'src/run-setup', 'src/host'],
    fix: 'the CLI is the top; nothing else imports it (move shared code down)',
  },
  {
    folder: 'main',
    runtime: 'main',
    mayImport: ['src/glm', 'src/run-protocol', 'src/host/protocol', 'src/host'],
    fix: 'main/ reaches the core through src/host; export what it needs there',
  },
  {
    folder: 'renderer',
    runtime: 'renderer',
    mayImport: ['src/run-protocol', 'src/host/protocol'],
    fix: 'the renderer sees only the wire; re-export the type from src/host/protocol',
  },
];

/** The row a repository path (`src/engine/preprocess.ts`) belongs to, or undefined outside src/, main/, renderer/. */
export function rowOf(path, table = LAYER_TABLE) {
  const matches = table.filter((row) =>
    row.folder === 'src' ? /^src\/[^/]+$/.test(path) : path.startsWith(`${row.folder}/`),
  );
  return matches.sort((a, b) => b.folder.length - a.folder.length)[0];
}

const RUNTIME_WORDS = {
  pure: 'pure (zod only; no Node, no DOM)',
  node: 'Node',
  main: 'Electron main + preload',
  renderer: 'browser',
};

/** The table as README "Architecture" shows it; a test keeps the README's copy equal to this. */
export function layerTableMarkdown(table = LAYER_TABLE) {
  const cell = (folders) => (folders.length === 0 ? '—' : folders.map((folder) => `\`${folder}\``).join(', '));
  const name = (folder) => (folder === 'src' ? '`src/*.ts`' : `\`${folder}/\``);
  return [
    '| folder | runtime | may import |',
    '| --- | --- | --- |',
    ...table.map((row) => `| ${name(row.folder)} | ${RUNTIME_WORDS[row.runtime]} | ${cell(row.mayImport)} |`),
  ].join('\n');
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A regex for the import specifiers by which a file in `from` reaches `folder` (`../desktop/x.js` inside src/,
 * `../../src/host/y.js` from main/), leaving out the folders below it that have rows of their own. ESLint sees only
 * the specifier, so this is a coarser copy of the test's check; `src/*.ts` is left to the test.
 */
export function specifierPattern(folder, from, table = LAYER_TABLE) {
  const inSrc = (path) => path.startsWith('src/');
  const reach = inSrc(from) && inSrc(folder) ? folder.slice('src/'.length) : folder;
  const children = table
    .filter((row) => row.folder.startsWith(`${folder}/`))
    .map((row) => `(?!${escape(row.folder.slice(folder.length + 1))}/)`)
    .join('');
  return `^(\\.\\./)+${escape(reach)}/${children}`;
}
