import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The one renderer build, used by `npm run web` (served by the sync server) and,
 * through electron.vite.config.ts, by the desktop app. Output: out/renderer.
 */
export const rendererConfig = {
  root,
  base: './',
  plugins: [react()],
  define: {
    // node-forge and @signpdf expect a Node-ish global in the browser bundle.
    global: 'globalThis',
  },
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    // BENCH_NO_MINIFY=1 keeps function names readable in bench profiles.
    minify: process.env.BENCH_NO_MINIFY !== '1',
  },
  server: { port: 5173, strictPort: false },
};

export default defineConfig(rendererConfig);
