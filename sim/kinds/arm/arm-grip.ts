/**
 * The arms' `handling` stage: a grasp or release finishes when the tool's `gripSec` has passed.
 * A grasp holds a thing only when the tool really touches it within tolerance, found by Rapier
 * ray casts from the tool (after this tick's physics step):
 * - suction: a ray along the cup axis must meet a holdable thing's face within `maxGapM` of the
 *   cup, the face normal within `maxTiltRad` of the axis;
 * - parallel jaw: rays from both fingers (opened past the stroke) along the closing axis must meet
 *   the same holdable thing, no wider than the stroke and centred within `centreTolM`.
 * Then the thing's kind `hold`s it (kinematic, posed with the TCP: a kinematic attach, exact and
 * drift-free), otherwise `grasp.failed` says why.
 */
import type { StageContext } from '../../kind/stage-slots.ts';
import './arm-events.ts';
import type { ArmThing } from './arm-compile.ts';
import { ArmPhase, armTable, GripOp, jointsOf, type ArmTable } from './arm-columns.ts';
import { tcpWorld } from './arm-poses.ts';
import { detAcos, detCos } from '../../util/det-math.ts';
import { compose, fromPose, invert, quatOf, type Transform } from './pose-math.ts';

const DEG = 180 / 3.141592653589793;
const BACK_M = 0.02;

type Found = { kind: number; id: number; widthM: number } | { reason: string };

const label = (ctx: StageContext, kind: number, id: number) => `${kind < 0 ? 'static' : (ctx.model.kinds.kinds[kind]?.id ?? `kind${kind}`)}:${id}`;

function holdableHit(ctx: StageContext, kind: number, id: number): string | null {
  const def = kind >= 0 ? ctx.model.kinds.kinds[kind] : undefined;
  if (!def?.holdable) return `the tool touches ${label(ctx, kind, id)}, which cannot be held`;
  if (!def.holdable.canHold(ctx, id)) return `${label(ctx, kind, id)} is already held or not in play`;
  return null;
}

function findSuction(ctx: StageContext, arm: ArmThing, tcp: Transform, armKind: number): Found {
  if (arm.tool.type !== 'suction') throw new Error('not a suction tool');
  const zx = tcp[2]!,
    zy = tcp[6]!,
    zz = tcp[10]!;
  const hit = ctx.state.physics.castRayOwner(
    tcp[3]! - BACK_M * zx,
    tcp[7]! - BACK_M * zy,
    tcp[11]! - BACK_M * zz,
    zx,
    zy,
    zz,
    BACK_M + arm.tool.maxGapM,
    armKind,
  );
  if (!hit) return { reason: `nothing under the suction cup within ${(arm.tool.maxGapM * 1000).toFixed(0)} mm` };
  const bad = holdableHit(ctx, hit.kind, hit.id);
  if (bad) return { reason: bad };
  if (hit.toi === 0) return { reason: `the cup is pressed more than ${BACK_M * 1000} mm into ${label(ctx, hit.kind, hit.id)}` };
  const cos = -(hit.nx * zx + hit.ny * zy + hit.nz * zz);
  const tiltDeg = detAcos(cos) * DEG;
  if (cos < detCos(arm.tool.maxTiltRad))
    return {
      reason: `the face of ${label(ctx, hit.kind, hit.id)} is tilted ${tiltDeg.toFixed(1)}° from the cup (at most ${(arm.tool.maxTiltRad * DEG).toFixed(0)}°)`,
    };
  return { kind: hit.kind, id: hit.id, widthM: 0 };
}

