import type { HasThingTables } from '../../kind/define-kind.ts';
import type { SimModel } from '../../model/sim-model.ts';
import { itemRows, type ItemModelExtras, type ItemTypeModel } from './item-columns.ts';

export type { ItemModelExtras, ItemTypeModel };
import type { StageContext } from '../../kind/stage-slots.ts';
import type { ItemTable } from './item-columns.ts';

/** One pooled item row as compiled: its type and box half extents. */
export interface ItemModel {
  readonly id: number;
  /** Index into `itemTypes`. */
  readonly type: number;
  readonly halfX: number;
  readonly halfY: number;
  readonly halfZ: number;
  readonly massKg: number;
  /** Where it starts when it is in play at tick 0, else null (parked). */
  readonly initial: { readonly x: number; readonly y: number; readonly z: number } | null;
}

export const itemsOf = (model: SimModel): readonly ItemModel[] => (model.things.item ?? []) as readonly ItemModel[];
export const itemTypesOf = (model: SimModel): readonly ItemTypeModel[] => itemRows.fields(model).itemTypes ?? [];
export const itemTable = (ctx: { state: HasThingTables }): ItemTable => itemRows.table(ctx.state);
/** Registry index of the item kind in this model. */
export const itemKindIndex = (ctx: StageContext | { model: SimModel }): number => ctx.model.kinds.indexOf('item');

/** Where pooled row `id` waits while parked: below the floor, apart from the others. */
export function parkPose(id: number): { x: number; y: number; z: number } {
  return { x: (id % 100) * 0.5, y: -20 - Math.floor(id / 100), z: -5 };
}
