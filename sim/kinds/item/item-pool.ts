import type { StageContext } from '../../kind/stage-slots.ts';
import { ItemPhase } from './item-columns.ts';
import { itemKindIndex, itemsOf, itemTable, itemTypesOf, parkPose } from './item-model.ts';
import './item-events.ts';

/** A pose to spawn at: centre in metres, optional orientation (unit quaternion). */
export interface ItemPose {
  x: number;
  y: number;
  z: number;
  qx?: number;
  qy?: number;
  qz?: number;
  qw?: number;
}

/** Index of an item type by name or index, or -1. */
export function itemTypeIndex(ctx: StageContext, type: string | number): number {
  const types = itemTypesOf(ctx.model);
  if (typeof type === 'number') return Number.isInteger(type) && type >= 0 && type < types.length ? type : -1;
  return types.findIndex((t) => t.id === type);
}

/**
 * Brings a parked item of `type` into play as a free dynamic body at `pose`, at rest (the
 * lowest parked row of the type). Returns its id, or -1 when the type's pool is exhausted
 * (reported as `item.poolExhausted`, an error KPI) or the type is unknown.
 */
export function spawnItem(ctx: StageContext, type: string | number, pose: ItemPose): number {
  const t = itemTypeIndex(ctx, type);
  const types = itemTypesOf(ctx.model);
  const { state } = ctx;
  if (t < 0) {
    state.events.push({ type: 'item.poolExhausted', tick: state.tick, itemType: String(type), pool: 0 });
    return -1;
  }
  const spec = types[t]!;
  const table = itemTable(ctx);
  let id = -1;
  for (let r = spec.firstRow; r < spec.firstRow + spec.pool; r++) {
    if (table.phase[r] === ItemPhase.Parked) {
      id = r;
      break;
    }
  }
  if (id < 0) {
    state.events.push({ type: 'item.poolExhausted', tick: state.tick, itemType: spec.id, pool: spec.pool });
    return -1;
  }
  const kind = itemKindIndex(ctx);
  const physics = state.physics;
  physics.setBodyEnabled(kind, id, true);
  physics.makeDynamic(kind, id);
  physics.teleport(kind, id, pose.x, pose.y, pose.z, pose.qx ?? 0, pose.qy ?? 0, pose.qz ?? 0, pose.qw ?? 1);
  table.phase[id] = ItemPhase.Free;
  table.holderKind[id] = -1;
  table.holderId[id] = -1;
  table.sinceTick[id] = state.tick;
  table.dropped[id] = 0;
  state.events.push({ type: 'item.spawned', tick: state.tick, item: id, itemType: spec.id, x: pose.x, y: pose.y, z: pose.z });
  return id;
}

/** Takes item `id` out of play (a sink or machine consumed it): parked and disabled, its row free again. No-op when parked. */
export function consumeItem(ctx: StageContext, id: number): void {
  const table = itemTable(ctx);
  if (!(id >= 0 && id < table.count) || table.phase[id] === ItemPhase.Parked) return;
  const kind = itemKindIndex(ctx);
  const physics = ctx.state.physics;
  const park = parkPose(id);
  physics.makeFixed(kind, id);
  physics.teleport(kind, id, park.x, park.y, park.z);
  physics.setBodyEnabled(kind, id, false);
  table.phase[id] = ItemPhase.Parked;
  table.holderKind[id] = -1;
  table.holderId[id] = -1;
  table.pathM[id] = 0;
  table.offsetM[id] = 0;
  table.sinceTick[id] = -1;
  table.dropped[id] = 0;
  const type = itemsOf(ctx.model)[id]!.type;
  ctx.state.events.push({ type: 'item.consumed', tick: ctx.state.tick, item: id, itemType: itemTypesOf(ctx.model)[type]!.id });
}
