// Builds the renderer (React UI) into dist/renderer with relative asset paths. Node only (Vite loads it).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Vite replaces import.meta.dirname when it loads this file, so the build works from any working directory.
  root: import.meta.dirname,
  // Relative URLs: the same build loads from http://127.0.0.1 (deskhand serve), app:// (Electron) and file://.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The strict CSP forbids inline scripts; keep every script in a bundled file.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
});
