import { ItemPhase } from '../item/index.ts';
import { itemHoldable } from '../item/index.ts';
import { itemsOf, itemTable } from '../item/index.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import { clampOffset, endLimitM, EPS_M, insertByPath, pruneList, roomOnList } from './conveyor-belt.ts';
import { pointAt } from './conveyor-path.ts';
import { conveyorsOf, conveyorTable } from './conveyor-model.ts';
import './conveyor-events.ts';

/**
 * The port API machines, arms and sinks use to work with belts. Conveyors are named by index
 * (`model.things.conveyor[i].id`; `conveyorIndex` finds one by its authored name).
 */

/** Index of the conveyor with authored id `name`, or -1. */
export function conveyorIndex(ctx: StageContext, name: string): number {
  return conveyorsOf(ctx.model).findIndex((c) => c.name === name);
}

function liveList(ctx: StageContext, conveyor: number): number[] | null {
  const c = conveyorsOf(ctx.model)[conveyor];
  if (!c) return null;
  const list = conveyorTable(ctx).items[conveyor]!;
  pruneList(list, itemTable(ctx), ctx.model.kinds.indexOf('conveyor'), conveyor);
  return list;
}

/** The item waiting at the conveyor's end (its front item, stopped at the end), or -1. */
export function itemAtEnd(ctx: StageContext, conveyor: number): number {
  const list = liveList(ctx, conveyor);
  if (!list || list.length === 0) return -1;
  const c = conveyorsOf(ctx.model)[conveyor]!;
  const front = list[0]!;
  return itemTable(ctx).pathM[front]! >= endLimitM(c, itemsOf(ctx.model)[front]!.halfX) - EPS_M ? front : -1;
}

/**
 * Takes the item at the conveyor's end off the belt (`conveyor.exited`) and hands it to
 * `(holderKind, holderId)` — kinematic, where it is, for the holder to pose — or, with no holder,
 * releases it as a free dynamic body (then call `consumeItem` or grasp it this tick). Returns its
 * id, or -1 when no item waits at the end.
 */
export function takeFromEnd(ctx: StageContext, conveyor: number, holderKind = -1, holderId = -1): number {
  const id = itemAtEnd(ctx, conveyor);
  if (id < 0) return -1;
  const it = itemTable(ctx);
  const list = conveyorTable(ctx).items[conveyor]!;
  list.shift();
  ctx.state.events.push({
    type: 'conveyor.exited',
    tick: ctx.state.tick,
    conveyor: conveyorsOf(ctx.model)[conveyor]!.name,
    item: id,
    transitSec: (ctx.state.tick - it.sinceTick[id]!) / ctx.model.hz,
    to: null,
  });
  if (holderKind >= 0) itemHoldable.hold(ctx, id, holderKind, holderId);
  else itemHoldable.release(ctx, id);
  return id;
}

/** Whether an item `lengthM` long centred `sM` along the conveyor fits: on the belt and the belt's gap clear of every item on it. */
export function roomAt(ctx: StageContext, conveyor: number, sM: number, lengthM: number): boolean {
  const list = liveList(ctx, conveyor);
  if (!list) return false;
  const c = conveyorsOf(ctx.model)[conveyor]!;
  if (!(sM >= 0 && sM <= c.path.lengthM)) return false;
  return roomOnList(list, itemTable(ctx), itemsOf(ctx.model), sM, lengthM / 2, c.gapM);
}

/**
 * Puts item `item` (free, or held by whoever hands it over) on the conveyor centred `sM` along
 * it, on its centre line (`conveyor.entered`, via `put`); it rides from the next tick. Returns
 * false, changing nothing, when the item is parked or already on a belt, or there is no room.
 */
export function putOn(ctx: StageContext, conveyor: number, item: number, sM: number): boolean {
  const it = itemTable(ctx);
  const ck = ctx.model.kinds.indexOf('conveyor');
  if (!(item >= 0 && item < it.count) || it.phase[item] === ItemPhase.Parked || it.holderKind[item] === ck) return false;
  const model = itemsOf(ctx.model)[item]!;
  if (!roomAt(ctx, conveyor, sM, model.halfX * 2)) return false;
  const c = conveyorsOf(ctx.model)[conveyor]!;
  itemHoldable.hold(ctx, item, ck, conveyor);
  it.pathM[item] = sM;
  it.offsetM[item] = clampOffset(c, 0, model.halfZ);
  insertByPath(conveyorTable(ctx).items[conveyor]!, it, item);
  ctx.state.events.push({ type: 'conveyor.entered', tick: ctx.state.tick, conveyor: c.name, item, sM, via: 'put' });
  return true;
}

/** The belt surface's centre `sM` along conveyor `conveyor` (metres; `y` is the belt's top). */
export function conveyorPoint(ctx: StageContext, conveyor: number, sM: number): { x: number; y: number; z: number } {
  const c = conveyorsOf(ctx.model)[conveyor]!;
  const pt = pointAt(c.path, sM, { x: 0, z: 0, tx: 1, tz: 0 });
  return { x: pt.x, y: c.heightM, z: pt.z };
}
