import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ControllerResolveError,
  loadOnnxPolicy,
  PolicyModelError,
  resolveController,
  type ControllerLoader,
  type ControllerRole,
  type FactoryOf,
} from '../../robots/index.ts';
import type { CellControllerFactory, ControllerFactory } from '../../sim/index.ts';
import { importDefault, ModuleLoadError } from './load-module.ts';
import { UsageError } from './usage-error.ts';

/** Whether a controller reference names a module file rather than a registered controller. */
export function isControllerPath(nameOrPath: string): boolean {
  return /^(\.{1,2}[\\/]|\/)/.test(nameOrPath) || /\.(m?[jt]s|onnx)$/.test(nameOrPath);
}

/** `robots/controllers/` of this checkout: where `--controller NAME` finds `NAME.ts`. */
const CONTROLLERS_DIR = fileURLToPath(new URL('../../robots/controllers/', import.meta.url));
/** `robots/policies/` of this checkout: where `--controller NAME.onnx` is found when not a path. */
const POLICIES_DIR = fileURLToPath(new URL('../../robots/policies/', import.meta.url));

/**
 * The controller factory for a catalogue name (`greedy`), a module in `robots/controllers/` by its
 * name (`my-fifo` → `robots/controllers/my-fifo.ts`), an ONNX policy (`policy.onnx`: a path, or a
 * file in `robots/policies/`) or a module path (`./tests/fixtures/worse-controller.ts`, resolved
 * against the working directory; `.ts .mts .js .mjs` in any folder, see `load-module.ts`) whose
 * default export is a `() => FleetController` factory: the catalogue's `resolveController` with
 * Node's loader. With `checkOnly`, a module path is only checked to exist (its module is not imported).
 * @throws UsageError when the name is unknown, the file is missing or exports no factory.
 */
export function loadControllerFactory(nameOrPath: string, options: { checkOnly?: boolean } = {}): Promise<ControllerFactory> {
  return resolveForCli('fleet', nameOrPath, options);
}

/**
 * The cell-controller factory for a catalogue name (`pick-place`) or a module path whose default
 * export is a `() => CellController` factory (loaded like fleet controller modules).
 * @throws UsageError when the name is unknown or the module exports no factory.
 */
export function loadCellControllerFactory(nameOrPath: string): Promise<CellControllerFactory> {
  return resolveForCli('cell', nameOrPath, {});
}

async function resolveForCli<R extends ControllerRole>(role: R, ref: string, options: { checkOnly?: boolean }): Promise<FactoryOf<R>> {
  try {
    return await resolveController(role, ref, nodeLoader(options));
  } catch (error) {
    if (error instanceof ControllerResolveError) throw new UsageError(error.message);
    throw error;
  }
}

/** Node's loader: a module of `robots/controllers/` by name, an ONNX policy, or a module file. */
function nodeLoader(options: { checkOnly?: boolean }): ControllerLoader {
  return (ref, role) => {
    if (!isControllerPath(ref)) {
      const own = join(CONTROLLERS_DIR, `${ref}.ts`);
      return role === 'fleet' && /^[\w-]+$/.test(ref) && existsSync(own) ? importModule(own) : undefined;
    }
    if (ref.endsWith('.onnx')) return loadPolicyFactory(ref);
    const file = resolve(process.cwd(), ref);
    if (!existsSync(file)) throw new UsageError(`controller module "${ref}" not found (looked at ${file})`);
    // Untrusted code is not imported into this thread just to check that it exists (see `isolated-controller.ts`).
    if (options.checkOnly) {
      return Promise.resolve(() => {
        throw new UsageError(`controller module "${ref}" was only checked, not loaded`);
      });
    }
    return importModule(file);
  };
}

/** A module's default export; a module that fails to load is `file:line: reason`, never Node's internals (see `load-module.ts`). */
async function importModule(file: string): Promise<unknown> {
  try {
    return await importDefault(file);
  } catch (error) {
    if (error instanceof ModuleLoadError) throw new UsageError(`cannot load controller module ${error.message}`);
    throw error;
  }
}

/** An ONNX policy file (a path, or a file name in `robots/policies/`) as a controller factory. */
async function loadPolicyFactory(nameOrPath: string): Promise<ControllerFactory> {
  const local = resolve(process.cwd(), nameOrPath);
  const file = existsSync(local) ? local : join(POLICIES_DIR, nameOrPath);
  if (!existsSync(file)) throw new UsageError(`policy model "${nameOrPath}" not found (looked at ${local} and ${file})`);
  try {
    return await loadOnnxPolicy(new Uint8Array(readFileSync(file)), { name: basename(file, '.onnx') });
  } catch (error) {
    if (error instanceof PolicyModelError) throw new UsageError(`policy model "${nameOrPath}": ${error.message}`);
    throw error;
  }
}
