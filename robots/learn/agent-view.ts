import type { FleetObservation, RobotObservation } from '../../sim/index.ts';
import { agentGoals, allowedMoves, hintMove, isReady, type AgentGoal } from './agent-goals.ts';
import { syncHintCache, type HintCache } from './hint-cache.ts';
import { box, dict, discrete, type DictSpace } from './spaces.ts';

/** What a per-robot local view contains. */
export interface ViewOptions {
  /** Side of the square occupancy patch around the robot, in cells (odd). Default 5. */
  patchCells?: number;
  /** Range-scan beams per robot (0: no `scanM` entry). Default 0. */
  scanBeams?: number;
  /** Range of the scan, metres. Default 4. */
  scanRangeM?: number;
}

/**
 * One robot's local view, every entry an array or an integer (a member of {@link agentObservationSpace}).
 * World-aligned: x grows east, z grows south; patch row 0 is the northernmost.
 */
export interface AgentObservation {
  /**
   * Occupancy patch `[3, P, P]` centred on the robot's cell, row-major, 0/1: channel 0 a cell
   * that is no floor (wall or outside the layout), 1 a cell where another robot stands, 2 a cell
   * where a load rests.
   */
  patch: Uint8Array;
  /** Unit vector (x, z) from the robot to its goal node's centre; (0, 0) without a goal or on it. */
  goalDir: Float32Array;
  /** `[metres]`: straight-line (Euclidean) distance from the robot to its goal node's centre; 0 without a goal. */
  goalDistM: Float32Array;
  /** One-hot `[N, E, S, W, interact]`: the first move of the static shortest path to the goal, or interact when the robot should lift/drop where it stands. All 0 while not `ready`. */
  hint: Uint8Array;
  /** `[N, E, S, W]` 0/1: which moves the roadmap allows from the robot's node (for a loaded robot: not into a node where a load rests). The action mask of the `moves` actions. */
  moves: Uint8Array;
  /** Heading unit vector (x, z). */
  heading: Float32Array;
  /** `[m/s]` signed forward speed. */
  speedMps: Float32Array;
  /** `[Wh]` battery charge (every built-in model has a battery). */
  batteryWh: Float32Array;
  /** `[metres]` range scan (only with `scanBeams > 0`): beam 0 straight ahead, then counter-clockwise. */
  scanM?: Float32Array;
  /** 1 while the robot carries a load. */
  carrying: number;
  /** 0 no task, 1 fetching its load, 2 at / bound for the station, 3 returning the load. */
  phase: number;
  /** 1 when a move action takes effect now (on a node, no route left, not lifting, dropping or faulted). */
  ready: number;
}

/** Limits of a floor that bound the spaces: layout size and the fastest robot. */
export interface ViewBounds {
  cols: number;
  rows: number;
  cellM: number;
  maxSpeedMps: number;
  maxBatteryWh: number;
}

/** The space of one robot's {@link AgentObservation}. */
export function agentObservationSpace(options: ViewOptions, bounds: ViewBounds): DictSpace {
  const p = patchSide(options);
  const diagonalM = Math.sqrt((bounds.cols * bounds.cellM) ** 2 + (bounds.rows * bounds.cellM) ** 2);
  const beams = options.scanBeams ?? 0;
  return dict({
    patch: box([3, p, p], 0, 1, 'uint8'),
    goalDir: box([2], -1, 1),
    goalDistM: box([1], 0, Math.ceil(diagonalM)),
    hint: box([5], 0, 1, 'uint8'),
    moves: box([4], 0, 1, 'uint8'),
    heading: box([2], -1, 1),
    speedMps: box([1], -bounds.maxSpeedMps, bounds.maxSpeedMps),
    batteryWh: box([1], 0, bounds.maxBatteryWh),
    ...(beams > 0 ? { scanM: box([beams], 0, options.scanRangeM ?? 4) } : {}),
    carrying: discrete(2),
    phase: discrete(4),
    ready: discrete(2),
  });
}

function patchSide(options: ViewOptions): number {
  const p = options.patchCells ?? 5;
  if (!Number.isInteger(p) || p < 1 || p % 2 === 0) throw new Error(`patchCells must be an odd positive integer, got ${p}`);
  return p;
}

