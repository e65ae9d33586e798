/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { userControllerDirs, userControllersPlugin } from './bench/cli/open/user-controllers-plugin.ts';
import { testHooksPlugin } from './bench/cli/open/test-hooks-mode.ts';
import { workerCorePlugin } from './bench/cli/open/worker-core-plugin.ts';

/** This package's folder: paths below do not depend on the working directory (`testfield open` runs from the user's project). */
const ROOT = fileURLToPath(new URL('.', import.meta.url));

/**
 * Under `npm start` and `testfield open`: when a file in `robots/controllers/`, `robots/cells/`, `robots/policies/` or
 * the user's controller folders (`TESTFIELD_CONTROLLERS`, set by `testfield open --controllers DIR`)
 * is added, changed or removed, drop the worker's controller catalogue from vite's cache and tell the
 * page (`web/dev/controller-hot-reload.ts`), which starts a fresh worker: the picker lists the new
 * controller without a restart of the dev server.
 */
const controllers = () =>
  userControllersPlugin({
    packageRoot: ROOT,
    watchDirs: CONTROLLER_DIRS,
    invalidateFiles: [resolve(ROOT, 'web/worker/controller-catalog.ts')],
  });
const CONTROLLER_DIRS = ['robots/controllers', 'robots/cells', 'robots/policies'].map((d) => resolve(ROOT, d));

/** User controllers the page loads import the SDK by the package's name. */
const aliases = [
  { find: /^testfield$/, replacement: resolve(ROOT, 'robots/sdk.ts') },
  { find: /^testfield\/(sim|robots|scenarios)$/, replacement: resolve(ROOT, '$1/index.ts') },
];

/**
 * Under `npm start` and `testfield open`: the simulation worker's core as a few bundled chunks, not
 * ~300 modules the browser finds one import level at a time (bench/cli/open/worker-core-plugin.ts). The
 * worker entries, the controller catalogue and the controller folders stay source: lazily loaded, hot reloaded.
 */
const workerCore = () =>
  workerCorePlugin({
    packageRoot: ROOT,
    core: resolve(ROOT, 'web/worker/sim-worker-api.ts'),
    workerEntry: resolve(ROOT, 'web/worker/sim-worker.ts'),
    sourceFiles: ['editor-worker.ts', 'controller-catalog.ts', 'test-worker-hooks.ts', 'test-controllers.ts'].map((f) => resolve(ROOT, 'web/worker', f)),
    sourceDirs: [...CONTROLLER_DIRS, ...userControllerDirs()],
    aliases,
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
  // The tests' handles on the page exist only in the test-hooks mode (bench/cli/open/test-hooks-mode.ts).
  plugins: [testHooksPlugin(), controllers(), workerCore(), depsWithoutSourcemaps()],
  resolve: { alias: aliases },
  // Served as source, not pre-bundled: the user's controllers and the page share one copy of the SDK.
  // The workers are entries of the dependency scan too: vite's scan starts at index.html and does not
  // follow `new Worker(new URL(…))`, so it found Rapier, zod and onnxruntime-web only once the worker
  // asked for them, pre-bundled them then and reloaded the page (a cold start took twice as long).
  // With every dependency found by the scan, a request for one need not wait until the server has
  // crawled the page's whole import graph (which held the worker's first import, comlink, for up to a second).
  optimizeDeps: {
    holdUntilCrawlEnd: false,
    exclude: ['testfield'],
    entries: ['index.html', 'worker/sim-worker.ts', 'worker/sim-worker-api.ts', 'worker/editor-worker.ts'],
  },
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
    // Two test files at a time even on two cores (vitest's default there is one): many files spend
    // most of their wall time waiting on a child process, the browser or a broker, and no outcome
    // may depend on load (see `npm run test:loaded`). On a 2-core runner: 22 min against 29.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
