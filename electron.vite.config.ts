import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

export default defineConfig({
  main: {
    build: {
      // Bundle zod and node-forge into out/main: the packaged app ships no node_modules
      // (electron-builder.yml), so nothing is loaded from outside the integrity-checked asar.
      externalizeDeps: false,
      outDir: 'out/main',
      rollupOptions: { input: { index: 'electron/main/index.ts' } },
    },
  },
  preload: {
    // A sandboxed preload cannot load ES modules: build it as CommonJS.
    build: {
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: 'electron/preload/index.ts' },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      rollupOptions: { input: 'renderer/index.html' },
    },
  },
});
