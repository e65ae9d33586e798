import type { SimModel } from '../model/sim-model.ts';
import { PhysicsWorld } from '../physics/rapier.ts';
import { createRootRng } from '../rng/rng.ts';
import { RobotMode, type LoadTable, type RobotTable, type SimState } from './sim-state.ts';

/** An empty robot table for `n` robots. */
export function createRobotTable(n: number): RobotTable {
  return {
    count: n,
    posX: new Float64Array(n),
    posZ: new Float64Array(n),
    headX: new Float64Array(n).fill(1),
    headZ: new Float64Array(n),
    speedMps: new Float64Array(n),
    turnRps: new Float64Array(n),
    mode: new Uint8Array(n).fill(RobotMode.Hold),
    cmdSpeedMps: new Float64Array(n),
    cmdTurnRps: new Float64Array(n),
    carriedLoad: new Int32Array(n).fill(-1),
    task: new Int32Array(n).fill(-1),
    handlingTicksLeft: new Int32Array(n),
    faultUntilTick: new Int32Array(n).fill(-1),
    blockedTicks: new Int32Array(n),
    blockedBy: new Int32Array(n).fill(-1),
    inDeadlock: new Uint8Array(n),
    distanceM: new Float64Array(n),
    busyTicks: new Int32Array(n),
    energyWh: new Float64Array(n),
    batteryWh: new Float64Array(n),
    route: Array.from({ length: n }, () => []),
    routeNotBefore: Array.from({ length: n }, () => []),
  };
}

/** An empty load table for `n` loads. */
export function createLoadTable(n: number): LoadTable {
  return { count: n, node: new Int32Array(n), carriedBy: new Int32Array(n).fill(-1), task: new Int32Array(n).fill(-1), settleTicksLeft: new Int32Array(n) };
}

/**
 * The state at tick 0 of an episode: robots at their spawn points facing east, loads at home,
 * no orders yet, and a fresh physics world. Requires `initPhysics()` to have resolved.
 */
export function createSimState(model: SimModel, seed: number): SimState {
  const robots = createRobotTable(model.robots.length);
  for (const robot of model.robots) {
    robots.posX[robot.id] = model.roadmap.nodeX[robot.spawnNode]!;
    robots.posZ[robot.id] = model.roadmap.nodeZ[robot.spawnNode]!;
    robots.batteryWh[robot.id] = robot.model.battery.capacityWh;
  }
  const loads = createLoadTable(model.loads.length);
  for (const load of model.loads) loads.node[load.id] = load.homeNode;
  const root = createRootRng(seed);
  return {
    tick: 0,
    seed,
    robots,
    loads,
    orders: [],
    nextOrderId: 0,
    tasks: [],
    nextTaskId: 0,
    stations: model.stations.map(() => ({ pickingTask: -1, pickTicksLeft: 0, openOrders: 0 })),
    rngOrders: root.fork('orders').save(),
    physics: PhysicsWorld.create(model),
    events: [],
    changedTasks: [],
  };
}
