import type { SimModel } from '../model/sim-model.ts';
import { PhysicsWorld } from '../physics/rapier.ts';
import { Hasher } from '../util/hash.ts';
import { createLoadTable, createRobotTable } from './create-state.ts';
import type { LoadTable, RobotTable, SimState } from './sim-state.ts';

/** Bump when the snapshot layout changes; restoring another version is refused. */
export const SNAPSHOT_VERSION = 1;

/**
 * Everything needed to continue an episode exactly: the sim's tables (as JSON), Rapier's world
 * bytes and the controller's saved state. Structured-cloneable, so it crosses worker boundaries.
 */
export interface SimSnapshot {
  version: number;
  scenario: string;
  tick: number;
  tables: string;
  world: Uint8Array;
  handles: string;
  controller: unknown;
}

const ROBOT_TYPED = ['posX', 'posZ', 'headX', 'headZ', 'speedMps', 'turnRps', 'mode', 'cmdSpeedMps', 'cmdTurnRps', 'carriedLoad', 'task', 'handlingTicksLeft', 'faultUntilTick', 'blockedTicks', 'blockedBy', 'inDeadlock', 'distanceM', 'busyTicks', 'energyWh', 'batteryWh'] as const;
const LOAD_TYPED = ['node', 'carriedBy', 'task', 'settleTicksLeft'] as const;

/** The sim's own tables (not the physics) as canonical JSON: same state ⇒ same string. */
export function tablesJson(state: SimState): string {
  const robots: Record<string, unknown> = { count: state.robots.count, route: state.robots.route, routeNotBefore: state.robots.routeNotBefore };
  for (const key of ROBOT_TYPED) robots[key] = Array.from(state.robots[key]);
  const loads: Record<string, unknown> = { count: state.loads.count };
  for (const key of LOAD_TYPED) loads[key] = Array.from(state.loads[key]);
  return JSON.stringify({
    tick: state.tick,
    seed: state.seed,
    robots,
    loads,
    orders: state.orders,
    nextOrderId: state.nextOrderId,
    tasks: state.tasks,
    nextTaskId: state.nextTaskId,
    stations: state.stations,
    rngOrders: state.rngOrders,
  });
}

/**
 * 64-bit hash (16 hex chars) of the sim tables plus Rapier's world snapshot.
 * Costs a world snapshot (≈10 ms per 100 robots): call it at checkpoints, not every tick.
 */
export function hashState(state: SimState): string {
  return new Hasher().string(tablesJson(state)).bytes(state.physics.snapshot()).hex();
}

/** Takes a snapshot of the state (and the controller's saved state, if any). */
export function snapshotState(model: SimModel, state: SimState, controller: unknown): SimSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    scenario: model.id,
    tick: state.tick,
    tables: tablesJson(state),
    world: state.physics.snapshot(),
    handles: state.physics.handlesJson(),
    controller,
  };
}

/** Rebuilds a live state from a snapshot of the same scenario. */
export function restoreState(model: SimModel, snap: SimSnapshot): SimState {
  if (snap.version !== SNAPSHOT_VERSION) throw new Error(`snapshot version ${snap.version} is not supported (expected ${SNAPSHOT_VERSION})`);
  if (snap.scenario !== model.id) throw new Error(`snapshot is of scenario ${snap.scenario}, not ${model.id}`);
  const t = JSON.parse(snap.tables);
  const robots: RobotTable = createRobotTable(t.robots.count);
  for (const key of ROBOT_TYPED) (robots[key] as { set(a: number[]): void }).set(t.robots[key]);
  robots.route = t.robots.route;
  robots.routeNotBefore = t.robots.routeNotBefore;
  const loads: LoadTable = createLoadTable(t.loads.count);
  for (const key of LOAD_TYPED) loads[key].set(t.loads[key]);
  return {
    tick: t.tick,
    seed: t.seed,
    robots,
    loads,
    orders: t.orders,
    nextOrderId: t.nextOrderId,
    tasks: t.tasks,
    nextTaskId: t.nextTaskId,
    stations: t.stations,
    rngOrders: t.rngOrders,
    physics: PhysicsWorld.restore(snap.world, snap.handles, model.dtSec),
    events: [],
    changedTasks: [],
  };
}
