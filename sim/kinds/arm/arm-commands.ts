/**
 * Arm commands (`{ thing: 'arm', id, kind, … }`), applied when the controller issues them: a move
 * is planned whole (every tick's joints, checked against the limits) or refused with a reason.
 *
 * - `moveJ` `{ jointsRad }`: joint-space move (a SCARA's J3 in metres)
 * - `moveP` `{ pose }`: joint-space move to the joints that put the TCP at `pose` (IK, nearest solution)
 * - `moveL` `{ pose }`: straight-line TCP move to `pose`
 * - `grasp`, `release`: close/open the gripper (takes the tool's `gripSec`)
 * - `stop`: abandon the current move where it is
 *
 * A pose is the TCP in world coordinates: `{ xM, yM, zM, yawDeg }` with the tool pointing down and
 * its x axis at `yawDeg` (counter-clockwise from +x seen from above), or `{ xM, yM, zM, q: [x, y, z, w] }`.
 */
import { detCos, detSin } from '../../util/det-math.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import './arm-events.ts';
import type { ArmThing } from './arm-compile.ts';
import { ArmPhase, armTable, GripOp, jointsOf, type ArmTable } from './arm-columns.ts';
import { jointCount } from './arm-model-spec.ts';
import { flangeTargetFor } from './arm-poses.ts';
import { solveIk } from './inverse-kinematics.ts';
import { planJointMove, planLinearMove, type MovePlan } from './joint-trajectory.ts';
import { fromPose, type Transform } from './pose-math.ts';

const DEG = 3.141592653589793 / 180;

/** A TCP target in world coordinates. */
export interface ArmPose {
  readonly xM: number;
  readonly yM: number;
  readonly zM: number;
  readonly yawDeg?: number;
  readonly q?: readonly [number, number, number, number];
}

/** The commands an arm takes. */
export type ArmCommand =
  | { thing: 'arm'; id: number; kind: 'moveJ'; jointsRad: readonly number[] }
  | { thing: 'arm'; id: number; kind: 'moveP'; pose: ArmPose }
  | { thing: 'arm'; id: number; kind: 'moveL'; pose: ArmPose }
  | { thing: 'arm'; id: number; kind: 'grasp' }
  | { thing: 'arm'; id: number; kind: 'release' }
  | { thing: 'arm'; id: number; kind: 'stop' };

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The world TCP transform of a pose, or a reason it is malformed. */
export function poseTransform(pose: unknown): Transform | string {
  const p = pose as Partial<ArmPose> | null;
  if (!p || typeof p !== 'object' || !finite(p.xM) || !finite(p.yM) || !finite(p.zM)) return 'pose needs finite xM, yM, zM';
  if (p.q !== undefined) {
    if (!Array.isArray(p.q) || p.q.length !== 4 || !p.q.every(finite)) return 'pose.q must be 4 finite numbers [x, y, z, w]';
    const n = Math.sqrt(p.q.reduce((s, v) => s + v * v, 0));
    if (n < 1e-9) return 'pose.q must not be zero';
    return fromPose(
      p.xM,
      p.yM,
      p.zM,
      p.q.map((v) => v / n),
    );
  }
  const yaw = (finite(p.yawDeg) ? p.yawDeg : 0) * DEG;
  const c = detCos(yaw);
  const s = detSin(yaw);
  // Tool z down (−y), tool x at yaw in the floor plane, y = z × x.
  return [c, s, 0, p.xM, 0, 0, -1, p.yM, -s, c, 0, p.zM];
}

function refuse(ctx: StageContext, arm: number, command: string, reason: string): void {
  ctx.state.events.push({ type: 'arm.refused', tick: ctx.state.tick, arm, command, reason });
}

