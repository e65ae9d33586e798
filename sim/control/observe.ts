import type { SimModel } from '../model/sim-model.ts';
import { RobotMode, type SimState } from '../state/sim-state.ts';
import { robotNode } from '../step/apply-commands.ts';
import { rotateHeading } from '../util/motion-math.ts';
import type { FleetObservation, RobotModeName, RobotObservation } from './types.ts';

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

/** Builds the controller's view of the state: copies, never references into `SimState`. */
export function observe(model: SimModel, state: SimState, scan?: { beams: number; rangeM: number }): FleetObservation {
  const r = state.robots;
  const robots: RobotObservation[] = [];
  for (let i = 0; i < r.count; i++) {
    const spec = model.robots[i]!.model;
    const { node, atNode } = robotNode(model, state, i);
    robots.push({
      id: i,
      handles: spec.handles,
      x: r.posX[i]!,
      z: r.posZ[i]!,
      headingX: r.headX[i]!,
      headingZ: r.headZ[i]!,
      speedMps: r.speedMps[i]!,
      node,
      atNode,
      mode: robotModeName(r.mode[i]!, r.faultUntilTick[i]! >= 0),
      route: r.route[i]!.slice(),
      carrying: r.carriedLoad[i]! >= 0 ? r.carriedLoad[i]! : null,
      task: r.task[i]! >= 0 ? r.task[i]! : null,
      batteryWh: r.batteryWh[i]!,
      blockedSec: r.blockedTicks[i]! * model.dtSec,
      maxSpeedMps: spec.maxSpeedMps,
      maxTurnRps: spec.maxTurnRps,
      maxAccelMps2: spec.maxAccelMps2,
      ...(scan ? { scanM: scanRobot(model, state, i, scan) } : {}),
    });
  }
  return {
    tick: state.tick,
    timeSec: state.tick * model.dtSec,
    dtSec: model.dtSec,
    controlEvery: model.controlEvery,
    robots,
    tasks: state.tasks.map((t) => ({
      id: t.id,
      load: t.load,
      station: t.station,
      phase: t.phase,
      robot: t.robot >= 0 ? t.robot : null,
      lineCount: t.lines.length,
      createdTick: t.createdTick,
      ready: state.loads.task[t.load] === t.id,
    })),
    loads: model.loads.map((l) => ({
      id: l.id,
      kind: l.kind,
      node: state.loads.node[l.id]! >= 0 ? state.loads.node[l.id]! : null,
      carriedBy: state.loads.carriedBy[l.id]! >= 0 ? state.loads.carriedBy[l.id]! : null,
      homeNode: l.homeNode,
    })),
    stations: model.stations.map((s) => {
      const picking = state.stations[s.id]!.pickingTask;
      return { id: s.id, node: s.node, picking: picking >= 0 ? picking : null };
    }),
    roadmap: model.roadmap,
    grid: { cols: model.grid.cols, rows: model.grid.rows, cellM: model.grid.cellM },
    storageNodes: model.storageNodes,
    chargerNodes: model.chargerNodes,
  };
}
