/** The arm kind's events (added to `SimEventMap`). */
declare module '../../events/sim-event.ts' {
  interface SimEventMap {
    /** A command was refused (unreachable target, joint limit, busy, malformed …). */
    'arm.refused': { arm: number; command: string; reason: string };
    /** The gripper closed on (or sealed against) a holdable thing that it really touches. */
    'arm.grasped': { arm: number; itemKind: string; item: number };
    /** A grasp found nothing to hold within tolerance. */
    'grasp.failed': { arm: number; reason: string };
    /** The gripper let go on command; the thing is dynamic again. */
    'arm.released': { arm: number; itemKind: string; item: number };
    /** A held thing left the gripper without a release command (it slipped): a real dynamic body again. */
    'grasp.slipped': { arm: number; itemKind: string; item: number; reason: string };
    /** A pick-and-place cycle ended: from the first move with an empty gripper to the release. */
    'arm.cycle': { arm: number; cycleSec: number };
  }
}
export {};
