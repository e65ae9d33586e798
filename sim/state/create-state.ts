import { builtinKinds } from '../kinds/builtin-kinds.ts';
import { createThingTable, type ThingTable } from '../kinds/columns.ts';
import type { KindRegistry } from '../kinds/kind-registry.ts';
import type { LoadTable } from '../kinds/load/load-columns.ts';
import type { RobotTable } from '../kinds/robot/robot-columns.ts';
import type { StationTable } from '../kinds/station/station-columns.ts';
import type { SimModel } from '../model/sim-model.ts';
import { PhysicsWorld } from '../physics/rapier.ts';
import { createRootRng } from '../rng/rng.ts';
import type { SimState } from './sim-state.ts';

/** Row counts of each kind's table in a model, by kind id. */
function thingCounts(model: SimModel): Record<string, number> {
  return { robot: model.robots.length, load: model.loads.length, station: model.stations.length };
}

/** Empty tables (every column at its `init`) for each kind of a registry. */
export function createThingTables(kinds: KindRegistry, counts: Readonly<Record<string, number>>): Record<string, ThingTable> {
  const things: Record<string, ThingTable> = {};
  for (const kind of kinds.kinds) things[kind.id] = createThingTable(kind.columns, counts[kind.id] ?? 0);
  return things;
}

/** A state around the given tables, with the built-in kinds' tables aliased by name. */
export function stateWithThings(things: Record<string, ThingTable>, rest: Omit<SimState, 'things' | 'robots' | 'loads' | 'stations'>): SimState {
  return { ...rest, things, robots: things.robot as unknown as RobotTable, loads: things.load as unknown as LoadTable, stations: things.station as unknown as StationTable };
}

/**
 * The state at tick 0 of an episode: robots at their spawn points facing east, loads at home,
 * no orders yet, and a fresh physics world. Requires `initPhysics()` to have resolved.
 */
export function createSimState(model: SimModel, seed: number): SimState {
  const things = createThingTables(builtinKinds, thingCounts(model));
  const robots = things.robot as unknown as RobotTable;
  for (const robot of model.robots) {
    robots.posX[robot.id] = model.roadmap.nodeX[robot.spawnNode]!;
    robots.posZ[robot.id] = model.roadmap.nodeZ[robot.spawnNode]!;
    robots.batteryWh[robot.id] = robot.model.battery.capacityWh;
  }
  const loads = things.load as unknown as LoadTable;
  for (const load of model.loads) loads.node[load.id] = load.homeNode;
  const root = createRootRng(seed);
  return stateWithThings(things, {
    tick: 0,
    seed,
    orders: [],
    nextOrderId: 0,
    tasks: [],
    nextTaskId: 0,
    rngOrders: root.fork('orders').save(),
    physics: PhysicsWorld.create(model),
    events: [],
    changedTasks: [],
  });
}
