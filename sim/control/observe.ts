import type { SimModel } from '../model/sim-model.ts';
import { RobotMode, type SimState, type TaskPhase, type TaskState } from '../state/sim-state.ts';
import { ALL_TASKS_CHANGED, findTask } from '../step/task-lifecycle.ts';
import { nodeAt } from '../model/roadmap.ts';
import { isAtNode } from '../step/apply-commands.ts';
import { rotateHeading } from '../util/motion-math.ts';
import type { FleetObservation, LoadObservation, RobotModeName, RobotObservation, StationObservation, TaskObservation } from './types.ts';

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
  [RobotMode.Faulted]: 'faulted',
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

function scanRobot(model: SimModel, state: SimState, i: number, scan: { beams: number; rangeM: number }): Float32Array {
  let local = beamCache.get(scan.beams);
  if (!local) beamCache.set(scan.beams, (local = beamDirections(scan.beams)));
  const r = state.robots;
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
  state.physics.rangeScan(i, r.posX[i]!, r.posZ[i]!, model.robots[i]!.model.footprint.heightM / 2, world, scan.rangeM, out);
  return out;
}

/**
 * The observation objects handed out last time, with the raw values they were made from. Loads,
 * tasks and stations that did not change since are handed out again (they are frozen, so no
 * controller can alter what another tick sees); robots move and drain their batteries every tick,
 * so their views are always new. Every field is compared, so the cache stays valid across restores.
 */
export interface ObservationCache {
  loads: readonly LoadObservation[];
  /** `SimState.loads.node` and `.carriedBy` as they were when `loads` was made. */
  loadNode: Int32Array;
  loadCarriedBy: Int32Array;
  /** Ascending id, like `SimState.tasks`. */
  tasks: readonly TaskObservation[];
  /** The raw fields each of `tasks` was made from, {@link TASK_FIELDS} per task. */
  taskRows: Int32Array;
  /**
   * The state `tasks` were last read from. While it is the same object its `changedTasks` list
   * names every task to re-read; any other state (a restore, another episode) is read in full.
   */
  taskSource: SimState | null;
  stations: readonly StationObservation[];
}

/** An empty cache: the first observation through it builds every object. */
export function createObservationCache(): ObservationCache {
  return { loads: [], loadNode: new Int32Array(0), loadCarriedBy: new Int32Array(0), tasks: [], taskRows: new Int32Array(0), taskSource: null, stations: [] };
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
  let grid = gridViews.get(model);
  if (!grid) gridViews.set(model, (grid = Object.freeze({ cols: model.grid.cols, rows: model.grid.rows, cellM: model.grid.cellM })));
  return {
    tick: state.tick,
    timeSec: state.tick * model.dtSec,
    dtSec: model.dtSec,
    controlEvery: model.controlEvery,
    robots: observeRobots(model, state, scan),
    tasks,
    loads,
    stations,
    roadmap: model.roadmap,
    grid,
    storageNodes: model.storageNodes,
    chargerNodes: model.chargerNodes,
  };
}

function observeRobots(model: SimModel, state: SimState, scan: { beams: number; rangeM: number } | undefined): RobotObservation[] {
  const r = state.robots;
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
  const { node, carriedBy } = state.loads;
  const previous = cache.loads;
  const fresh = previous.length !== model.loads.length;
  let out: LoadObservation[] | null = fresh ? [] : null;
  for (let l = 0; l < model.loads.length; l++) {
    if (!fresh && node[l] === cache.loadNode[l] && carriedBy[l] === cache.loadCarriedBy[l]) {
      if (out) out.push(previous[l]!);
      continue;
    }
    if (!out) out = previous.slice(0, l);
    const load = model.loads[l]!;
    out.push(Object.freeze({ id: l, kind: load.kind, node: node[l]! >= 0 ? node[l]! : null, carriedBy: carriedBy[l]! >= 0 ? carriedBy[l]! : null, homeNode: load.homeNode }));
  }
  if (!out) return previous;
  cache.loadNode = node.slice();
  cache.loadCarriedBy = carriedBy.slice();
  return Object.freeze(out);
}

/** Raw task fields kept per cached task view: id, load, station, phase, robot, line count, created tick, ready. */
const TASK_FIELDS = 8;
const PHASE_CODES: Readonly<Record<TaskPhase, number>> = { open: 0, assigned: 1, carrying: 2, picking: 3, returning: 4, done: 5 };

/**
 * Task views. With a cache of this very state only the tasks it lists as changed are read;
 * otherwise every task is read and compared with the cached raw rows (both lists ascend by id).
 */
