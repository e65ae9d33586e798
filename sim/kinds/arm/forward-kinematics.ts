/**
 * Forward kinematics of the arm models, in the arm's base frame (z up, x forward at zero yaw).
 * `linkFrames` gives every link's frame (what its body is posed by); the last one is the flange,
 * whose z axis is the tool's approach direction.
 */
import { detCos, detSin } from '../../util/det-math.ts';
import type { ArmModelSpec, ArticulatedArmModel, ScaraArmModel } from './arm-model-spec.ts';
import { compose, dhTransform, identity, type Transform } from './pose-math.ts';

/** Frames of an articulated arm: base, then after each of the 6 joints (standard DH). */
function articulatedFrames(m: ArticulatedArmModel, q: ArrayLike<number>): Transform[] {
  const frames: Transform[] = [identity()];
  let t = frames[0]!;
  for (let i = 0; i < 6; i++) {
    const a = m.alphaRad[i]!;
    t = compose(t, dhTransform(detCos(q[i]!), detSin(q[i]!), m.dM[i]!, m.aM[i]!, detCos(a), detSin(a)));
    frames.push(t);
  }
  return frames;
}

/** Frames of a SCARA: base, arm #1 (after J1, at arm height), arm #2 (after J2), the flange (tool down). */
function scaraFrames(m: ScaraArmModel, q: ArrayLike<number>): Transform[] {
  const c1 = detCos(q[0]!),
    s1 = detSin(q[0]!);
  const c12 = detCos(q[0]! + q[1]!),
    s12 = detSin(q[0]! + q[1]!);
  const yaw = q[0]! + q[1]! + q[3]!;
  const cy = detCos(yaw),
    sy = detSin(yaw);
  const ex = m.link1M * c1,
    ey = m.link1M * s1;
  const x = ex + m.link2M * c12,
    y = ey + m.link2M * s12;
  return [
    identity(),
    [c1, -s1, 0, 0, s1, c1, 0, 0, 0, 0, 1, m.heightM],
    [c12, -s12, 0, ex, s12, c12, 0, ey, 0, 0, 1, m.heightM],
    // Flange: Rz(yaw) · Rx(π), the quill lowered by J3.
    [cy, sy, 0, x, sy, -cy, 0, y, 0, 0, -1, m.heightM - q[2]!],
  ];
}

/** Every link frame of `model` at joints `q`, base first, flange last. */
export function linkFrames(model: ArmModelSpec, q: ArrayLike<number>): Transform[] {
  return model.type === 'scara' ? scaraFrames(model, q) : articulatedFrames(model, q);
}

/** The flange pose at joints `q`. */
export function flangePose(model: ArmModelSpec, q: ArrayLike<number>): Transform {
  const frames = linkFrames(model, q);
  return frames[frames.length - 1]!;
}

/** A link's collision segment, fixed in the frame `frame` of {@link linkFrames}. */
export interface LinkSegment {
  readonly frame: number;
  readonly from: readonly [number, number, number];
  readonly to: readonly [number, number, number];
  readonly radiusM: number;
}

/**
 * The collision segments of a model's moving links (the base column is built separately).
 * Articulated: link i spans frame i−1's origin to frame i's, a fixed vector in frame i.
 * SCARA: arm #1 and arm #2 along their frames' x, the quill above the flange.
 */
export function linkSegments(model: ArmModelSpec, quillExtraM = 0.05): LinkSegment[] {
  if (model.type === 'scara') {
    const r = model.linkRadiusM;
    return [
      { frame: 1, from: [0, 0, 0], to: [model.link1M, 0, 0], radiusM: r },
      { frame: 2, from: [0, 0, 0], to: [model.link2M, 0, 0], radiusM: r },
      { frame: 3, from: [0, 0, 0], to: [0, 0, -(model.joints[2]!.max + quillExtraM)], radiusM: r * 0.5 },
    ];
  }
  return model.linkRadiusM.map((radiusM, i) => {
    const a = model.aM[i]!,
      d = model.dM[i]!,
      al = model.alphaRad[i]!;
    // Origin of frame i−1 in frame i: Rx(−α) · (−a, 0, −d).
    const ca = detCos(al),
      sa = detSin(al);
    return { frame: i + 1, from: [-a, sa * -d, ca * -d] as const, to: [0, 0, 0] as const, radiusM };
  });
}
