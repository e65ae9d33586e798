/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

/**
 * One config for the browser test field (`web/`) and the test runner.
 * COOP/COEP make the page cross-origin isolated, so pose frames can travel in a SharedArrayBuffer;
 * the static build falls back to transferred typed arrays where such headers cannot be set.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: 'web',
  publicDir: false,
  base: './',
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  server: { headers: isolationHeaders, host: '127.0.0.1', port: 5173 },
  preview: { headers: isolationHeaders, host: '127.0.0.1', port: 4173 },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
