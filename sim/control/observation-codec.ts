/**
 * A compact, lossless encoding of a {@link FleetObservation} for handing it across a thread
 * boundary (an isolated controller): the parts that never change in an episode (roadmap, grid,
 * storage and charger nodes) go once in a {@link StaticObservation}; every control tick sends a
 * few flat typed arrays (transferable, no deep structured clone of thousands of objects) and, only
 * when other kinds hand out views, the views that changed since the last tick (structured-cloned;
 * see `things-delta.ts`). The decoder rebuilds equal, frozen views and reuses the load, task,
 * station and kind views that did not change.
 */
import type { Roadmap } from '../model/roadmap.ts';
import { ThingsDeltaDecoder, ThingsDeltaEncoder, type ThingsDelta } from './things-delta.ts';
import type { TaskPhase } from './types.ts';
import type { FleetObservation, LoadObservation, RobotModeName, RobotObservation, StationObservation, TaskObservation } from './types.ts';

/** What stays the same for a whole episode; sent once, before the first control tick. */
export interface StaticObservation {
  dtSec: number;
  controlEvery: number;
  roadmap: Roadmap;
  grid: { cols: number; rows: number; cellM: number };
  storageNodes: readonly number[];
  chargerNodes: readonly number[];
}

/** One control tick's observation as flat arrays (all transferable). */
export interface EncodedObservation {
  tick: number;
  timeSec: number;
  /** Robots, {@link ROBOT_F64} numbers each. */
  robots: Float64Array;
  /** Concatenated routes of the robots (lengths in `robots`). */
  routes: Int32Array;
  /** Concatenated range scans, or an empty array. */
  scans: Float32Array;
  /** Tasks, {@link TASK_I32} integers each. */
  tasks: Int32Array;
  /** Loads, {@link LOAD_I32} integers each. */
  loads: Int32Array;
  /** Stations, {@link STATION_I32} integers each. */
  stations: Int32Array;
  /** Holder kind names the loads refer to by index. */
  holderKinds: string[];
  /** Load type names (`pod`, `tote` …) the robots and loads refer to by index. */
  loadTypes: string[];
  /**
   * `observation.things` (structured-cloned with the message) as changed since the last
   * observation sent (see `ThingsDeltaEncoder`), or null when no kind hands out views.
   */
  things: ThingsDelta | null;
}

const ROBOT_F64 = 18;
const TASK_I32 = 8;
const LOAD_I32 = 6;
const STATION_I32 = 3;

const PHASES: readonly TaskPhase[] = ['open', 'assigned', 'carrying', 'picking', 'returning', 'done'];
const MODES: readonly RobotModeName[] = ['hold', 'drive', 'follow', 'lifting', 'dropping', 'docked', 'faulted'];

const nullable = (v: number | null): number => (v === null ? -1 : v);
const orNull = (v: number): number | null => (v < 0 ? null : v);

/** The parts of an observation that never change within an episode. */
export function staticObservationOf(o: FleetObservation): StaticObservation {
  return {
    dtSec: o.dtSec,
    controlEvery: o.controlEvery,
    roadmap: o.roadmap,
    grid: { ...o.grid },
    storageNodes: [...o.storageNodes],
    chargerNodes: [...o.chargerNodes],
  };
}

/** Encodes control ticks' observations of one episode (the static parts are left out). */
export interface ObservationEncoder {
  encode(o: FleetObservation): EncodedObservation;
}

/** An encoder whose holder-kind and load-type tables only grow, so a row means the same on every tick. */
export function createObservationEncoder(): ObservationEncoder {
  const holderKinds: string[] = [];
  const loadTypes: string[] = [];
  const things = new ThingsDeltaEncoder();
  return { encode: (o) => encodeObservation(o, holderKinds, loadTypes, things) };
}

/** The index of `name` in a growing name table (added when new). */
function nameIndex(table: string[], name: string): number {
  const i = table.indexOf(name);
  return i >= 0 ? i : table.push(name) - 1;
}