/** Every robot's view of this control tick, with the goals they were computed from (`cache`: a per-episode memo of hints, same result). */
export function agentViews(observation: FleetObservation, options: ViewOptions, cache?: HintCache): { views: AgentObservation[]; goals: AgentGoal[] } {
  const goals = agentGoals(observation);
  if (cache) syncHintCache(cache, observation);
  const p = patchSide(options);
  const map = observation.roadmap;
  const { cols, rows } = observation.grid;
  const robotAt = new Int32Array(map.nodeCount).fill(-1);
  for (const r of observation.robots) if (r.node >= 0) robotAt[r.node] = r.id;
  const loadAt = new Uint8Array(map.nodeCount);
  for (const l of observation.loads) if (l.node !== null) loadAt[l.node] = 1;
  const views = observation.robots.map((robot) => viewOf(observation, robot, goals[robot.id]!, p, robotAt, loadAt, cols, rows, options, cache));
  return { views, goals };
}

function viewOf(
  observation: FleetObservation,
  robot: RobotObservation,
  goal: AgentGoal,
  p: number,
  robotAt: Int32Array,
  loadAt: Uint8Array,
  cols: number,
  rows: number,
  options: ViewOptions,
  cache: HintCache | undefined,
): AgentObservation {
  const map = observation.roadmap;
  const patch = new Uint8Array(3 * p * p);
  if (robot.node >= 0) {
    const cell = map.nodeCell[robot.node]!;
    const r0 = Math.floor(cell / cols) - (p - 1) / 2;
    const c0 = (cell % cols) - (p - 1) / 2;
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        const r = r0 + i;
        const c = c0 + j;
        const node = r < 0 || c < 0 || r >= rows || c >= cols ? -1 : map.cellNode[r * cols + c]!;
        const k = i * p + j;
        if (node < 0) patch[k] = 1;
        else {
          if (robotAt[node]! >= 0 && robotAt[node] !== robot.id) patch[p * p + k] = 1;
          if (loadAt[node] === 1) patch[2 * p * p + k] = 1;
        }
      }
    }
  } else patch.fill(1, 0, p * p);
  const goalDir = new Float32Array(2);
  const goalDistM = new Float32Array(1);
  if (goal.node >= 0) {
    const dx = map.nodeX[goal.node]! - robot.x;
    const dz = map.nodeZ[goal.node]! - robot.z;
    const d = Math.sqrt(dx * dx + dz * dz);
    goalDistM[0] = d;
    if (d > 1e-6) {
      goalDir[0] = Math.max(-1, Math.min(1, dx / d));
      goalDir[1] = Math.max(-1, Math.min(1, dz / d));
    }
  }
  const ready = isReady(robot);
  const hint = new Uint8Array(5);
  if (ready) {
    if (goal.act !== null) hint[4] = 1;
    else {
      const dir = hintMove(observation, robot, goal, cache);
      if (dir >= 0) hint[dir] = 1;
    }
  }
  const view: AgentObservation = {
    patch,
    goalDir,
    goalDistM,
    hint,
    moves: Uint8Array.from(allowedMoves(observation, robot)),
    heading: Float32Array.of(robot.headingX, robot.headingZ),
    speedMps: Float32Array.of(Math.max(-robot.maxSpeedMps, Math.min(robot.maxSpeedMps, robot.speedMps))),
    batteryWh: Float32Array.of(Math.max(0, robot.batteryWh)),
    carrying: robot.carrying !== null ? 1 : 0,
    phase: goal.phase,
    ready: ready ? 1 : 0,
  };
  const beams = options.scanBeams ?? 0;
  if (beams > 0) {
    const range = options.scanRangeM ?? 4;
    view.scanM = robot.scanM ? Float32Array.from(robot.scanM, (v) => Math.max(0, Math.min(range, v))) : new Float32Array(beams).fill(range);
  }
  return view;
}

/** Length of {@link flattenAgentObservation}'s vector for a patch side `p`. */
export function flatFeatureCount(patchCells = 5): number {
  return 3 * patchCells * patchCells + 21;
}

/**
 * The feature vector a neural policy reads (float32): patch, goalDir, goalDistM / 10, hint, moves,
 * heading, speedMps, carrying, ready, phase one-hot (4). Battery and scan are not in it.
 */
export function flattenAgentObservation(view: AgentObservation, out: Float32Array = new Float32Array(view.patch.length + 21), offset = 0): Float32Array {
  let k = offset;
  for (const v of view.patch) out[k++] = v;
  out[k++] = view.goalDir[0]!;
  out[k++] = view.goalDir[1]!;
  out[k++] = view.goalDistM[0]! / 10;
  for (const v of view.hint) out[k++] = v;
  for (const v of view.moves) out[k++] = v;
  out[k++] = view.heading[0]!;
  out[k++] = view.heading[1]!;
  out[k++] = view.speedMps[0]!;
  out[k++] = view.carrying;
  out[k++] = view.ready;
  for (let ph = 0; ph < 4; ph++) out[k++] = view.phase === ph ? 1 : 0;
  return out;
}
