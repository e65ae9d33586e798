import type { SimEvent } from '../../sim/index.ts';

/**
 * Reward weights, each applied per KPI event of a step. Per-robot terms go to the robot the event
 * names; fleet terms (orders, lateness) are split evenly over the agents.
 */
export interface RewardWeights {
  /** Per `task.completed` (the robot stored the load after presenting it): default 1. */
  taskCompleted?: number;
  /** Per `pick.completed` of a robot's task (one order line picked): default 0. */
  linePicked?: number;
  /** Per `order.delivered`, shared by the fleet: default 0. */
  orderDelivered?: number;
  /** Per second an order is delivered later than `dueSec` after its release, shared: default 0 (e.g. −0.01). */
  latenessPerSec?: number;
  /** An order's due time after release, seconds, for `latenessPerSec`: default 300. */
  dueSec?: number;
  /** Per `contact.began` the robot (or the load it carries) takes part in: default −1. */
  collision?: number;
  /** Per `deadlock.detected` the robot is part of: default −1. */
  deadlock?: number;
  /** Per action that could not be carried out (a blocked move, interact with nothing to do): default −0.01. */
  invalidAction?: number;
  /** Every step, every agent (a time cost): default 0. */
  step?: number;
}

/** The defaults of {@link RewardWeights}. */
export const DEFAULT_REWARDS: Required<RewardWeights> = Object.freeze({
  taskCompleted: 1,
  linePicked: 0,
  orderDelivered: 0,
  latenessPerSec: 0,
  dueSec: 300,
  collision: -1,
  deadlock: -1,
  invalidAction: -0.01,
  step: 0,
});

/** What ended an episode early, if it happens (see `terminateOn`). */
export type TerminationCause = 'collision' | 'deadlock';

/** Rewards of one step and what happened in it. */
export interface StepOutcome {
  rewards: Float64Array;
  /** Causes (from `terminateOn`) that occurred this step. */
  causes: TerminationCause[];
  /** Counts of the KPI events of the step. */
  counts: { tasksCompleted: number; ordersDelivered: number; collisions: number; deadlocks: number; invalidActions: number };
}

/** `robot:3` → 3; anything else → -1. */
function robotOf(label: string, carrierOfLoad: (load: number) => number): number {
  const colon = label.indexOf(':');
  const id = Number(label.slice(colon + 1));
  if (label.startsWith('robot:')) return id;
  if (label.startsWith('load:')) return carrierOfLoad(id);
  return -1;
}

/** Folds one step's events into per-agent rewards. */
export function scoreStep(
  events: readonly SimEvent[],
  robots: number,
  weights: Required<RewardWeights>,
  invalid: Uint8Array,
  carrierOfLoad: (load: number) => number,
): StepOutcome {
  const rewards = new Float64Array(robots).fill(weights.step);
  const causes = new Set<TerminationCause>();
  const counts = { tasksCompleted: 0, ordersDelivered: 0, collisions: 0, deadlocks: 0, invalidActions: 0 };
  let shared = 0;
  const taskRobot = new Map<number, number>();
  for (const e of events) {
    if (e.type === 'task.assigned') taskRobot.set(e.task, e.robot);
    if (e.type === 'task.completed') {
      counts.tasksCompleted += 1;
      if (e.robot >= 0 && e.robot < robots) rewards[e.robot]! += weights.taskCompleted;
    } else if (e.type === 'pick.started') {
      taskRobot.set(e.task, e.robot);
    } else if (e.type === 'pick.completed') {
      const r = taskRobot.get(e.task);
      if (r !== undefined && r < robots) rewards[r]! += weights.linePicked;
    } else if (e.type === 'order.delivered') {
      counts.ordersDelivered += 1;
      shared += weights.orderDelivered + weights.latenessPerSec * Math.max(0, e.cycleSec - weights.dueSec);
    } else if (e.type === 'contact.began') {
      counts.collisions += 1;
      causes.add('collision');
      for (const label of [e.a, e.b]) {
        const r = robotOf(label, carrierOfLoad);
        if (r >= 0 && r < robots) rewards[r]! += weights.collision;
      }
    } else if (e.type === 'deadlock.detected') {
      counts.deadlocks += 1;
      causes.add('deadlock');
      for (const r of e.robots) if (r >= 0 && r < robots) rewards[r]! += weights.deadlock;
    }
  }
  for (let r = 0; r < robots; r++) {
    if (invalid[r] === 1) {
      rewards[r]! += weights.invalidAction;
      counts.invalidActions += 1;
    }
    if (shared !== 0) rewards[r]! += shared / robots;
  }
  return { rewards, causes: [...causes], counts };
}
