import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** The module the page's worker imports to list the user's controllers (`web/worker/controller-catalog.ts`). */
export const USER_CONTROLLERS_MODULE = 'virtual:testfield/user-controllers';
const RESOLVED = `\0${USER_CONTROLLERS_MODULE}`;

/** The environment variable naming the user's controller folders (`testfield open --controllers DIR` sets it; `:`-separated). */
export const CONTROLLERS_ENV = 'TESTFIELD_CONTROLLERS';

/** The event the page hears (the same string as `web/dev/controller-hot-reload.ts`) when a watched controller file is added, changed or removed (`web/dev/controller-hot-reload.ts`). */
export const CONTROLLERS_CHANGED_EVENT = 'testfield:controllers-changed';

/** Module files a controller folder offers (`.ts .mts .js .mjs`, not declarations), absolute and sorted. */
export function controllerFilesIn(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => /\.(m?[jt]s)$/.test(f) && !/\.d\.m?ts$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The user's controller folders from {@link CONTROLLERS_ENV}, absolute. */
export function userControllerDirs(): string[] {
  return (process.env[CONTROLLERS_ENV] ?? '')
    .split(':')
    .filter((d) => d !== '')
    .map((d) => resolve(d));
}

/**
 * Serves the user's controller folders to the page: the virtual module lists every module file in
 * them as `[name, () => import(file)]` (name = file name without extension), the dev server may read them, and
 * when one is added, changed or removed (like `robots/controllers/`, see `watchDirs`) the page is told
 * and starts a fresh worker, whose picker lists the new set. With no folder the list is empty.
 * @param options.packageRoot this package's folder (the dev server must still read it when the user's folders lie elsewhere)
 * @param options.watchDirs the repo's own controller folders, watched the same way
 * @param options.invalidateFiles modules to drop from vite's cache on a change (the worker's catalogue)
 */
export function userControllersPlugin(options: { packageRoot: string; watchDirs: readonly string[]; invalidateFiles: readonly string[] }): Plugin {
  const { packageRoot, watchDirs, invalidateFiles } = options;
  const dirs = userControllerDirs();
  return {
    name: 'testfield-user-controllers',
    config: () => (dirs.length > 0 ? { server: { fs: { allow: [...dirs, packageRoot] } } } : {}),
    resolveId: (id) => (id === USER_CONTROLLERS_MODULE ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const files = dirs.flatMap(controllerFilesIn);
      // Lazy: each module is imported on its own, so one that fails to import is listed with its error.
      const entries = files.map((f) => `[${JSON.stringify(basename(f, extname(f)))}, () => import(${JSON.stringify(f)})]`);
      return `export default [${entries.join(', ')}];\n`;
    },
    configureServer(server) {
      const watched = [...watchDirs, ...dirs];
      server.watcher.add(watched);
      const notify = (file: string) => {
        if (!watched.some((d) => file.startsWith(`${d}/`))) return;
        const virtual = server.moduleGraph.getModuleById(RESOLVED);
        if (virtual) server.moduleGraph.invalidateModule(virtual);
        for (const f of invalidateFiles) for (const m of server.moduleGraph.getModulesByFile(f) ?? []) server.moduleGraph.invalidateModule(m);
        server.ws.send({ type: 'custom', event: CONTROLLERS_CHANGED_EVENT, data: { file } });
      };
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, notify);
    },
  };
}
