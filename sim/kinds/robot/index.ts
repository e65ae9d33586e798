/** The robot kind's public face: what code outside this folder may import. */
export { RobotMode, ROBOT_COLUMNS, type RobotTable } from './robot-columns.ts';
export { isAtNode, robotNode, STILL_MPS } from './robot-position.ts';
export { FRAME_MODE_FAULTED } from './robot-frame.ts';
export { validateCommand } from './validate-command.ts';
export { SAMPLE_EVERY_SEC } from './sample-fleet.ts';
export { robotKind } from './robot-kind.ts';
export type { fleetSpecSchema } from './fleet-spec.ts';
export type { RobotStallEvent } from './robot-stall.ts';
export type { SafetyField } from './safety-field.ts';
export type { RobotScratch } from './robot-scratch.ts';
export { robotRows } from './robot-columns.ts';
export { robotModeName } from './robot-views.ts';
export type { RobotModel } from './robot-columns.ts';
export type { RobotFields } from './robot-columns.ts';