function encodeObservation(o: FleetObservation, holderKinds: string[], loadTypes: string[], thingsEncoder: ThingsDeltaEncoder): EncodedObservation {
  const n = o.robots.length;
  const robots = new Float64Array(n * ROBOT_F64);
  let routeLength = 0;
  let scanLength = 0;
  for (const r of o.robots) {
    routeLength += r.route.length;
    scanLength += r.scanM?.length ?? 0;
  }
  const routes = new Int32Array(routeLength);
  const scans = new Float32Array(scanLength);
  let rp = 0;
  let sp = 0;
  for (let i = 0; i < n; i++) {
    const r = o.robots[i]!;
    const b = i * ROBOT_F64;
    robots[b] = r.id;
    robots[b + 1] = nameIndex(loadTypes, r.handles);
    robots[b + 2] = r.x;
    robots[b + 3] = r.z;
    robots[b + 4] = r.headingX;
    robots[b + 5] = r.headingZ;
    robots[b + 6] = r.speedMps;
    robots[b + 7] = r.node;
    robots[b + 8] = r.atNode ? 1 : 0;
    robots[b + 9] = MODES.indexOf(r.mode);
    robots[b + 10] = nullable(r.carrying);
    robots[b + 11] = nullable(r.task);
    robots[b + 12] = r.batteryWh;
    robots[b + 13] = r.blockedSec;
    robots[b + 14] = r.maxSpeedMps;
    robots[b + 15] = r.maxTurnRps;
    robots[b + 16] = r.maxAccelMps2;
    robots[b + 17] = r.route.length + (r.scanM ? r.scanM.length * 65536 : 0);
    for (const node of r.route) routes[rp++] = node;
    if (r.scanM) {
      scans.set(r.scanM, sp);
      sp += r.scanM.length;
    }
  }
  const tasks = new Int32Array(o.tasks.length * TASK_I32);
  o.tasks.forEach((t, k) => {
    tasks.set([t.id, t.load, t.station, PHASES.indexOf(t.phase), nullable(t.robot), t.lineCount, t.createdTick, t.ready ? 1 : 0], k * TASK_I32);
  });
  const loads = new Int32Array(o.loads.length * LOAD_I32);
  o.loads.forEach((l, k) => {
    const holder = l.holder ? nameIndex(holderKinds, l.holder.kind) : -1;
    const b = k * LOAD_I32;
    loads[b] = l.id;
    loads[b + 1] = nameIndex(loadTypes, l.kind);
    loads[b + 2] = nullable(l.node);
    loads[b + 3] = nullable(l.carriedBy);
    loads[b + 4] = holder === -1 ? -1 : holder + (l.holder!.id + 1) * 256;
    loads[b + 5] = l.homeNode;
  });
  const stations = new Int32Array(o.stations.length * STATION_I32);
  o.stations.forEach((s, k) => stations.set([s.id, s.node, nullable(s.picking)], k * STATION_I32));
  const things = Object.keys(o.things).length > 0 ? thingsEncoder.encode(o.things) : null;
  return { tick: o.tick, timeSec: o.timeSec, robots, routes, scans, tasks, loads, stations, holderKinds: [...holderKinds], loadTypes: [...loadTypes], things };
}

/** The buffers of an encoded observation, for a zero-copy `postMessage` transfer list. */
export function transferablesOf(e: EncodedObservation): ArrayBuffer[] {
  return [e.robots, e.routes, e.scans, e.tasks, e.loads, e.stations].map((a) => a.buffer as ArrayBuffer);
}

const EMPTY_ROUTE: readonly number[] = Object.freeze([]);
const NO_THINGS: Readonly<Record<string, unknown>> = Object.freeze({});

/** Rebuilds observations on the controller's side, reusing unchanged load, task and station views. */
export interface ObservationDecoder {
  decode(e: EncodedObservation): FleetObservation;
}

