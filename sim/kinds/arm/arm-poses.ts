/** World poses of an arm's links, tool centre point and held thing, from its joints. */
import type { ArmThing } from './arm-compile.ts';
import { linkFrames } from './forward-kinematics.ts';
import { compose, invert, quatOf, translation, type Quat, type Transform } from './pose-math.ts';

/** A body pose: position and unit quaternion. */
export interface BodyPose {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly q: Quat;
}

export const poseOf = (t: Transform): BodyPose => ({ x: t[3]!, y: t[7]!, z: t[11]!, q: quatOf(t) });

/** World transforms of the link frames (base frame first, flange last). */
function worldFrames(arm: ArmThing, q: ArrayLike<number>): Transform[] {
  return linkFrames(arm.model, q).map((f) => compose(arm.base, f));
}

/** The body frame of each moving link segment, in the world. */
export function linkBodyTransforms(arm: ArmThing, q: ArrayLike<number>): Transform[] {
  const frames = worldFrames(arm, q);
  return arm.segments.map((s) => frames[s.frame]!);
}

/** The TCP in the world at joints `q`. */
export function tcpWorld(arm: ArmThing, q: ArrayLike<number>): Transform {
  const frames = worldFrames(arm, q);
  return compose(frames[frames.length - 1]!, translation(0, 0, arm.tool.lengthM));
}

/** The flange pose in the arm's base frame that puts the TCP at `tcp` (world). */
export function flangeTargetFor(arm: ArmThing, tcp: Transform): Transform {
  return compose(compose(invert(arm.base), tcp), translation(0, 0, -arm.tool.lengthM));
}

/** The axis-aligned box (in its body frame) around a link segment: centre and half extents. */
export function segmentBox(s: ArmThing['segments'][number]): { offset: [number, number, number]; half: [number, number, number] } {
  const offset: [number, number, number] = [(s.from[0] + s.to[0]) / 2, (s.from[1] + s.to[1]) / 2, (s.from[2] + s.to[2]) / 2];
  const half: [number, number, number] = [
    Math.abs(s.to[0] - s.from[0]) / 2 + s.radiusM,
    Math.abs(s.to[1] - s.from[1]) / 2 + s.radiusM,
    Math.abs(s.to[2] - s.from[2]) / 2 + s.radiusM,
  ];
  return { offset, half };
}
