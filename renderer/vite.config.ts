import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The service worker that lets the web app start without a network (docs/design.md,
 * "Offline start"). It precaches the app shell and its assets and nothing else: API
 * answers, WebSocket traffic and the vault never pass through its caches.
 */
const offlineShell = VitePWA({
  strategies: 'generateSW',
  // A new version waits until the next start or the user's "Nieuwe versie laden": never mid-edit.
  registerType: 'prompt',
  // Registered from src/features/update (web only, not in the desktop shell).
  injectRegister: false,
  // No web app manifest: the app is opened from the server's address, not installed.
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{html,js,css,svg,png,ttf,woff2,wasm,ico}'],
    // The largest chunks (the app, the PDF export runtime) are ~1.3 MB; the build warns above
    // 4 MiB (chunkSizeWarningLimit), so nothing it emits is left out of the precache silently.
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    navigateFallback: 'index.html',
    // Never answer these with the shell: the API, the health check and the rooms' WebSocket path.
    navigateFallbackDenylist: [/^\/api(\/|$)/u, /^\/healthz$/u, /^\/(case|meeting|measures)(:|%3A)/iu],
    // No runtime caching at all: only the precache above is ever stored.
    runtimeCaching: [],
    cleanupOutdatedCaches: true,
    skipWaiting: false,
    clientsClaim: false,
  },
});

/**
 * The one renderer build, used by `npm run web` (served by the sync server) and,
 * through electron.vite.config.ts, by the desktop app. Output: out/renderer.
 */
export const rendererConfig = {
  root,
  base: './',
  plugins: [react(), offlineShell],
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