/** A decoder for one episode with the given static parts. */
export function createObservationDecoder(fixed: StaticObservation): ObservationDecoder {
  const grid = Object.freeze({ ...fixed.grid });
  const storageNodes = Object.freeze([...fixed.storageNodes]);
  const chargerNodes = Object.freeze([...fixed.chargerNodes]);
  const roadmap = Object.isFrozen(fixed.roadmap) ? fixed.roadmap : (Object.freeze({ ...fixed.roadmap }) as Roadmap);
  let loadRows: Int32Array = new Int32Array(0);
  let loadViews: readonly LoadObservation[] = Object.freeze([]);
  const taskViews = new Map<number, { row: Int32Array; view: TaskObservation }>();
  let stationRows: Int32Array = new Int32Array(0);
  let stationViews: readonly StationObservation[] = Object.freeze([]);
  const thingsDecoder = new ThingsDeltaDecoder();
  return {
    decode(e) {
      const robots: RobotObservation[] = new Array(e.robots.length / ROBOT_F64);
      let rp = 0;
      let sp = 0;
      for (let i = 0; i < robots.length; i++) {
        const a = e.robots;
        const b = i * ROBOT_F64;
        const lengths = a[b + 17]!;
        const routeLength = lengths % 65536;
        const scanLength = (lengths - routeLength) / 65536;
        const view: { -readonly [K in keyof RobotObservation]: RobotObservation[K] } = {
          id: a[b]!,
          handles: e.loadTypes[a[b + 1]!]!,
          x: a[b + 2]!,
          z: a[b + 3]!,
          headingX: a[b + 4]!,
          headingZ: a[b + 5]!,
          speedMps: a[b + 6]!,
          node: a[b + 7]!,
          atNode: a[b + 8] === 1,
          mode: MODES[a[b + 9]!]!,
          route: routeLength === 0 ? EMPTY_ROUTE : routeAt(e.routes, rp, routeLength),
          carrying: orNull(a[b + 10]!),
          task: orNull(a[b + 11]!),
          batteryWh: a[b + 12]!,
          blockedSec: a[b + 13]!,
          maxSpeedMps: a[b + 14]!,
          maxTurnRps: a[b + 15]!,
          maxAccelMps2: a[b + 16]!,
        };
        rp += routeLength;
        if (scanLength > 0) {
          view.scanM = e.scans.slice(sp, sp + scanLength);
          sp += scanLength;
        }
        robots[i] = view;
      }
      const tasks = decodeTasks(e.tasks, taskViews);
      if (!sameRows(loadRows, e.loads)) {
        loadViews = decodeLoads(e, loadRows, loadViews);
        loadRows = e.loads;
      }
      if (!sameRows(stationRows, e.stations)) {
        const out: StationObservation[] = [];
        for (let k = 0; k < e.stations.length; k += STATION_I32) {
          const prev = stationViews[k / STATION_I32];
          const row = e.stations.subarray(k, k + STATION_I32);
          out.push(
            prev && prev.id === row[0] && prev.node === row[1] && nullable(prev.picking) === row[2]
              ? prev
              : Object.freeze({ id: row[0]!, node: row[1]!, picking: orNull(row[2]!) }),
          );
        }
        stationViews = Object.freeze(out);
        stationRows = e.stations;
      }
      return {
        tick: e.tick,
        timeSec: e.timeSec,
        dtSec: fixed.dtSec,
        controlEvery: fixed.controlEvery,
        robots,
        tasks,
        loads: loadViews,
        stations: stationViews,
        roadmap,
        grid,
        storageNodes,
        chargerNodes,
        things: e.things === null ? NO_THINGS : thingsDecoder.decode(e.things),
      };
    },
  };
}

/** `length` nodes of `routes` from `start`, as an array (copied entry by entry: no subarray view made and dropped per robot). */
function routeAt(routes: Int32Array, start: number, length: number): number[] {
  const route: number[] = [];
  for (let k = 0; k < length; k++) route.push(routes[start + k]!);
  return route;
}

function decodeTasks(rows: Int32Array, cache: Map<number, { row: Int32Array; view: TaskObservation }>): readonly TaskObservation[] {
  const out: TaskObservation[] = [];
  const seen = new Set<number>();
  for (let k = 0; k < rows.length; k += TASK_I32) {
    const row = rows.subarray(k, k + TASK_I32);
    const id = row[0]!;
    seen.add(id);
    const prev = cache.get(id);
    if (prev && sameRows(prev.row, row)) {
      out.push(prev.view);
      continue;
    }
    const view: TaskObservation = Object.freeze({
      id,
      load: row[1]!,
      station: row[2]!,
      phase: PHASES[row[3]!]!,
      robot: orNull(row[4]!),
      lineCount: row[5]!,
      createdTick: row[6]!,
      ready: row[7] === 1,
    });
    cache.set(id, { row: row.slice(), view });
    out.push(view);
  }
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return Object.freeze(out);
}

function decodeLoads(e: EncodedObservation, prevRows: Int32Array, prev: readonly LoadObservation[]): readonly LoadObservation[] {
  const rows = e.loads;
  const out: LoadObservation[] = [];
  for (let k = 0; k < rows.length; k += LOAD_I32) {
    const l = k / LOAD_I32;
    if (prevRows.length === rows.length && sameRows(prevRows.subarray(k, k + LOAD_I32), rows.subarray(k, k + LOAD_I32))) {
      out.push(prev[l]!);
      continue;
    }
    const packed = rows[k + 4]!;
    const holder = packed < 0 ? null : Object.freeze({ kind: e.holderKinds[packed % 256]!, id: Math.floor(packed / 256) - 1 });
    out.push(
      Object.freeze({
        id: rows[k]!,
        kind: e.loadTypes[rows[k + 1]!]!,
        node: orNull(rows[k + 2]!),
        carriedBy: orNull(rows[k + 3]!),
        holder,
        homeNode: rows[k + 5]!,
      }),
    );
  }
  return Object.freeze(out);
}

function sameRows(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
