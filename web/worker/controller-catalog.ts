import { cellControllers, controllers, resolveController, type ControllerLoader, type ControllerRole, type FactoryOf } from '../../robots/index.ts';
import type { CellControllerFactory, ControllerFactory } from '../../sim/index.ts';
import userControllers from 'virtual:testfield/user-controllers';

/** A user module that could not be used, and why (`import` failed, or no default factory). */
export interface BrokenModule {
  name: string;
  error: string;
}

/** Factories by name, and the user modules that could not be loaded. */
export interface LoadedCatalog<F> {
  factories: ReadonlyMap<string, F>;
  broken: readonly BrokenModule[];
}

/**
 * Imports each user module on its own (vite's lazy glob: one chunk each) through the catalogue's
 * `resolveController` with the page's loader, so one that fails to import (a typo, an import that
 * does not resolve) or exports no factory is listed with its error and the others work.
 * Catalogue names win on a clash, then the repo's own modules.
 */
async function loadUserModules<R extends ControllerRole>(
  role: R,
  registry: Readonly<Record<string, FactoryOf<R>>>,
  modules: ReadonlyArray<readonly [string, () => Promise<{ default?: unknown }>]>,
): Promise<LoadedCatalog<FactoryOf<R>>> {
  const out = new Map<string, FactoryOf<R>>(Object.entries(registry));
  const broken: BrokenModule[] = [];
  // The first module of a name wins (the repo's own before the user's folders).
  const loaders = new Map<string, () => Promise<{ default?: unknown }>>();
  for (const [name, load] of modules) if (!loaders.has(name)) loaders.set(name, load);
  const pageLoader: ControllerLoader = (ref) =>
    loaders
      .get(ref)?.()
      .then((mod) => mod.default);
  await Promise.all(
    [...loaders.keys()].map(async (name) => {
      if (out.has(name)) return;
      try {
        out.set(name, await resolveController(role, name, pageLoader));
      } catch (error) {
        broken.push({ name, error: error instanceof Error ? error.message : String(error) });
      }
    }),
  );
  broken.sort((a, b) => a.name.localeCompare(b.name));
  return { factories: new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b))), broken };
}

/** A lazy glob's modules as `[file name without extension, loader]`. */
function byName(modules: Record<string, () => Promise<{ default?: unknown }>>): Array<readonly [string, () => Promise<{ default?: unknown }>]> {
  return Object.entries(modules).map(([path, load]) => [path.split('/').pop()!.replace(/\.ts$/, ''), load] as const);
}

/**
 * Controllers the worker can run: the `robots/` registry, plus every module in
 * `robots/controllers/` and in the user's controller folders (`testfield open --controllers DIR`)
 * whose default export is a `() => FleetController` factory (named after its file). Registry names
 * win on a clash, then the repo's own modules.
 */
export function controllerCatalog(): Promise<LoadedCatalog<ControllerFactory>> {
  // The dev server imports each module on its own; a build inlines them into the one worker file
  // (vite.config.ts), where a module that does not import fails the build itself.
  return loadUserModules('fleet', controllers, [...byName(import.meta.glob<{ default?: unknown }>('../../robots/controllers/*.ts')), ...userControllers]);
}

/**
 * ONNX policies the worker can run: every `robots/policies/*.onnx`, by file name
 * (`example-policy.onnx`), as the URL vite serves it from (bundled into a build, no network fetch).
 */
export function policyCatalog(): ReadonlyMap<string, string> {
  const files = import.meta.glob<string>('../../robots/policies/*.onnx', { query: '?url', import: 'default', eager: true });
  return new Map(
    Object.entries(files)
      .map(([path, url]) => [path.split('/').pop()!, url] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Cell controllers the worker can run: the `robots/` registry plus every `robots/cells/*.ts` module with a default factory. */
export function cellControllerCatalog(): Promise<LoadedCatalog<CellControllerFactory>> {
  return loadUserModules('cell', cellControllers, byName(import.meta.glob<{ default?: unknown }>('../../robots/cells/*.ts')));
}
