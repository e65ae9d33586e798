import { itemsOf, itemTable } from '../item/index.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import { clampOffset, endLimitM, EPS_M, insertByPath, pruneList, roomOnList } from './conveyor-belt.ts';
import { conveyorsOf, conveyorTable } from './conveyor-model.ts';
import { leftNormal, pointAt, type PathPoint } from './conveyor-path.ts';
import './conveyor-events.ts';

/** Per-episode working memory: each belt's front item's travel past the end this tick (never kept across ticks). */
export interface ConveyorScratch {
  overshootM: Float64Array;
  order: number[];
  pt: PathPoint;
}

export function createConveyorScratch(n: number): ConveyorScratch {
  return { overshootM: new Float64Array(n), order: [], pt: { x: 0, z: 0, tx: 1, tz: 0 } };
}

/**
 * Motion-slot stage: items ride their belts as kinematic bodies along the path.
 * 1. Each belt advances its items by `speedMps · dt`. Accumulating: each item stops `gapM`
 *    behind the one ahead, the front one at the end. Non-accumulating: all items move together,
 *    and only as far as the front one can go (the belt stops when it is blocked).
 * 2. Transfers and merges: a front item whose centre reached the end moves onto the belt it
 *    feeds, at `feeds.atM` (plus what it travelled past the end), if that spot keeps the target's
 *    gap. When two belts feed one, the one whose front item reached its end first goes first;
 *    ties go to the belt listed first in the spec.
 * 3. Blocked state, photo-eyes and the poses of the next physics step.
 */
