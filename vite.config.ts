/// <reference types="vitest/config" />
import { relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { devWorkerBundle } from './web/dev/worker-bundle-plugin.ts';

/**
 * Under `npm start`: when a file in `robots/controllers/` or `robots/policies/` is added, changed
 * or removed, drop the worker's controller catalogue from vite's cache and tell the page
 * (`web/dev/controller-hot-reload.ts`), which starts a fresh worker: the picker lists the new
 * controller without a restart of the dev server.
 */
function controllerWatch(): Plugin {
  const dirs = ['robots/controllers', 'robots/policies'].map((d) => resolve(d));
  const catalog = resolve('web/worker/controller-catalog.ts');
  return {
    name: 'testfield-controller-watch',
    configureServer(server) {
      server.watcher.add(dirs);
      const notify = (file: string) => {
        if (!dirs.some((d) => file.startsWith(d + '/'))) return;
        for (const m of server.moduleGraph.getModulesByFile(catalog) ?? []) server.moduleGraph.invalidateModule(m);
        server.ws.send({ type: 'custom', event: 'testfield:controllers-changed', data: { file: relative(process.cwd(), file) } });
      };
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, notify);
    },
  };
}

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
  root: 'web',
  publicDir: false,
  plugins: [controllerWatch(), depsWithoutSourcemaps(), devWorkerBundle(isolationHeaders)],
  base: './',
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  // One file for the built worker: its dynamic import of the simulation (a pre-built bundle under
  // `npm start`) needs no chunk of its own.
  worker: { format: 'es', rolldownOptions: { output: { codeSplitting: false } } },
  // Warm-up: the page's module graph is transformed as the server starts, not one import level at a
  // time as the browser discovers it (the worker is one pre-built bundle, see devWorkerBundle).
  server: { headers: isolationHeaders, host: '127.0.0.1', port: 5173, warmup: { clientFiles: [resolve('web/main.ts'), resolve('web/boot.ts')] } },
  preview: { headers: isolationHeaders, host: '127.0.0.1', port: 4173 },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
