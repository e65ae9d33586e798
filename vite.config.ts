/// <reference types="vitest/config" />
import { relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

/**
 * Under `npm start`: when a file in `robots/controllers/`, `robots/cells/` or `robots/policies/` is added, changed
 * or removed, drop the worker's controller catalogue from vite's cache and tell the page
 * (`web/dev/controller-hot-reload.ts`), which starts a fresh worker: the picker lists the new
 * controller without a restart of the dev server.
 */
function controllerWatch(): Plugin {
  const dirs = ['robots/controllers', 'robots/cells', 'robots/policies'].map((d) => resolve(d));
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
  plugins: [controllerWatch()],
  base: './',
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  // One worker file: the controller catalogue's lazy imports (each module on its own under the dev
  // server, so one that fails to import is listed, not fatal) are inlined into it in a build.
  worker: { format: 'es', rolldownOptions: { output: { codeSplitting: false } } },
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
