import { z } from 'zod';
import { itemRows } from './item-columns.ts';
import type { KindDef } from '../../kind/kind-def.ts';
import { ITEM_COLUMNS, ItemPhase } from './item-columns.ts';
import { buildItems, ITEM_LAYERS } from './item-bodies.ts';
import { compileItems } from './item-compile.ts';
import { itemHoldable } from './item-holdable.ts';
import { itemKpis } from './item-kpis.ts';
import { itemsOf, itemTypesOf, type ItemModel } from './item-model.ts';
import { spawnItem } from './item-pool.ts';
import { itemsSpecSchema, pointSchema, type ItemsSpec } from './item-spec.ts';
import { unknownName } from './unknown-name.ts';
import { watchItems } from './watch-items.ts';

const spawnEventSchema = z.strictObject({ atSec: z.number().nonnegative(), kind: z.literal('item.spawn'), type: z.string().min(1), at: pointSchema });

/** Frame fields of an item: pose, box size, type, phase (0 parked, 1 free, 2 held) and holder kind. */
export const ITEM_FRAME_FIELDS = ['x', 'y', 'z', 'qx', 'qy', 'qz', 'qw', 'sizeX', 'sizeY', 'sizeZ', 'type', 'phase', 'holderKind'] as const;

/** What a scenario without any of these things observes. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * Items: parts, finished units, belt-sized boxes. A fixed pool of rows and bodies per type (from
 * `items.types[].pool`); `spawnItem` / `consumeItem` bring rows into and out of play. Free items are
 * dynamic bodies; held ones (by a conveyor, gripper, machine) are kinematic. Items that come to lie
 * on the floor are counted (`item.dropped`, KPI `droppedItems`).
 */
export const itemKind: KindDef<ItemsSpec, ItemModel, typeof ITEM_COLUMNS> = {
  id: 'item',
  spec: { key: 'items', schema: itemsSpecSchema, description: 'Item types (box size, mass, pool size) and items in play at tick 0' },
  columns: ITEM_COLUMNS,
  compile: compileItems,
  init(table, model) {
    const t = table;
    for (const item of itemsOf(model)) if (item.initial) t.phase[item.id] = ItemPhase.Free;
  },
  layers: ITEM_LAYERS,
  build: buildItems,
  holdable: itemHoldable,
  stages: [{ slot: 'settle', run: watchItems }],
  scripted: {
    'item.spawn': {
      schema: spawnEventSchema,
      check(event, model, issue) {
        const names = itemTypesOf(model).map((t) => t.id);
        if (!names.includes(event.type))
          issue('type', names.length === 0 ? 'no item types: add an items section' : unknownName('item type', event.type, names));
      },
      fire(event, ctx) {
        spawnItem(ctx, event.type, event.at);
      },
    },
  },
  observe(model, state) {
    if ((model.things.item?.length ?? 0) === 0) return NONE;
    const t = itemRows.table(state);
    const kind = model.kinds.indexOf('item');
    const out = [];
    for (let i = 0; i < t.count; i++) {
      if (t.phase[i] === ItemPhase.Parked) continue;
      const p = state.physics.bodyTranslation(kind, i);
      out.push(
        Object.freeze({
          id: i,
          type: itemTypesOf(model)[itemsOf(model)[i]!.type]!.id,
          held: t.phase[i] === ItemPhase.Held,
          holderKind: t.holderKind[i]!,
          holderId: t.holderId[i]!,
          x: p.x,
          y: p.y,
          z: p.z,
        }),
      );
    }
    return Object.freeze(out);
  },
  frame: {
    fields: ITEM_FRAME_FIELDS,
    write(model, state, out) {
      const t = itemRows.table(state);
      const kind = model.kinds.indexOf('item');
      const items = itemsOf(model);
      const n = ITEM_FRAME_FIELDS.length;
      for (let i = 0; i < t.count; i++) {
        const p = state.physics.bodyPose(kind, i);
        const o = i * n;
        out[o] = p.x;
        out[o + 1] = p.y;
        out[o + 2] = p.z;
        out[o + 3] = p.qx;
        out[o + 4] = p.qy;
        out[o + 5] = p.qz;
        out[o + 6] = p.qw;
        out[o + 7] = items[i]!.halfX * 2;
        out[o + 8] = items[i]!.halfY * 2;
        out[o + 9] = items[i]!.halfZ * 2;
        out[o + 10] = items[i]!.type;
        out[o + 11] = t.phase[i]!;
        out[o + 12] = t.holderKind[i]!;
      }
    },
  },
  kpis: itemKpis,
};
