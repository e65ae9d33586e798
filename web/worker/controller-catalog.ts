import { cellControllers, controllers } from '../../robots/index.ts';
import type { CellControllerFactory, ControllerFactory } from '../../sim/index.ts';
import userControllers from 'virtual:testfield/user-controllers';

/**
 * Controllers the worker can run: the `robots/` registry, plus every module in
 * `robots/controllers/` and in the user's controller folders (`testfield open --controllers DIR`)
 * whose default export is a `() => FleetController` factory (named after its file). Registry names
 * win on a clash, then the repo's own modules.
 */
export function controllerCatalog(): ReadonlyMap<string, ControllerFactory> {
  const out = new Map<string, ControllerFactory>(Object.entries(controllers));
  const modules = import.meta.glob<{ default?: unknown }>('../../robots/controllers/*.ts', { eager: true });
  for (const [path, mod] of Object.entries(modules)) {
    const name = path.split('/').pop()!.replace(/\.ts$/, '');
    if (typeof mod.default === 'function' && !out.has(name)) out.set(name, mod.default as ControllerFactory);
  }
  for (const [name, mod] of userControllers) if (typeof mod.default === 'function' && !out.has(name)) out.set(name, mod.default as ControllerFactory);
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * ONNX policies the worker can run: every `robots/policies/*.onnx`, by file name
 * (`example-policy.onnx`), as the URL vite serves it from (bundled into a build, no network fetch).
 */
export function policyCatalog(): ReadonlyMap<string, string> {
  const files = import.meta.glob<string>('../../robots/policies/*.onnx', { query: '?url', import: 'default', eager: true });
  return new Map(Object.entries(files).map(([path, url]) => [path.split('/').pop()!, url] as const).sort(([a], [b]) => a.localeCompare(b)));
}

/** Cell controllers the worker can run: the `robots/` registry plus every `robots/cells/*.ts` module with a default factory. */
export function cellControllerCatalog(): ReadonlyMap<string, CellControllerFactory> {
  const out = new Map<string, CellControllerFactory>(Object.entries(cellControllers));
  const modules = import.meta.glob<{ default?: unknown }>('../../robots/cells/*.ts', { eager: true });
  for (const [path, mod] of Object.entries(modules)) {
    const name = path.split('/').pop()!.replace(/\.ts$/, '');
    if (typeof mod.default === 'function' && !out.has(name)) out.set(name, mod.default as CellControllerFactory);
  }
  return out;
}
