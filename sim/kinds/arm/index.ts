/** The arm kind and its kinematics (exported through `sim/index.ts`). */
export { armKind } from './arm-kind.ts';
export { armModelSchema, armCatalogKey, jointCount, type ArmModelSpec, type ArticulatedArmModel, type ScaraArmModel } from './arm-model-spec.ts';
export { armsSpecSchema, type ArmEntrySpec, type ArmsSpec } from './arm-spec.ts';
export { ARM_COLUMNS, ArmPhase, armTable, type ArmTable } from './arm-columns.ts';
export { baseTransform, type ArmThing } from './arm-compile.ts';
export { flangePose, linkFrames } from './forward-kinematics.ts';
export { solveIk, limitViolation, IK_TOLERANCE, type IkResult } from './inverse-kinematics.ts';
export { planJointMove, planLinearMove, limitRatio, type MovePlan, type LinearLimits } from './joint-trajectory.ts';
export { syncProfile, profileAt, type Profile } from './trapezoid.ts';
export { compose, invert, fromPose, quatOf, originDistance, rotationAngle, toolDown, type Transform, type Quat } from './pose-math.ts';
export { poseTransform, type ArmCommand, type ArmPose } from './arm-commands.ts';
export { flangeTargetFor, tcpWorld } from './arm-poses.ts';
export { TOOLS, holdingForceN, type ToolSpec, type ToolType } from './tools.ts';
export { ARM_FRAME_FIELDS, ARM_FRAME_BOXES } from './arm-frame.ts';
export type { ArmObservation, ReachableThing } from './arm-observe.ts';
export { armKpis } from './arm-kpis.ts';
