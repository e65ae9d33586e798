/**
 * The arms' `motion` stage: each moving arm takes its next planned joint sample and its links are
 * posed for the physics step; a held thing is posed with the TCP. The TCP's acceleration decides
 * whether the grip holds: an item needing more force than the tool holds (m · |a − g|) slips,
 * becomes a dynamic body with the TCP's velocity, and is counted (`grasp.slipped`).
 */
import type { StageContext } from '../../kind/stage-slots.ts';
import './arm-events.ts';
import { poseArmLinks } from './arm-bodies.ts';
import type { ArmThing } from './arm-compile.ts';
import { ArmPhase, armTable, jointsOf, setJoints, type ArmTable } from './arm-columns.ts';
import { tcpWorld } from './arm-poses.ts';
import { compose, fromPose, quatOf } from './pose-math.ts';
import { holdingForceN } from './tools.ts';

const GRAVITY = 9.81;

/** Lets go of what arm `a` holds without a command: it slips and falls. */
function slip(ctx: StageContext, t: ArmTable, arm: ArmThing, reason: string): void {
  const kind = t.holdKind[arm.id]!;
  const id = t.holdId[arm.id]!;
  const def = ctx.model.kinds.kinds[kind];
  def?.holdable?.release(ctx, id);
  ctx.state.physics.setLinearVelocity(kind, id, t.tcpVx[arm.id]!, t.tcpVy[arm.id]!, t.tcpVz[arm.id]!);
  t.holdKind[arm.id] = -1;
  t.holdId[arm.id] = -1;
  t.holdRel[arm.id] = [];
  ctx.state.events.push({ type: 'grasp.slipped', tick: ctx.state.tick, arm: arm.id, itemKind: def?.id ?? `kind${kind}`, item: id, reason });
}

export function moveArms(ctx: StageContext): void {
  const arms = ctx.model.things.arm as readonly ArmThing[];
  if (arms.length === 0) return;
  const t = armTable(ctx.state);
  const kind = ctx.model.kinds.indexOf('arm');
  const dt = ctx.model.dtSec;
  const physics = ctx.state.physics;
  for (const arm of arms) {
    const a = arm.id;
    const moving = t.phase[a] === ArmPhase.Moving;
    if (moving) {
      const path = t.path[a]!;
      const at = t.pathAt[a]!;
      setJoints(t, a, path.slice(at, at + 6));
      t.pathAt[a] = at + 6;
      if (at + 6 >= path.length) {
        t.path[a] = [];
        t.pathAt[a] = 0;
        t.phase[a] = ArmPhase.Idle;
        t.commandsDone[a] = t.commandsDone[a]! + 1;
      }
      poseArmLinks(physics, kind, arm, jointsOf(t, a));
    }
    const holding = t.holdKind[a] !== -1;
    if (!moving && !holding) {
      t.tcpVx[a] = 0;
      t.tcpVy[a] = 0;
      t.tcpVz[a] = 0;
      continue;
    }
    const tcp = tcpWorld(arm, jointsOf(t, a));
    const vx = (tcp[3]! - t.tcpX[a]!) / dt,
      vy = (tcp[7]! - t.tcpY[a]!) / dt,
      vz = (tcp[11]! - t.tcpZ[a]!) / dt;
    const ax = (vx - t.tcpVx[a]!) / dt,
      ay = (vy - t.tcpVy[a]!) / dt,
      az = (vz - t.tcpVz[a]!) / dt;
    t.tcpX[a] = tcp[3]!;
    t.tcpY[a] = tcp[7]!;
    t.tcpZ[a] = tcp[11]!;
    t.tcpVx[a] = vx;
    t.tcpVy[a] = vy;
    t.tcpVz[a] = vz;
    if (!holding) continue;
    const needN = t.holdMassKg[a]! * Math.sqrt(ax * ax + (ay + GRAVITY) * (ay + GRAVITY) + az * az);
    const canN = holdingForceN(arm.tool);
    if (needN > canN) {
      slip(ctx, t, arm, `slipped: needs ${needN.toFixed(1)} N, the ${arm.tool.type} grip holds ${canN.toFixed(1)} N`);
      continue;
    }
    if (moving) {
      const rel = t.holdRel[a]!;
      const item = compose(tcp, fromPose(rel[0]!, rel[1]!, rel[2]!, rel.slice(3, 7)));
      const q = quatOf(item);
      physics.setNextPose(t.holdKind[a]!, t.holdId[a]!, item[3]!, item[7]!, item[11]!, q[0], q[1], q[2], q[3]);
    }
  }
}
