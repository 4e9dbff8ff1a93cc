// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages that talk to the network, a UI framework, storage or the shell. */
const impure = [
  'react', 'react-dom', 'react/*', 'react-dom/*', 'zustand', 'zustand/*',
  'yjs', 'y-websocket', 'y-protocols', 'y-protocols/*', 'lib0', 'lib0/*', '@tiptap/*',
  'dexie', 'electron', 'ws', 'node:http', 'node:https', 'node:net', 'http', 'https', 'net',
  '@react-pdf/*', 'better-sqlite3',
];

/** Rule shared by every renderer layer (flat config: a later block replaces the whole rule). */
const rendererOnly = {
  // Anchored: `electron` the package, not electron/contract.ts (types the renderer shares).
  regex: '^(electron(/.*)?|node:.*|better-sqlite3|ws)$',
  message: 'The renderer runs in a browser: use window.api through platform/.',
};

export default tseslint.config(
  {
    ignores: [
      'out/**', 'dist/**', 'node_modules/**', 'data/**', '**/*.d.ts',
      '.ci/**', 'test-results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The renderer never imports Electron: it talks to window.api (platform/).
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          rendererOnly,
        ],
      }],
    },
  },
  {
    // The domain is pure TypeScript: rules, types and validation only.
    files: ['renderer/src/domain/**/*.ts'],
    ignores: ['renderer/src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          rendererOnly,
          { group: impure, message: 'renderer/src/domain is pure: no React, Yjs, Dexie, Electron or network imports.' },
          { group: ['**/collab/**', '**/vault/**', '**/features/**', '**/app/**', '**/platform/**', '**/ui/**', '**/pdf/**'],
            message: 'renderer/src/domain may not import from the layers above it.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'fetch', message: 'The domain does not talk to the network.' },
        { name: 'WebSocket', message: 'The domain does not talk to the network.' },
        { name: 'XMLHttpRequest', message: 'The domain does not talk to the network.' },
        { name: 'indexedDB', message: 'The domain does not touch storage.' },
        { name: 'localStorage', message: 'The domain does not touch storage.' },
      ],
    },
  },
  {
    // PDFs are data in, bytes out: no live documents, storage or UI state.
    files: ['renderer/src/pdf/**/*.{ts,tsx}'],
    ignores: ['renderer/src/pdf/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          rendererOnly,
          { group: ['yjs', 'y-websocket', 'dexie', 'zustand', '**/collab/**', '**/vault/**', '**/features/**', '**/app/**'],
            message: 'renderer/src/pdf renders plain data; pass it in.' },
        ],
      }],
    },
  },
);
