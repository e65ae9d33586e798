import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { controllers, loadOnnxPolicy, PolicyModelError } from '../../robots/index.ts';
import type { ControllerFactory } from '../../sim/index.ts';
import { importDefault, ModuleLoadError } from './load-module.ts';
import { resolveController } from './registry.ts';
import { UsageError } from '../cli/usage-error.ts';

/** Whether a controller reference names a module file rather than a registered controller. */
export function isControllerPath(nameOrPath: string): boolean {
  return /^(\.{1,2}[\\/]|\/)/.test(nameOrPath) || /\.(m?[jt]s|onnx)$/.test(nameOrPath);
}

/** `robots/controllers/` of this checkout: where `--controller NAME` finds `NAME.ts`. */
const CONTROLLERS_DIR = fileURLToPath(new URL('../../robots/controllers/', import.meta.url));
/** `robots/policies/` of this checkout: where `--controller NAME.onnx` is found when not a path. */
const POLICIES_DIR = fileURLToPath(new URL('../../robots/policies/', import.meta.url));

/**
 * The controller factory for a registry name (`greedy`), a module in `robots/controllers/` by its
 * name (`my-fifo` → `robots/controllers/my-fifo.ts`), an ONNX policy (`policy.onnx`: a path, or a
 * file in `robots/policies/`) or a module path
 * (`./tests/fixtures/worse-controller.ts`, resolved against the working directory; `.ts .mts .js .mjs`
 * in any folder, see `load-module.ts`) whose default
 * export is a `() => FleetController` factory.
 * With `checkOnly`, a module path is only checked to exist (its module is not imported).
 * @throws UsageError when the name is unknown, the file is missing or exports no factory.
 */
export async function loadControllerFactory(nameOrPath: string, options: { checkOnly?: boolean } = {}): Promise<ControllerFactory> {
  if (!isControllerPath(nameOrPath)) {
    const own = join(CONTROLLERS_DIR, `${nameOrPath}.ts`);
    if (!(nameOrPath in controllers) && /^[\w-]+$/.test(nameOrPath) && existsSync(own)) return loadControllerFactory(own, options);
    return resolveController(nameOrPath);
  }
  if (nameOrPath.endsWith('.onnx')) return loadPolicyFactory(nameOrPath);
  const file = resolve(process.cwd(), nameOrPath);
  if (!existsSync(file)) throw new UsageError(`controller module "${nameOrPath}" not found (looked at ${file})`);
  // Untrusted code is not imported into this thread just to check that it exists (see `runner/isolated-controller.ts`).
  if (options.checkOnly) return () => {
    throw new UsageError(`controller module "${nameOrPath}" was only checked, not loaded`);
  };
  let factory: unknown;
  try {
    factory = await importDefault(file);
  } catch (error) {
    // `file:line: reason`, never Node's internals (see `load-module.ts`).
    if (error instanceof ModuleLoadError) throw new UsageError(`cannot load controller module ${error.message}`);
    throw error;
  }
  if (typeof factory !== 'function') {
    throw new UsageError(`controller module "${nameOrPath}" must default-export a factory: () => FleetController`);
  }
  return factory as ControllerFactory;
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
