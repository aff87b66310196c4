// Builds the app's bundles (main, preload, overlay pages), one per --mode. Node at build time, not Electron.
//   vite build -c main/vite.config.ts --mode main      → out/main/index.js     (ESM, Electron's main process)
//   vite build -c main/vite.config.ts --mode preload   → out/preload/index.cjs (one CommonJS file: a sandboxed preload
//                                                        can require only 'electron', never our own modules)
//   vite build -c main/vite.config.ts --mode overlay   → out/widget/{widget,marker}.html (+ assets)
// The renderer is built separately into dist/renderer/.
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Electron 45 ships Node 22 and Chromium 142. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome142';

const configs: Record<string, () => UserConfig> = {
  main: () => ({
    root,
    build: {
      // An SSR build resolves for Node and leaves node_modules (electron, sharp, onnxruntime-node, nut-js) external.
      ssr: at('main/index.ts'),
      outDir: at('out/main'),
      emptyOutDir: true,
      target: NODE_TARGET,
      sourcemap: true,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'index.js' } },
    },
  }),
  preload: () => ({
    root,
    build: {
      lib: { entry: at('main/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      outDir: at('out/preload'),
      emptyOutDir: true,
      target: CHROME_TARGET,
      minify: false,
      rolldownOptions: { external: ['electron'] },
    },
  }),
  overlay: () => ({
    root: at('main/widget'),
    base: './',
    build: {
      outDir: at('out/widget'),
      emptyOutDir: true,
      target: CHROME_TARGET,
      rolldownOptions: { input: { widget: at('main/widget/widget.html'), marker: at('main/widget/marker.html') } },
    },
  }),
};

export default defineConfig(({ mode }) => {
  const config = configs[mode];
  if (!config) throw new Error(`main/vite.config.ts: --mode is one of ${Object.keys(configs).join(', ')}`);
  return config();
});
