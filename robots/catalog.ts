/**
 * The one catalogue of what this repository ships to run by name: robot models, fleet
 * controllers, cell controllers, and the way every host resolves a controller reference.
 * Hosts add what they alone can reach (Node imports a file, the page a module of its glob)
 * through a loader; the names here always win.
 */
import type { CellControllerFactory, ControllerFactory, RobotModelCatalog, RobotModelSpec } from '../sim/index.ts';
import { armCatalog, cellControllers } from './arms/index.ts';
import { createGreedyController } from './controllers/greedy.ts';
import { createPibtController } from './controllers/pibt.ts';
import { createReserveController } from './controllers/reserve.ts';
import { shelfLifter } from './models/shelf-lifter.ts';
import { toteCarrier } from './models/tote-carrier.ts';

/** Robot models by id: the catalogue scenarios name their fleet from. */
export const robotModels: Readonly<Record<string, RobotModelSpec>> = Object.freeze({
  [shelfLifter.id]: shelfLifter,
  [toteCarrier.id]: toteCarrier,
});

/**
 * What hosts hand `SimHost.create` and `compileScenario`: the robot models by id plus the arm
 * models as `arm:<id>` (names with a colon are never robot models).
 */
// The arm models ride in the same catalogue under `arm:` names; the arm kind reads them as its own type.
export const hostCatalog: RobotModelCatalog = Object.freeze({ ...robotModels, ...(armCatalog as unknown as RobotModelCatalog) });

/** Built-in fleet controllers by name. */
export const controllers: Readonly<Record<string, ControllerFactory>> = Object.freeze({
  reserve: createReserveController,
  greedy: createGreedyController,
  pibt: createPibtController,
});

export { cellControllers };

/**
 * The best built-in baseline (highest throughput in the README's `bench compare` table, no
 * collisions): what `bench sweep` drives the fleet with unless a sweep file names a controller.
 */
export const BEST_BASELINE = 'pibt';

/** The controller `bench run` uses when none is named. */
export const DEFAULT_CONTROLLER = 'reserve';

/** What a controller drives: a fleet of robots, or a cell of arms. */
export type ControllerRole = 'fleet' | 'cell';

/** The factory a role's controller is made by. */
export type FactoryOf<R extends ControllerRole> = R extends 'fleet' ? ControllerFactory : CellControllerFactory;

/**
 * How a host reaches a controller that is not in the catalogue by name: the default export of
 * the module (or a policy's factory) it finds for `ref`, or undefined when it knows no such
 * module. Node imports files and ONNX policies; the page imports a module of its glob.
 */
export type ControllerLoader = (ref: string, role: ControllerRole) => Promise<unknown> | undefined;

/** A controller reference that neither the catalogue nor the host's loader knows, or a module that exports no factory. */
export class ControllerResolveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ControllerResolveError';
  }
}

const NAMES: Readonly<Record<ControllerRole, Readonly<Record<string, unknown>>>> = { fleet: controllers, cell: cellControllers };
const WHAT: Readonly<Record<ControllerRole, string>> = { fleet: 'FleetController', cell: 'CellController' };

/**
 * The factory for a controller reference: a catalogue name first (`pibt`, `pick-place`), else
 * whatever the host's loader finds for it, whose default export must be a factory.
 * @throws ControllerResolveError naming the valid names when nobody knows `ref`, or saying what
 *   the module should export when it exports no factory.
 */
export async function resolveController<R extends ControllerRole>(role: R, ref: string, load?: ControllerLoader): Promise<FactoryOf<R>> {
  const named = NAMES[role][ref];
  if (named) return named as FactoryOf<R>;
  const loading = load?.(ref, role);
  if (!loading) {
    const valid = Object.keys(NAMES[role]).sort().join(', ');
    throw new ControllerResolveError(
      role === 'fleet'
        ? `unknown controller "${ref}"; valid controllers: ${valid}`
        : `unknown cell controller "${ref}"; valid cell controllers: ${valid} (or a path to a module)`,
    );
  }
  const factory = await loading;
  if (typeof factory !== 'function') throw new ControllerResolveError(`controller module "${ref}" must default-export a factory: () => ${WHAT[role]}`);
  return factory as FactoryOf<R>;
}
