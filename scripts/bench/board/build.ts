/**
 * Builds the bench harness (harness/index.html + main.ts, importing the real renderer
 * modules) with the renderer's Vite settings, for the sync server to serve as static files:
 * page, API and WebSocket on one origin, under the app's real CSP.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const harnessRoot = fileURLToPath(new URL('./harness/', import.meta.url));

/** Builds the harness into `outDir` (emptied first). */
export async function buildHarness(outDir: string): Promise<void> {
  await build({
    root: harnessRoot,
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    define: { global: 'globalThis', 'process.env.NODE_ENV': JSON.stringify('production') },
    mode: 'production',
    // BENCH_NO_MINIFY=1 keeps function names readable in --profile output (timings then differ slightly).
    build: { outDir, emptyOutDir: true, minify: process.env.BENCH_NO_MINIFY !== '1', sourcemap: false, chunkSizeWarningLimit: 8192, reportCompressedSize: false },
  });
}
