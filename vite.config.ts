/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { userControllersPlugin } from './bench/open/user-controllers-plugin.ts';

/** This package's folder: paths below do not depend on the working directory (`testfield open` runs from the user's project). */
const ROOT = fileURLToPath(new URL('.', import.meta.url));

/**
 * Under `npm start` and `testfield open`: when a file in `robots/controllers/`, `robots/cells/`, `robots/policies/` or
 * the user's controller folders (`TESTFIELD_CONTROLLERS`, set by `testfield open --controllers DIR`)
 * is added, changed or removed, drop the worker's controller catalogue from vite's cache and tell the
 * page (`web/dev/controller-hot-reload.ts`), which starts a fresh worker: the picker lists the new
 * controller without a restart of the dev server.
 */
const controllers = () => userControllersPlugin({
  packageRoot: ROOT,
  watchDirs: ['robots/controllers', 'robots/cells', 'robots/policies'].map((d) => resolve(ROOT, d)),
  invalidateFiles: [resolve(ROOT, 'web/worker/controller-catalog.ts')],
});

/**
 * Under `npm start`: pre-bundled dependencies without their source maps. Vite serves each with its
 * map inlined as base64 (three.js alone: 4 MB more than its 1.9 MB of code; Rapier and zod, when
 * the worker still loaded them this way, 8 MB more), which the page downloads and scans before
 * its first frame. Their maps are of the packages' own built code, not ours; the test field's own
 * modules keep theirs.
 */
function depsWithoutSourcemaps(): Plugin {
  return {
    name: 'testfield-deps-without-sourcemaps',
    apply: 'serve',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0]!;
      if (!file.includes('/node_modules/.vite/deps/') || !file.endsWith('.js')) return null;
      // Without its map comment the code has changed (vite keeps the loaded map of unchanged code), and
      // `{ mappings: '' }` says it has no map: vite then neither inlines one nor makes one up.
      const stripped = code.replace(/\n\/\/# sourceMappingURL=[^\n]*\s*$/, '\n');
      return { code: stripped === code ? `${code}\n` : stripped, map: { mappings: '' } };
    },
  };
}

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
  root: resolve(ROOT, 'web'),
  publicDir: false,
  plugins: [controllers(), depsWithoutSourcemaps()],
  resolve: {
    // User controllers the page loads import the SDK by the package's name.
    alias: [{ find: /^testfield$/, replacement: resolve(ROOT, 'robots/sdk.ts') }, { find: /^testfield\/(sim|robots|scenarios)$/, replacement: resolve(ROOT, '$1/index.ts') }],
  },
  // Served as source, not pre-bundled: the user's controllers and the page share one copy of the SDK.
  optimizeDeps: { exclude: ['testfield'] },
  base: './',
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  // One worker file: the controller catalogue's lazy imports (each module on its own under the dev
  // server, so one that fails to import is listed, not fatal) are inlined into it in a build.
  worker: { format: 'es', plugins: () => [controllers()], rolldownOptions: { output: { codeSplitting: false } } },
  // Warm-up: the page's module graph is transformed as the server starts, not one import level at a
  // time as the browser discovers it.
  server: { headers: isolationHeaders, host: '127.0.0.1', port: 5173, warmup: { clientFiles: [resolve(ROOT, 'web/main.ts'), resolve(ROOT, 'web/boot.ts')] } },
  preview: { headers: isolationHeaders, host: '127.0.0.1', port: 4173 },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