function startPlan(ctx: StageContext, t: ArmTable, a: number, plan: MovePlan, command: string): void {
  if (!plan.ok) return refuse(ctx, a, command, plan.reason);
  t.path[a] = plan.samples.flat();
  t.pathAt[a] = 0;
  t.phase[a] = ArmPhase.Moving;
  if (t.holdKind[a] === -1 && t.cycleStartTick[a] === -1) t.cycleStartTick[a] = ctx.state.tick;
  if (plan.samples.length === 0) {
    t.phase[a] = ArmPhase.Idle;
    t.commandsDone[a] = t.commandsDone[a]! + 1;
  }
}

/** Applies this tick's arm commands, in issue order. */
export function applyArmCommands(commands: readonly unknown[], ctx: StageContext): void {
  const arms = ctx.model.things.arm as readonly ArmThing[];
  const t = armTable(ctx.state);
  for (const raw of commands) {
    const c = raw as { id?: unknown; kind?: unknown; jointsRad?: unknown; pose?: unknown };
    const kind = typeof c.kind === 'string' ? c.kind : String(c.kind);
    const a = typeof c.id === 'number' && Number.isInteger(c.id) ? c.id : -1;
    if (a < 0 || a >= arms.length) {
      refuse(ctx, a, kind, `no arm ${String(c.id)}; the scenario has ${arms.length}`);
      continue;
    }
    const arm = arms[a]!;
    if (kind === 'stop') {
      if (t.phase[a] === ArmPhase.Moving) {
        t.path[a] = [];
        t.phase[a] = ArmPhase.Idle;
        t.commandsDone[a] = t.commandsDone[a]! + 1;
      }
      continue;
    }
    if (t.phase[a] !== ArmPhase.Idle) {
      refuse(ctx, a, kind, t.phase[a] === ArmPhase.Moving ? 'busy: still moving (send stop first)' : 'busy: the gripper is opening or closing');
      continue;
    }
    const q = jointsOf(t, a);
    const dt = ctx.model.dtSec;
    switch (kind) {
      case 'moveJ': {
        const n = jointCount(arm.model);
        if (!Array.isArray(c.jointsRad) || c.jointsRad.length !== n || !c.jointsRad.every(finite)) {
          refuse(ctx, a, kind, `jointsRad must be ${n} finite numbers for ${arm.model.id}`);
          break;
        }
        const to = q.slice();
        (c.jointsRad as number[]).forEach((v, k) => (to[k] = v));
        startPlan(ctx, t, a, planJointMove(arm.model, q, to, dt), kind);
        break;
      }
      case 'moveP':
      case 'moveL': {
        const target = poseTransform(c.pose);
        if (typeof target === 'string') {
          refuse(ctx, a, kind, target);
          break;
        }
        const flange = flangeTargetFor(arm, target);
        if (kind === 'moveL') {
          startPlan(ctx, t, a, planLinearMove(arm.model, q, flange, arm.linear, dt), kind);
          break;
        }
        const ik = solveIk(arm.model, flange, q);
        if (!ik.ok) {
          refuse(ctx, a, kind, ik.reason);
          break;
        }
        const to = q.slice();
        ik.q.forEach((v, k) => (to[k] = v));
        startPlan(ctx, t, a, planJointMove(arm.model, q, to, dt), kind);
        break;
      }
      case 'grasp':
      case 'release': {
        if (kind === 'grasp' && t.holdKind[a] !== -1) {
          refuse(ctx, a, kind, 'already holding something');
          break;
        }
        if (kind === 'release' && t.holdKind[a] === -1) {
          refuse(ctx, a, kind, 'holding nothing');
          break;
        }
        t.phase[a] = ArmPhase.Gripping;
        t.gripOp[a] = kind === 'grasp' ? GripOp.Grasp : GripOp.Release;
        t.gripUntilTick[a] = ctx.state.tick + Math.max(1, Math.round(arm.tool.gripSec * ctx.model.hz));
        break;
      }
      default:
        refuse(ctx, a, kind, `unknown arm command "${kind}"; arm commands: moveJ, moveP, moveL, grasp, release, stop`);
    }
  }
}