export function rideConveyors(ctx: StageContext): void {
  const conveyors = conveyorsOf(ctx.model);
  if (conveyors.length === 0) return;
  const ct = conveyorTable(ctx);
  const it = itemTable(ctx);
  const items = itemsOf(ctx.model);
  const ck = ctx.model.kinds.indexOf('conveyor');
  const ik = ctx.model.kinds.indexOf('item');
  const { state } = ctx;
  const tick = state.tick;
  const scratch = ctx.scratch<ConveyorScratch>('conveyor');
  const over = scratch.overshootM;

  for (const c of conveyors) {
    const list = ct.items[c.id]!;
    pruneList(list, it, ck, c.id);
    over[c.id] = 0;
    if (ct.stoppedUntilTick[c.id]! >= 0 && ct.stoppedUntilTick[c.id]! <= tick) ct.stoppedUntilTick[c.id] = -1;
    if (list.length === 0 || ct.stoppedUntilTick[c.id]! >= 0) continue;
    const front = list[0]!;
    const desired = it.pathM[front]! + c.stepM;
    if (c.feeds >= 0 && desired > c.path.lengthM) over[c.id] = desired - c.path.lengthM;
    if (c.accumulating) {
      let limit = endLimitM(c, items[front]!.halfX);
      for (let k = 0; k < list.length; k++) {
        const j = list[k]!;
        const half = items[j]!.halfX;
        if (k > 0) {
          const ahead = list[k - 1]!;
          limit = it.pathM[ahead]! - items[ahead]!.halfX - c.gapM - half;
        }
        const next = Math.min(it.pathM[j]! + c.stepM, limit);
        if (next > it.pathM[j]!) it.pathM[j] = next;
      }
    } else {
      const advance = Math.min(c.stepM, endLimitM(c, items[front]!.halfX) - it.pathM[front]!);
      if (advance > 0) for (const j of list) it.pathM[j] = it.pathM[j]! + advance;
    }
  }

  // Transfers and merges, first come first served.
  const order = scratch.order;
  order.length = 0;
  for (const c of conveyors) {
    const list = ct.items[c.id]!;
    if (c.feeds < 0 || list.length === 0 || ct.stoppedUntilTick[c.id]! >= 0) continue;
    if (it.pathM[list[0]!]! < c.path.lengthM - EPS_M) continue;
    if (ct.frontAtEndTick[c.id]! < 0) ct.frontAtEndTick[c.id] = tick;
    order.push(c.id);
  }
  order.sort((a, b) => ct.frontAtEndTick[a]! - ct.frontAtEndTick[b]! || a - b);
  for (const id of order) {
    const c = conveyors[id]!;
    const target = conveyors[c.feeds]!;
    const list = ct.items[id]!;
    const into = ct.items[target.id]!;
    const j = list[0]!;
    const half = items[j]!.halfX;
    const limit = endLimitM(target, half);
    let s = Math.min(target.feedAtM + over[id]!, limit);
    if (!roomOnList(into, it, items, s, half, target.gapM)) s = Math.min(target.feedAtM, limit);
    if (!roomOnList(into, it, items, s, half, target.gapM)) continue;
    list.shift();
    state.events.push({ type: 'conveyor.exited', tick, conveyor: c.name, item: j, transitSec: (tick - it.sinceTick[j]!) / ctx.model.hz, to: target.name });
    it.holderId[j] = target.id;
    it.pathM[j] = s;
    it.offsetM[j] = clampOffset(target, it.offsetM[j]!, items[j]!.halfZ);
    it.sinceTick[j] = tick;
    insertByPath(into, it, j);
    ct.frontAtEndTick[id] = -1;
    state.events.push({ type: 'conveyor.entered', tick, conveyor: target.name, item: j, sM: s, via: 'transfer' });
  }

  const pt = scratch.pt;
  for (const c of conveyors) {
    const list = ct.items[c.id]!;
    const stopped = ct.stoppedUntilTick[c.id]! >= 0;
    const front = list.length > 0 ? list[0]! : -1;
    const atEnd = front >= 0 && it.pathM[front]! >= endLimitM(c, items[front]!.halfX) - EPS_M;
    if (!atEnd) ct.frontAtEndTick[c.id] = -1;
    else if (ct.frontAtEndTick[c.id]! < 0) ct.frontAtEndTick[c.id] = tick;
    if (atEnd && ct.blockedSinceTick[c.id]! < 0) {
      ct.blockedSinceTick[c.id] = tick;
      state.events.push({ type: 'conveyor.blocked', tick, conveyor: c.name, item: front });
    } else if (!atEnd && ct.blockedSinceTick[c.id]! >= 0) {
      state.events.push({ type: 'conveyor.unblocked', tick, conveyor: c.name, blockedSec: (tick - ct.blockedSinceTick[c.id]!) / ctx.model.hz });
      ct.blockedSinceTick[c.id] = -1;
    }
    ct.running[c.id] = stopped || (!c.accumulating && atEnd) ? 0 : 1;
    for (const j of list) {
      pointAt(c.path, it.pathM[j]!, pt);
      const { nx, nz } = leftNormal(pt);
      const off = it.offsetM[j]!;
      state.physics.setNextYawPose(ik, j, pt.x + nx * off, c.heightM + items[j]!.halfY, pt.z + nz * off, pt.tx, pt.tz);
    }
    updateEyes(ctx, c.id, c.photoEyes, c.name, list);
  }
}

/** Photo-eye `k` is blocked while some item on the belt covers its position. */
function updateEyes(ctx: StageContext, id: number, eyes: readonly number[], name: string, list: readonly number[]): void {
  if (eyes.length === 0) return;
  const it = itemTable(ctx);
  const items = itemsOf(ctx.model);
  const state = conveyorTable(ctx).eyes[id]!;
  for (let k = 0; k < eyes.length; k++) {
    const e = eyes[k]!;
    let by = -1;
    for (const j of list) {
      if (Math.abs(it.pathM[j]! - e) <= items[j]!.halfX) {
        by = j;
        break;
      }
    }
    const was = state[k] === 1;
    if (by >= 0 && !was) {
      state[k] = 1;
      ctx.state.events.push({ type: 'photoeye.blocked', tick: ctx.state.tick, conveyor: name, eye: k, item: by });
    } else if (by < 0 && was) {
      state[k] = 0;
      ctx.state.events.push({ type: 'photoeye.cleared', tick: ctx.state.tick, conveyor: name, eye: k });
    }
  }
}
