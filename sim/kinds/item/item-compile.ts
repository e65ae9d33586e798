import type { KindCompileContext } from '../../kind/kind-def.ts';
import type { ItemModel, ItemTypeModel } from './item-model.ts';
import type { ItemsSpec } from './item-spec.ts';
import { unknownName } from './unknown-name.ts';

/** Compiles the `items` section into pooled rows (grouped by type) and the type table, checking names and pools. */
export function compileItems(ctx: KindCompileContext<ItemsSpec>): { things: ItemModel[]; model: { itemTypes: ItemTypeModel[] } } {
  const section = ctx.section;
  if (!section) return { things: [], model: { itemTypes: [] } };
  const types: ItemTypeModel[] = [];
  const things: ItemModel[] = [];
  const seen = new Map<string, number>();
  section.types.forEach((t, i) => {
    if (seen.has(t.id)) ctx.issue(`items.types[${i}].id`, `item type "${t.id}" is already declared at items.types[${seen.get(t.id)}]`);
    else seen.set(t.id, i);
    types.push({ id: t.id, firstRow: things.length, pool: t.pool, sizeM: t.sizeM, massKg: t.massKg });
    for (let k = 0; k < t.pool; k++)
      things.push({ id: things.length, type: i, halfX: t.sizeM.x / 2, halfY: t.sizeM.y / 2, halfZ: t.sizeM.z / 2, massKg: t.massKg, initial: null });
  });
  const used = new Array<number>(types.length).fill(0);
  section.initial.forEach((entry, i) => {
    const type = seen.get(entry.type);
    if (type === undefined) {
      ctx.issue(`items.initial[${i}].type`, unknownName('item type', entry.type, [...seen.keys()]));
      return;
    }
    if (used[type]! >= types[type]!.pool) {
      ctx.issue(`items.initial[${i}]`, `more initial items of type "${entry.type}" than its pool of ${types[type]!.pool}`);
      return;
    }
    const row = types[type]!.firstRow + used[type]!;
    used[type] = used[type]! + 1;
    things[row] = { ...things[row]!, initial: { ...entry.at } };
  });
  return { things, model: { itemTypes: types } };
}
