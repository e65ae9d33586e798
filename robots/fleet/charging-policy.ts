import type { FleetObservation, RobotObservation } from '../../sim/index.ts';
import { nodeDistanceM } from './occupancy.ts';

/** What a controller sees of the batteries (`observation.things.battery`, with a `batteries` section). */
interface BatteryView {
  readonly lowSocPct: number;
  readonly fullSocPct: number;
  readonly robots: readonly { readonly robot: number; readonly socPct: number; readonly stranded: boolean }[];
}

/** What a controller sees of one charger (`observation.things.charger[k]`). */
interface ChargerView {
  readonly id: number;
  readonly node: number;
  readonly queue: readonly number[];
  readonly occupant: number | null;
  readonly queueCapacity: number;
}

/** A step of the charging flow for one robot: drive to a node, or dock where it stands. */
export type ChargeStep = { kind: 'go'; goal: number } | { kind: 'act'; action: 'dock' };

/** Commands the charging policy issues besides steps (queue requests and releases go to the chargers). */
export type ChargeCommand =
  | { thing: 'charger'; kind: 'request'; robot: number; charger: number }
  | { thing: 'charger'; kind: 'release'; robot: number }
  | { kind: 'hold'; robot: number }
  | { kind: 'unassign'; robot: number };

/** This control tick's charging decisions. */
export interface ChargingPlan {
  /** Robots that are charging, queued or on their way: not available for work. */
  readonly busy: ReadonlySet<number>;
  readonly commands: readonly ChargeCommand[];
  /** Where each robot of the charging flow should go, or that it should dock, by robot id. */
  readonly steps: ReadonlyMap<number, ChargeStep>;
}

/** Seconds of expected wait one robot ahead in a charger's queue is worth, against metres of travel (at 1 m/s). */
const QUEUE_PENALTY_SEC = 120;

/**
 * The built-in charging policy, stateless (everything is read from the observation): a robot
 * under `lowSocPct` with no task joins the queue of the charger with the least expected wait plus
 * travel; one under half of that gives up a task it has not started (no load lifted yet). The head of
 * a queue drives to its charger and docks; a robot charged to `fullSocPct` is released and, when
 * others wait for its charger, drives off it. Returns null when the scenario has no batteries.
 */
export function planCharging(observation: FleetObservation): ChargingPlan | null {
  const battery = observation.things.battery as BatteryView | undefined;
  const chargers = observation.things.charger as readonly ChargerView[] | undefined;
  if (!battery || !chargers || chargers.length === 0) return null;
  const busy = new Set<number>();
  const commands: ChargeCommand[] = [];
  const steps = new Map<number, ChargeStep>();
  const queuedAt = new Map<number, ChargerView>();
  for (const c of chargers) for (const robot of c.queue) queuedAt.set(robot, c);
  const queueLength = chargers.map((c) => c.queue.length);
  const chargerNodes = new Set(chargers.map((c) => c.node));
  const waiting = chargers.some((c) => c.queue.some((r) => r !== c.occupant));
  for (const robot of observation.robots) {
    const b = battery.robots[robot.id];
    if (!b || b.stranded || robot.mode === 'faulted' || robot.mode === 'lifting' || robot.mode === 'dropping') continue;
    const charger = queuedAt.get(robot.id);
    if (robot.mode === 'docked') {
      if (b.socPct < battery.fullSocPct) {
        busy.add(robot.id);
        continue;
      }
      commands.push({ thing: 'charger', kind: 'release', robot: robot.id }, { kind: 'hold', robot: robot.id });
      continue;
    }
    if (charger) {
      busy.add(robot.id);
      if (charger.queue[0] !== robot.id || (charger.occupant !== null && charger.occupant !== robot.id)) continue;
      steps.set(robot.id, robot.atNode && robot.node === charger.node ? { kind: 'act', action: 'dock' } : { kind: 'go', goal: charger.node });
      continue;
    }
    const free = robot.task === null && robot.carrying === null;
    const critical = b.socPct < battery.lowSocPct / 2 && robot.carrying === null && robot.task !== null;
    if ((free && b.socPct < battery.lowSocPct) || critical) {
      const best = chooseCharger(observation, robot, chargers, queueLength);
      if (best < 0) continue;
      if (critical) commands.push({ kind: 'unassign', robot: robot.id });
      commands.push({ thing: 'charger', kind: 'request', robot: robot.id, charger: best });
      queueLength[best] = queueLength[best]! + 1;
      busy.add(robot.id);
      continue;
    }
    if (free && waiting && robot.atNode && chargerNodes.has(robot.node)) {
      const aside = nearestFreeNode(observation, robot, chargerNodes);
      if (aside >= 0) steps.set(robot.id, { kind: 'go', goal: aside });
    }
  }
  return { busy, commands, steps };
}

/** The charger with room whose queue wait plus travel is least (ties: lower id), or -1. */
function chooseCharger(observation: FleetObservation, robot: RobotObservation, chargers: readonly ChargerView[], queueLength: number[]): number {
  let best = -1;
  let bestCost = Infinity;
  for (const c of chargers) {
    if (queueLength[c.id]! >= c.queueCapacity || robot.node < 0) continue;
    const cost = queueLength[c.id]! * QUEUE_PENALTY_SEC + nodeDistanceM(observation, robot.node, c.node) / Math.max(0.1, robot.maxSpeedMps);
    if (cost < bestCost) {
      bestCost = cost;
      best = c.id;
    }
  }
  return best;
}

/** The nearest node (breadth first, up to 8 steps) that is no charger and holds no robot, or -1. */
function nearestFreeNode(observation: FleetObservation, robot: RobotObservation, chargerNodes: ReadonlySet<number>): number {
  const map = observation.roadmap;
  const taken = new Set<number>();
  for (const r of observation.robots) if (r.node >= 0) taken.add(r.node);
  const seen = new Set<number>([robot.node]);
  let frontier = [robot.node];
  for (let depth = 0; depth < 8 && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const n of frontier) {
      for (let e = map.edgeStart[n]!; e < map.edgeStart[n + 1]!; e++) {
        const m = map.edgeTarget[e]!;
        if (seen.has(m)) continue;
        seen.add(m);
        if (!chargerNodes.has(m) && !taken.has(m) && !observation.storageNodes.includes(m)) return m;
        next.push(m);
      }
    }
    frontier = next;
  }
  return -1;
}
