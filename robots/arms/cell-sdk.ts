/**
 * The arm controller SDK: command builders (`moveJ`, `moveP`, `moveL`, `grasp`, `release`,
 * `stop`), the composite `pick(item)` and `place(pose)` sequences, a reachability check that runs
 * the sim's own inverse kinematics, and `armsOf(observation)`.
 */
import {
  armCatalogKey,
  flangeTargetFor,
  poseTransform,
  solveIk,
  type ArmCommand,
  type ArmObservation,
  type ArmPose,
  type ArmThing,
  type FleetObservation,
  type ReachableThing,
} from '../../sim/index.ts';
import { baseTransform, TOOLS, type ArmModelSpec } from '../../sim/index.ts';
import { armModels } from './models.ts';

const DEG = 3.141592653589793 / 180;

/** The arms in an observation (empty when the scenario has none). */
export const armsOf = (o: FleetObservation): readonly ArmObservation[] => (o.things.arm as readonly ArmObservation[] | undefined) ?? [];

export const moveJ = (arm: number, jointsRad: readonly number[]): ArmCommand => ({ thing: 'arm', id: arm, kind: 'moveJ', jointsRad });
export const moveP = (arm: number, pose: ArmPose): ArmCommand => ({ thing: 'arm', id: arm, kind: 'moveP', pose });
export const moveL = (arm: number, pose: ArmPose): ArmCommand => ({ thing: 'arm', id: arm, kind: 'moveL', pose });
export const grasp = (arm: number): ArmCommand => ({ thing: 'arm', id: arm, kind: 'grasp' });
export const release = (arm: number): ArmCommand => ({ thing: 'arm', id: arm, kind: 'release' });
export const stop = (arm: number): ArmCommand => ({ thing: 'arm', id: arm, kind: 'stop' });

/** Options of {@link pick} and {@link place}. */
export interface PickPlaceOptions {
  /** Height of the approach pose above the grip or place pose (m). */
  readonly approachM?: number;
  /** Parallel jaw: close across the item's x axis (default) or its z axis. */
  readonly jawAcross?: 'x' | 'z';
}

/** The TCP pose that grips `item`: on its top face (suction), or 2 cm below it between the fingers (jaw). */
export function gripPose(arm: ArmObservation, item: ReachableThing, options: PickPlaceOptions = {}): ArmPose {
  if (arm.tool === 'suction') return { xM: item.xM, yM: item.topYM - 0.001, zM: item.zM, yawDeg: item.yawDeg };
  const across = options.jawAcross === 'z' ? 0 : 90;
  return { xM: item.xM, yM: item.topYM - Math.min(0.02, (item.topYM - item.bottomYM) / 2), zM: item.zM, yawDeg: item.yawDeg + across };
}

/** Approach, straight down to the grip, grasp, straight back up. */
export function pick(arm: ArmObservation, item: ReachableThing, options: PickPlaceOptions = {}): ArmCommand[] {
  const at = gripPose(arm, item, options);
  const above = { ...at, yM: at.yM + (options.approachM ?? 0.1) };
  return [moveP(arm.id, above), moveL(arm.id, at), grasp(arm.id), moveL(arm.id, above)];
}

/** Approach above `pose` (the TCP pose to release at), straight down, release, straight back up. */
export function place(arm: ArmObservation, pose: ArmPose, options: PickPlaceOptions = {}): ArmCommand[] {
  const above = { ...pose, yM: pose.yM + (options.approachM ?? 0.1) };
  return [moveP(arm.id, above), moveL(arm.id, pose), release(arm.id), moveL(arm.id, above)];
}

/** A compiled-arm stand-in for the kinematics: the model, tool and base of an observed arm. */
function armThingOf(arm: ArmObservation, model: ArmModelSpec): ArmThing {
  const yawRad = arm.base.yawDeg * DEG;
  return {
    id: arm.id,
    name: arm.name,
    model,
    tool: TOOLS[arm.tool],
    base: baseTransform(arm.base.xM, arm.base.yM, arm.base.zM, yawRad),
    baseXM: arm.base.xM,
    baseYM: arm.base.yM,
    baseZM: arm.base.zM,
    yawRad,
    homeQ: [],
    bodyOffset: 0,
    bodyCount: 0,
    segments: [],
    placeSlots: [],
    linear: { speedMps: 1, accelMps2: 1, turnRps: 1, turnAccelRps2: 1 },
  };
}

/** Whether `arm` can put its TCP at `pose` from its current joints (the sim's IK and limits), and if not, why. */
export function canReach(
  arm: ArmObservation,
  pose: ArmPose,
  models: Readonly<Record<string, ArmModelSpec>> = armModels,
): { ok: true; jointsRad: number[] } | { ok: false; reason: string } {
  const model = models[arm.model];
  if (!model) return { ok: false, reason: `unknown arm model ${arm.model} (key ${armCatalogKey(arm.model)})` };
  const t = poseTransform(pose);
  if (typeof t === 'string') return { ok: false, reason: t };
  const q = [...arm.jointsRad, 0, 0, 0, 0, 0, 0].slice(0, 6);
  const ik = solveIk(model, flangeTargetFor(armThingOf(arm, model), t), q);
  return ik.ok ? { ok: true, jointsRad: ik.q } : ik;
}