function observeTasks(state: SimState, cache: ObservationCache | null): readonly TaskObservation[] {
  const incremental = cache !== null && cache.taskSource === state && state.changedTasks[0] !== ALL_TASKS_CHANGED;
  const out = incremental ? observeChangedTasks(state, cache) : observeAllTasks(state, cache ?? createObservationCache());
  if (cache) {
    cache.tasks = out.views;
    cache.taskRows = out.rows;
    cache.taskSource = state;
    state.changedTasks.length = 0;
  }
  return out.views;
}

interface TaskViews {
  views: readonly TaskObservation[];
  rows: Int32Array;
}

function observeAllTasks(state: SimState, cache: ObservationCache): TaskViews {
  const tasks = state.tasks;
  const views: TaskObservation[] = new Array(tasks.length);
  const rows = new Int32Array(tasks.length * TASK_FIELDS);
  let p = 0;
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k]!;
    writeRow(state, t, rows, k * TASK_FIELDS);
    while (p < cache.tasks.length && cache.taskRows[p * TASK_FIELDS]! < t.id) p++;
    views[k] = p < cache.tasks.length && sameRow(rows, k * TASK_FIELDS, cache.taskRows, p * TASK_FIELDS) ? cache.tasks[p]! : taskView(t, rows, k * TASK_FIELDS);
  }
  return { views: Object.freeze(views), rows };
}

/** Merges the cached views (ascending id) with the tasks named in `state.changedTasks`. */
function observeChangedTasks(state: SimState, cache: ObservationCache): TaskViews {
  if (state.changedTasks.length === 0) return { views: cache.tasks, rows: cache.taskRows };
  const changed = Int32Array.from(new Set(state.changedTasks)).sort();
  const prevRows = cache.taskRows;
  const prevCount = cache.tasks.length;
  const views: TaskObservation[] = [];
  const rows = new Int32Array((prevCount + changed.length) * TASK_FIELDS);
  let p = 0;
  let c = 0;
  while (p < prevCount || c < changed.length) {
    const prevId = p < prevCount ? prevRows[p * TASK_FIELDS]! : Infinity;
    const id = c < changed.length ? changed[c]! : Infinity;
    const o = views.length * TASK_FIELDS;
    if (prevId < id) {
      for (let f = 0; f < TASK_FIELDS; f++) rows[o + f] = prevRows[p * TASK_FIELDS + f]!;
      views.push(cache.tasks[p++]!);
      continue;
    }
    const had = prevId === id ? p++ : -1;
    c++;
    const t = findTask(state, id);
    if (!t) continue; // done and dropped
    writeRow(state, t, rows, o);
    views.push(had >= 0 && sameRow(rows, o, prevRows, had * TASK_FIELDS) ? cache.tasks[had]! : taskView(t, rows, o));
  }
  return { views: Object.freeze(views), rows: rows.slice(0, views.length * TASK_FIELDS) };
}

function writeRow(state: SimState, t: TaskState, rows: Int32Array, o: number): void {
  rows[o] = t.id;
  rows[o + 1] = t.load;
  rows[o + 2] = t.station;
  rows[o + 3] = PHASE_CODES[t.phase];
  rows[o + 4] = t.robot;
  rows[o + 5] = t.lines.length;
  rows[o + 6] = t.createdTick;
  rows[o + 7] = state.loads.task[t.load] === t.id ? 1 : 0;
}

function taskView(t: TaskState, rows: Int32Array, o: number): TaskObservation {
  return Object.freeze({ id: t.id, load: t.load, station: t.station, phase: t.phase, robot: t.robot >= 0 ? t.robot : null, lineCount: t.lines.length, createdTick: t.createdTick, ready: rows[o + 7] === 1 });
}

function sameRow(a: Int32Array, ao: number, b: Int32Array, bo: number): boolean {
  for (let f = 0; f < TASK_FIELDS; f++) if (a[ao + f] !== b[bo + f]) return false;
  return true;
}

function observeStations(model: SimModel, state: SimState, previous: readonly StationObservation[]): readonly StationObservation[] {
  const out = model.stations.map((s) => {
    const raw = state.stations[s.id]!.pickingTask;
    const picking = raw >= 0 ? raw : null;
    const prev = previous[s.id];
    return prev && prev.node === s.node && prev.picking === picking ? prev : Object.freeze({ id: s.id, node: s.node, picking });
  });
  return Object.freeze(out);
}
