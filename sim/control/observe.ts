import type { SimModel } from '../model/sim-model.ts';
import { stationRows } from '../kinds/station/index.ts';
import { robotRows } from '../kinds/robot/index.ts';
import { loadRows } from '../kinds/load/index.ts';
import { nodeAt } from '../model/roadmap.ts';
import { KindIndex } from '../kinds/kind-index.ts';
import type { SimState } from '../state/sim-state.ts';
import { RobotMode } from '../kinds/robot/index.ts';
import { isAtNode } from '../kinds/robot/index.ts';
import { rotateHeading } from '../util/motion-math.ts';
import { createHandedRoadmap } from './handed-roadmap.ts';
import { createObservationCache, type ObservationCache } from './observation-cache.ts';
import { applyObservationNoise } from './observation-noise.ts';
import { observeTasks } from './task-views.ts';
import type { FleetObservation, LoadObservation, RobotModeName, RobotObservation, StationObservation } from './types.ts';

/** The name of a `RobotMode` value as controllers and the UI show it (a stalled robot is `faulted`). */
export function robotModeName(mode: number, faulted: boolean): RobotModeName {
  return faulted ? 'faulted' : (MODE_NAMES[mode] ?? 'hold');
}

const MODE_NAMES: Record<number, RobotModeName> = {
  [RobotMode.Hold]: 'hold',
  [RobotMode.Drive]: 'drive',
  [RobotMode.Follow]: 'follow',
  [RobotMode.Lifting]: 'lifting',
  [RobotMode.Dropping]: 'dropping',
  [RobotMode.Docked]: 'docked',
};

/** Unit beam directions relative to heading +x: rotated in small deterministic steps (no sin/cos). */
function beamDirections(beams: number): Float64Array {
  const dirs = new Float64Array(beams * 2);
  const stepRad = (2 * Math.PI) / beams;
  const subSteps = Math.max(1, Math.ceil(stepRad / 0.05));
  let hx = 1;
  let hz = 0;
  for (let k = 0; k < beams; k++) {
    dirs[2 * k] = hx;
    dirs[2 * k + 1] = hz;
    for (let s = 0; s < subSteps; s++) [hx, hz] = rotateHeading(hx, hz, stepRad / subSteps);
  }
  return dirs;
}

const beamCache = new Map<number, Float64Array>();
/** What a range scan sees: walls and stands, robots, loads. */
const SCAN_LAYERS = ['static', 'robot', 'load'] as const;

function scanRobot(model: SimModel, state: SimState, i: number, scan: { beams: number; rangeM: number }): Float32Array {
  let local = beamCache.get(scan.beams);
  if (!local) beamCache.set(scan.beams, (local = beamDirections(scan.beams)));
  const r = robotRows.table(state);
  const hx = r.headX[i]!;
  const hz = r.headZ[i]!;
  const world = new Float64Array(local.length);
  for (let k = 0; k < scan.beams; k++) {
    // Rotate the local beam (cos, sin-like pair) into the robot's frame: heading ⊗ beam.
    const bx = local[2 * k]!;
    const bz = local[2 * k + 1]!;
    world[2 * k] = hx * bx - hz * bz;
    world[2 * k + 1] = hz * bx + hx * bz;
  }
  const out = new Float32Array(scan.beams);
  state.physics.rangeScan(KindIndex.Robot, i, r.posX[i]!, r.posZ[i]!, model.robots[i]!.model.footprint.heightM / 2, world, scan.rangeM, SCAN_LAYERS, out);
  return out;
}

const EMPTY_ROUTE: readonly number[] = Object.freeze([]);
const gridViews = new WeakMap<SimModel, FleetObservation['grid']>();

/**
 * Builds the controller's view of the state: copies, never references into `SimState`. With a
 * `cache` (kept by the host between control ticks) unchanged loads, tasks and stations reuse
 * their frozen views, so a control tick allocates in proportion to what changed.
 */
export function observe(model: SimModel, state: SimState, scan?: { beams: number; rangeM: number }, cache?: ObservationCache): FleetObservation {
  const tasks = observeTasks(state, cache ?? null);
  cache ??= createObservationCache();
  const loads = observeLoads(model, state, cache);
  const stations = observeStations(model, state, cache.stations);
  cache.loads = loads;
  cache.stations = stations;
  if (cache.roadmapOf !== model) {
    cache.roadmap = createHandedRoadmap(model.roadmap);
    cache.roadmapOf = model;
  }
  let grid = gridViews.get(model);
  if (!grid) gridViews.set(model, (grid = Object.freeze({ cols: model.grid.cols, rows: model.grid.rows, cellM: model.grid.cellM })));
  const robots = observeRobots(model, state, scan);
  applyObservationNoise(model, state, robots, scan?.rangeM);
  return {
    tick: state.tick,
    timeSec: state.tick * model.dtSec,
    dtSec: model.dtSec,
    controlEvery: model.controlEvery,
    robots,
    tasks,
    loads,
    stations,
    roadmap: cache.roadmap!.roadmap,
    grid,
    storageNodes: model.storageNodes,
    chargerNodes: model.chargerNodes,
    things: observeThings(model, state),
  };
}

