import type { RobotModeName, RobotObservation } from '../../control/types.ts';
import { KindIndex } from '../../kind/kind-index.ts';
import type { SimModel } from '../../model/sim-model.ts';
import type { SimState } from '../../state/sim-state.ts';
import { rotateHeading } from '../../util/motion-math.ts';
import { RobotMode, robotRows } from './robot-columns.ts';
import { RobotNodeCache } from './robot-node-cache.ts';
import { standsStillAt } from './robot-position.ts';
import { robotSpecs } from './robot-specs.ts';

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
  state.physics.rangeScan(
    KindIndex.Robot,
    i,
    r.posX[i]!,
    r.posZ[i]!,
    robotRows.things(model)[i]!.model.footprint.heightM / 2,
    world,
    scan.rangeM,
    SCAN_LAYERS,
    out,
  );
  return out;
}

const EMPTY_ROUTE: readonly number[] = Object.freeze([]);

/**
 * The robots' part of the fleet observation (`observation.robots`): fresh views every control tick
 * (robots move). `nodes` is the observer's cache of the node under each robot, kept between
 * control ticks; without one a fresh cache is used.
 */
export function observeRobots(
  model: SimModel,
  state: SimState,
  scan: { beams: number; rangeM: number } | undefined,
  nodes: RobotNodeCache = new RobotNodeCache(),
): RobotObservation[] {
  const r = robotRows.table(state);
  const specs = robotSpecs(model);
  const { cols, rows } = model.grid;
  const robots: RobotObservation[] = new Array(r.count);
  nodes.prepare(model.roadmap, r.count);
  for (let i = 0; i < r.count; i++) {
    const spec = specs[i]!;
    const node = nodes.nodeOf(model.roadmap, cols, rows, i, r.posX[i]!, r.posZ[i]!);
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
      atNode: node >= 0 && standsStillAt(r, i, nodes.nodeX(i), nodes.nodeZ(i)),
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
