import type { HoldableKind } from '../../kind/kind-def.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import { ItemPhase } from './item-columns.ts';
import { itemKindIndex, itemTable } from './item-model.ts';

/**
 * Whether a conveyor holding item `id` offers it: it is the belt's front item, stopped at the end
 * (read from the conveyor table as data, so this kind imports nothing of the conveyor's). A gripper
 * may take it from there; the belt drops it from its list once its holder changed.
 */
function offeredByConveyor(ctx: StageContext, holderKind: number, holderId: number, id: number): boolean {
  if (holderKind < 0 || ctx.model.kinds.kinds[holderKind]?.id !== 'conveyor') return false;
  const belts = ctx.state.things.conveyor as unknown as { items: number[][]; frontAtEndTick: Int32Array } | undefined;
  return belts !== undefined && belts.items[holderId]?.[0] === id && belts.frontAtEndTick[holderId]! >= 0;
}

/**
 * Items can be held by any kind (a conveyor carries them, a gripper grasps them, a machine
 * holds one while it works): held items are kinematic bodies their holder poses every tick.
 */
export const itemHoldable: HoldableKind = {
  canHold(ctx: StageContext, id: number): boolean {
    const t = itemTable(ctx);
    if (!(id >= 0 && id < t.count)) return false;
    if (t.phase[id] === ItemPhase.Free) return true;
    return t.phase[id] === ItemPhase.Held && offeredByConveyor(ctx, t.holderKind[id]!, t.holderId[id]!, id);
  },
  hold(ctx: StageContext, id: number, holderKind: number, holderId: number): void {
    const t = itemTable(ctx);
    if (!(id >= 0 && id < t.count) || t.phase[id] === ItemPhase.Parked) return;
    if (
      t.phase[id] === ItemPhase.Held &&
      offeredByConveyor(ctx, t.holderKind[id]!, t.holderId[id]!, id) &&
      (holderKind !== t.holderKind[id] || holderId !== t.holderId[id])
    ) {
      // Taken off a belt's end by another holder (a gripper): it leaves the belt now, counted as carried.
      const belt = (ctx.model.things.conveyor as readonly { name: string }[])[t.holderId[id]!]!;
      ctx.state.events.push({
        type: 'conveyor.exited',
        tick: ctx.state.tick,
        conveyor: belt.name,
        item: id,
        transitSec: (ctx.state.tick - t.sinceTick[id]!) / ctx.model.hz,
        to: null,
      });
    }
    if (t.phase[id] === ItemPhase.Free) ctx.state.physics.makeKinematic(itemKindIndex(ctx), id);
    t.phase[id] = ItemPhase.Held;
    t.holderKind[id] = holderKind;
    t.holderId[id] = holderId;
    t.sinceTick[id] = ctx.state.tick;
    t.dropped[id] = 0;
  },
  release(ctx: StageContext, id: number): void {
    const t = itemTable(ctx);
    if (!(id >= 0 && id < t.count) || t.phase[id] !== ItemPhase.Held) return;
    ctx.state.physics.makeDynamic(itemKindIndex(ctx), id);
    t.phase[id] = ItemPhase.Free;
    t.holderKind[id] = -1;
    t.holderId[id] = -1;
    t.sinceTick[id] = ctx.state.tick;
  },
  holderOf(ctx: StageContext, id: number): readonly [number, number] {
    const t = itemTable(ctx);
    if (!(id >= 0 && id < t.count)) return [-1, -1];
    return [t.holderKind[id]!, t.holderId[id]!];
  },
};