const NO_THINGS: Readonly<Record<string, unknown>> = Object.freeze({});

/** What kinds with an `observe` hand out (`observation.things[kind]`), frozen. */
function observeThings(model: SimModel, state: SimState): Readonly<Record<string, unknown>> {
  let out: Record<string, unknown> | null = null;
  for (const kind of model.kinds.kinds) {
    // A kind with no things in the scenario shows nothing (as it hashes nothing).
    if (!kind.observe || (model.things[kind.id]?.length ?? 0) === 0) continue;
    out ??= {};
    out[kind.id] = deepFreezeView(kind.observe(model, state));
  }
  return out ? Object.freeze(out) : NO_THINGS;
}

/** Freezes plain objects and arrays of a kind's view (typed arrays are handed out as copies by the kind). */
function deepFreezeView<T>(value: T): T {
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreezeView(v);
  }
  return value;
}

function observeRobots(model: SimModel, state: SimState, scan: { beams: number; rangeM: number } | undefined): RobotObservation[] {
  const r = robotRows.table(state);
  const { cols, rows } = model.grid;
  const robots: RobotObservation[] = new Array(r.count);
  for (let i = 0; i < r.count; i++) {
    const spec = model.robots[i]!.model;
    const node = nodeAt(model.roadmap, cols, rows, r.posX[i]!, r.posZ[i]!);
    const route = r.route[i]!;
    const carrying = r.carriedLoad[i]!;
    const task = r.task[i]!;
    const view: { -readonly [K in keyof RobotObservation]: RobotObservation[K] } = {
      id: i,
      handles: spec.handles,
      x: r.posX[i]!,
      z: r.posZ[i]!,
      headingX: r.headX[i]!,
      headingZ: r.headZ[i]!,
      speedMps: r.speedMps[i]!,
      node,
      atNode: isAtNode(model, state, i, node),
      mode: robotModeName(r.mode[i]!, r.faultUntilTick[i]! >= 0),
      route: route.length === 0 ? EMPTY_ROUTE : route.slice(),
      carrying: carrying >= 0 ? carrying : null,
      task: task >= 0 ? task : null,
      batteryWh: r.batteryWh[i]!,
      blockedSec: r.blockedTicks[i]! * model.dtSec,
      maxSpeedMps: spec.maxSpeedMps,
      maxTurnRps: spec.maxTurnRps,
      maxAccelMps2: spec.maxAccelMps2,
    };
    if (scan) view.scanM = scanRobot(model, state, i, scan);
    robots[i] = view;
  }
  return robots;
}

/** Load views, reusing last time's objects (and array) where nothing changed. */
function observeLoads(model: SimModel, state: SimState, cache: ObservationCache): readonly LoadObservation[] {
  const { node, holderKind, holderId } = loadRows.table(state);
  const previous = cache.loads;
  const fresh = previous.length !== model.loads.length;
  let out: LoadObservation[] | null = fresh ? [] : null;
  for (let l = 0; l < model.loads.length; l++) {
    if (!fresh && node[l] === cache.loadNode[l] && holderKind[l] === cache.loadHolderKind[l] && holderId[l] === cache.loadHolderId[l]) {
      if (out) out.push(previous[l]!);
      continue;
    }
    if (!out) out = previous.slice(0, l);
    const load = model.loads[l]!;
    const held = holderKind[l]! >= 0;
    const holder = held ? Object.freeze({ kind: model.kinds.kinds[holderKind[l]!]?.id ?? 'unknown', id: holderId[l]! }) : null;
    out.push(Object.freeze({ id: l, kind: load.kind, node: node[l]! >= 0 ? node[l]! : null, carriedBy: holderKind[l] === KindIndex.Robot ? holderId[l]! : null, holder, homeNode: load.homeNode }));
  }
  if (!out) return previous;
  cache.loadNode = node.slice();
  cache.loadHolderKind = holderKind.slice();
  cache.loadHolderId = holderId.slice();
  return Object.freeze(out);
}

function observeStations(model: SimModel, state: SimState, previous: readonly StationObservation[]): readonly StationObservation[] {
  const out = model.stations.map((s) => {
    const raw = stationRows.table(state).pickingTask[s.id]!;
    const picking = raw >= 0 ? raw : null;
    const prev = previous[s.id];
    return prev && prev.node === s.node && prev.picking === picking ? prev : Object.freeze({ id: s.id, node: s.node, picking });
  });
  return Object.freeze(out);
}
