import { cellControllers } from '../../robots/index.ts';
import type { CellControllerFactory } from '../../sim/index.ts';
import { isControllerPath, loadControllerFactory } from './load-controller.ts';
import { UsageError } from '../cli/usage-error.ts';

/**
 * The cell-controller factory for a registry name (`pick-place`) or a module path whose default
 * export is a `() => CellController` factory (loaded like fleet controller modules).
 * @throws UsageError when the name is unknown or the module exports no factory.
 */
export async function loadCellControllerFactory(nameOrPath: string): Promise<CellControllerFactory> {
  if (isControllerPath(nameOrPath)) return (await loadControllerFactory(nameOrPath)) as unknown as CellControllerFactory;
  const factory = cellControllers[nameOrPath];
  if (!factory) throw new UsageError(`unknown cell controller "${nameOrPath}"; valid cell controllers: ${Object.keys(cellControllers).join(', ')} (or a path to a module)`);
  return factory;
}
