/** The item kind's public face: what code outside this folder may import. */
export { itemKind, ITEM_FRAME_FIELDS } from './item-kind.ts';
export { spawnItem, consumeItem, itemTypeIndex, type ItemPose } from './item-pool.ts';
export { itemHoldable } from './item-holdable.ts';
export { ItemPhase, ITEM_COLUMNS, type ItemTable } from './item-columns.ts';
export { type ItemModel, type ItemTypeModel, itemsOf, itemTable, itemTypesOf, itemKindIndex } from './item-model.ts';
export { itemKpis } from './item-kpis.ts';
export { unknownName } from './unknown-name.ts';