function findJaw(ctx: StageContext, arm: ArmThing, tcp: Transform, armKind: number): Found {
  if (arm.tool.type !== 'parallel-jaw') throw new Error('not a jaw tool');
  const yx = tcp[1]!,
    yy = tcp[5]!,
    yz = tcp[9]!;
  const half = arm.tool.strokeM / 2 + 0.05;
  const x = tcp[3]!,
    y = tcp[7]!,
    z = tcp[11]!;
  const left = ctx.state.physics.castRayOwner(x - half * yx, y - half * yy, z - half * yz, yx, yy, yz, half, armKind);
  const right = ctx.state.physics.castRayOwner(x + half * yx, y + half * yy, z + half * yz, -yx, -yy, -yz, half, armKind);
  if (!left || !right) return { reason: `nothing between the jaws (opened to ${(arm.tool.strokeM * 1000).toFixed(0)} mm)` };
  if (left.kind !== right.kind || left.id !== right.id)
    return { reason: `the fingers meet two things: ${label(ctx, left.kind, left.id)} and ${label(ctx, right.kind, right.id)}` };
  const bad = holdableHit(ctx, left.kind, left.id);
  if (bad) return { reason: bad };
  const widthM = 2 * half - left.toi - right.toi;
  if (left.toi === 0 || right.toi === 0 || widthM > arm.tool.strokeM)
    return { reason: `${label(ctx, left.kind, left.id)} is ${(widthM * 1000).toFixed(1)} mm wide; the jaw opens ${(arm.tool.strokeM * 1000).toFixed(0)} mm` };
  const offsetM = (left.toi - right.toi) / 2;
  if (Math.abs(offsetM) > arm.tool.centreTolM)
    return {
      reason: `${label(ctx, left.kind, left.id)} is ${(Math.abs(offsetM) * 1000).toFixed(1)} mm off the jaw's centre (at most ${(arm.tool.centreTolM * 1000).toFixed(0)} mm)`,
    };
  return { kind: left.kind, id: left.id, widthM };
}

function grasp(ctx: StageContext, t: ArmTable, arm: ArmThing, armKind: number): void {
  const tcp = tcpWorld(arm, jointsOf(t, arm.id));
  const found = arm.tool.type === 'suction' ? findSuction(ctx, arm, tcp, armKind) : findJaw(ctx, arm, tcp, armKind);
  if ('reason' in found) {
    ctx.state.events.push({ type: 'grasp.failed', tick: ctx.state.tick, arm: arm.id, reason: found.reason });
    return;
  }
  const physics = ctx.state.physics;
  const p = physics.bodyPose(found.kind, found.id);
  t.holdMassKg[arm.id] = physics.bodyMassKg(found.kind, found.id);
  ctx.model.kinds.kinds[found.kind]!.holdable!.hold(ctx, found.id, armKind, arm.id);
  const rel = compose(invert(tcp), fromPose(p.x, p.y, p.z, [p.qx, p.qy, p.qz, p.qw]));
  t.holdRel[arm.id] = [rel[3]!, rel[7]!, rel[11]!, ...quatOf(rel)];
  t.holdKind[arm.id] = found.kind;
  t.holdId[arm.id] = found.id;
  t.jawOpeningM[arm.id] = found.widthM;
  t.tcpX[arm.id] = tcp[3]!;
  t.tcpY[arm.id] = tcp[7]!;
  t.tcpZ[arm.id] = tcp[11]!;
  ctx.state.events.push({ type: 'arm.grasped', tick: ctx.state.tick, arm: arm.id, itemKind: ctx.model.kinds.kinds[found.kind]!.id, item: found.id });
}

function release(ctx: StageContext, t: ArmTable, arm: ArmThing): void {
  const kind = t.holdKind[arm.id]!;
  const id = t.holdId[arm.id]!;
  if (kind === -1) return;
  const def = ctx.model.kinds.kinds[kind]!;
  def.holdable?.release(ctx, id);
  t.holdKind[arm.id] = -1;
  t.holdId[arm.id] = -1;
  t.holdRel[arm.id] = [];
  t.jawOpeningM[arm.id] = 0;
  ctx.state.events.push({ type: 'arm.released', tick: ctx.state.tick, arm: arm.id, itemKind: def.id, item: id });
  if (t.cycleStartTick[arm.id]! >= 0) {
    ctx.state.events.push({ type: 'arm.cycle', tick: ctx.state.tick, arm: arm.id, cycleSec: (ctx.state.tick - t.cycleStartTick[arm.id]!) / ctx.model.hz });
    t.cycleStartTick[arm.id] = -1;
  }
}

export function finishGrips(ctx: StageContext): void {
  const arms = ctx.model.things.arm as readonly ArmThing[];
  if (arms.length === 0) return;
  const t = armTable(ctx.state);
  const armKind = ctx.model.kinds.indexOf('arm');
  for (const arm of arms) {
    const a = arm.id;
    if (t.phase[a] !== ArmPhase.Gripping || ctx.state.tick < t.gripUntilTick[a]!) continue;
    if (t.gripOp[a] === GripOp.Grasp) grasp(ctx, t, arm, armKind);
    else release(ctx, t, arm);
    t.phase[a] = ArmPhase.Idle;
    t.gripOp[a] = GripOp.None;
    t.gripUntilTick[a] = -1;
    t.commandsDone[a] = t.commandsDone[a]! + 1;
  }
}
