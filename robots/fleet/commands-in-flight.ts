import type { FleetObservation, RobotCommand, RobotObservation } from '../../sim/index.ts';

/** Saved form of {@link CommandsInFlight}: `[key, dueTick]` pairs and `[robot, route]` pairs. */
export interface CommandsInFlightState {
  robots: Array<[number, number]>;
  tasks: Array<[number, number]>;
  slots: Array<[number, number]>;
  routes: Array<[number, number[]]>;
}

/**
 * Ticks between issuing a command and the sim applying it: the `command.latency` fault's control
 * ticks (observation `things.fault.latencyControlTicks`) times `controlEvery`; 0 without the fault.
 */
export function commandLatencyTicks(observation: FleetObservation): number {
  const fault = observation.things.fault as { latencyControlTicks?: unknown } | undefined;
  const k = fault?.latencyControlTicks;
  return typeof k === 'number' && Number.isInteger(k) && k > 0 ? k * observation.controlEvery : 0;
}

/**
 * Whether a route handed to `robot` now that starts where it stands (when still) or at the
 * waypoint it drives to (when moving) is still valid when it lands, `latencyTicks` from now: a
 * still robot with no command in flight stays put; a moving one must still be short of that
 * waypoint after driving at top speed all that time (with a quarter cell to spare for pose
 * noise). Always true without latency.
 */
export function routeStillValidOnLanding(observation: FleetObservation, robot: RobotObservation, latencyTicks: number): boolean {
  if (latencyTicks === 0) return true;
  if (robot.mode !== 'follow' || robot.route.length === 0) return true;
  const map = observation.roadmap;
  const waypoint = robot.route[0]!;
  const distM = Math.hypot(map.nodeX[waypoint]! - robot.x, map.nodeZ[waypoint]! - robot.z);
  return distM > robot.maxSpeedMps * latencyTicks * observation.dtSec + 0.25 * observation.grid.cellM;
}

/**
 * What a composed controller has issued that the sim has not applied yet. Under `command.latency`
 * a command lands some control ticks after it was issued, and until then the observation still
 * shows the robot, task and errand slot as they were: re-planning from it would issue a second
 * assignment, lift or route that is no longer valid by the time it lands (rejected by the sim).
 * Robots, station tasks and errand slots with a command in flight are left alone until it lands,
 * and the nodes of a route in flight stay claimed for its robot. Empty without latency. Saved
 * with the controller (snapshots restore it).
 */
export class CommandsInFlight {
  private robots = new Map<number, number>();
  private tasks = new Map<number, number>();
  private slots = new Map<number, number>();
  private routeMap = new Map<number, number[]>();

  /** Forgets what has landed: a batch due on tick d is applied after the observation of tick d. */
  update(observation: FleetObservation): void {
    if (this.isEmpty()) return;
    const tick = observation.tick;
    for (const map of [this.robots, this.tasks, this.slots]) for (const [key, due] of map) if (due < tick) map.delete(key);
    for (const robot of this.routeMap.keys()) if (!this.robots.has(robot)) this.routeMap.delete(robot);
  }

  /** Records what this control tick issued, when it will land later than now. */
  record(observation: FleetObservation, commands: readonly RobotCommand[]): void {
    const latency = commandLatencyTicks(observation);
    if (latency === 0) return;
    const due = observation.tick + latency;
    for (const command of commands) {
      const c = command as RobotCommand & { thing?: string; slot?: number };
      if (typeof c.robot !== 'number') continue;
      this.robots.set(c.robot, due);
      if (c.thing === 'errand' && typeof c.slot === 'number') this.slots.set(c.slot, due);
      else if (c.kind === 'assign') this.tasks.set(c.task, due);
      else if (c.kind === 'follow') this.routeMap.set(c.robot, [...c.path]);
      else if (c.kind === 'hold' || c.kind === 'drive' || c.kind === 'goto') this.routeMap.delete(c.robot);
    }
  }

  isEmpty(): boolean {
    return this.robots.size === 0 && this.tasks.size === 0 && this.slots.size === 0;
  }

  hasRobot(robot: number): boolean {
    return this.robots.has(robot);
  }

  hasTask(task: number): boolean {
    return this.tasks.has(task);
  }

  hasSlot(slot: number): boolean {
    return this.slots.has(slot);
  }

  /** Robots with a command in flight, ascending id. */
  robotIds(): number[] {
    return [...this.robots.keys()].sort((a, b) => a - b);
  }

  /** Routes in flight by robot (the last `follow` each was sent). */
  routes(): ReadonlyMap<number, readonly number[]> {
    return this.routeMap;
  }

  save(): CommandsInFlightState {
    return { robots: [...this.robots], tasks: [...this.tasks], slots: [...this.slots], routes: [...this.routeMap] };
  }

  load(state: CommandsInFlightState | undefined): void {
    this.robots = new Map(state?.robots ?? []);
    this.tasks = new Map(state?.tasks ?? []);
    this.slots = new Map(state?.slots ?? []);
    this.routeMap = new Map(state?.routes ?? []);
  }
}
