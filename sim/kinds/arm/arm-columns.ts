import { col, type ThingTable } from '../../state/columns.ts';
import { defineKind } from '../../kind/define-kind.ts';

/** Arm phases: idle, following a planned path, opening/closing its gripper. */
export const ArmPhase = { Idle: 0, Moving: 1, Gripping: 2 } as const;

/** Gripper operation in progress during `Gripping`. */
export const GripOp = { None: 0, Grasp: 1, Release: 2 } as const;

/**
 * One row per arm. Joints `q0`…`q5` (rad; a SCARA's J3 in m; unused joints stay 0). `path` holds
 * the planned joint samples (6 numbers per tick), `pathAt` the next one. The held thing is `(holdKind,
 * holdId)` at `holdRel` (its pose in the TCP frame: x, y, z, qx, qy, qz, qw). TCP position and
 * velocity of the last tick feed the slip check. `cycleStartTick` marks the start of a pick.
 */
export const ARM_COLUMNS = {
  q0: col.f64(),
  q1: col.f64(),
  q2: col.f64(),
  q3: col.f64(),
  q4: col.f64(),
  q5: col.f64(),
  phase: col.u8(ArmPhase.Idle),
  path: col.list(),
  pathAt: col.i32(),
  gripOp: col.u8(GripOp.None),
  gripUntilTick: col.i32(-1),
  holdKind: col.i32(-1),
  holdId: col.i32(-1),
  holdRel: col.list(),
  holdMassKg: col.f64(),
  jawOpeningM: col.f64(),
  tcpX: col.f64(),
  tcpY: col.f64(),
  tcpZ: col.f64(),
  tcpVx: col.f64(),
  tcpVy: col.f64(),
  tcpVz: col.f64(),
  cycleStartTick: col.i32(-1),
  commandsDone: col.i32(),
} as const;

export type ArmTable = ThingTable<typeof ARM_COLUMNS>;

/** The arm kind's typed handle: its id, columns and table. */
const armRows = defineKind('arm', ARM_COLUMNS);

/** The arms' table of a state. */
export const armTable = (state: { things: Record<string, ThingTable> }): ArmTable => armRows.table(state);

const Q = ['q0', 'q1', 'q2', 'q3', 'q4', 'q5'] as const;

/** The joints of arm `i` (6 values). */
export function jointsOf(t: ArmTable, i: number): number[] {
  return Q.map((k) => t[k][i]!);
}

/** Sets the joints of arm `i`. */
export function setJoints(t: ArmTable, i: number, q: readonly number[]): void {
  for (let k = 0; k < 6; k++) t[Q[k]!][i] = q[k] ?? 0;
}
