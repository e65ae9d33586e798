import type { StageContext } from '../../kind/stage-slots.ts';
import { ItemPhase } from './item-columns.ts';
import { itemKindIndex, itemsOf, itemTable, itemTypesOf } from './item-model.ts';
import './item-events.ts';

/** A free item whose bottom is this close to the floor lies on the floor. */
const ON_FLOOR_M = 0.03;

/** Settle-slot stage: a free item that came to lie on the floor is counted once as dropped (`item.dropped`). */
export function watchItems(ctx: StageContext): void {
  const t = itemTable(ctx);
  if (t.count === 0) return;
  const items = itemsOf(ctx.model);
  const kind = itemKindIndex(ctx);
  for (let i = 0; i < t.count; i++) {
    if (t.phase[i] !== ItemPhase.Free || t.dropped[i] === 1) continue;
    const p = ctx.state.physics.bodyTranslation(kind, i);
    if (p.y - items[i]!.halfY > ON_FLOOR_M) continue;
    t.dropped[i] = 1;
    ctx.state.events.push({ type: 'item.dropped', tick: ctx.state.tick, item: i, itemType: itemTypesOf(ctx.model)[items[i]!.type]!.id, x: p.x, z: p.z });
  }
}
