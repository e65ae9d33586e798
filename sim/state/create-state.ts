import { createThingTable, type ThingTable } from './columns.ts';

import type { SimModel } from '../model/sim-model.ts';
import { PhysicsWorld } from '../physics/rapier.ts';
import type { SimState } from './sim-state.ts';

/** Empty tables (every column at its `init`), one row per compiled thing, for each kind of a registry. */
function createThingTables(kinds: SimModel['kinds'], things: Readonly<Record<string, readonly unknown[]>>): Record<string, ThingTable> {
  const tables: Record<string, ThingTable> = {};
  for (const kind of kinds.kinds) tables[kind.id] = createThingTable(kind.columns, things[kind.id]?.length ?? 0);
  return tables;
}

/** A state around the given tables. */
export function stateWithThings(things: Record<string, ThingTable>, rest: Omit<SimState, 'things'>): SimState {
  return { ...rest, things };
}

/**
 * The state at tick 0 of an episode: every kind's rows at their start (robots at their spawn
 * points facing east, loads at home), every kind's data (no orders yet), and a fresh physics world. Requires
 * `initPhysics()` to have resolved.
 */
export function createSimState(model: SimModel, seed: number): SimState {
  const things = createThingTables(model.kinds, model.things);
  for (const kind of model.kinds.kinds) kind.init?.(things[kind.id]!, model);
  const data: Record<string, unknown> = {};
  for (const kind of model.kinds.kinds) if (kind.createData) data[kind.id] = kind.createData(model, seed);
  return stateWithThings(things, {
    tick: 0,
    seed,
    data,
    physics: PhysicsWorld.create(model),
    events: [],
    changedTasks: [],
  });
}
