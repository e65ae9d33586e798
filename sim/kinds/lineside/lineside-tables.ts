import type { SimModel } from '../../model/sim-model.ts';
import type { PhysicsBuilder } from '../../physics/physics-builder.ts';
import { ItemPhase } from '../item/index.ts';
import { itemKindIndex, itemTable, itemTypesOf } from '../item/index.ts';
import { consumeItem, itemTypeIndex, spawnItem } from '../item/index.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import type { StandSpec } from './lineside-spec.ts';
import { linesideTable, putUnit, standCapacity, takePart } from './replenish-stands.ts';

/** Half the thickness of a stand's table top (metres). */
const TOP_HALF_M = 0.02;
/** A presented part has left the table once its centre is this far from the table's top centre (m). */
const CLEAR_M = 0.25;
/** An item counts as resting on a table within this speed (m/s). */
const REST_MPS = 0.05;

/**
 * Stands with a table get a fixed table top items rest on (on the items' ground layer, so the
 * rest of the world is unchanged), owned by the stand for contact reports.
 */
export function buildStandTables(physics: PhysicsBuilder, model: SimModel): void {
  const kind = model.kinds.indexOf('lineside');
  (model.things.lineside as readonly StandSpec[]).forEach((stand, id) => {
    const t = stand.table;
    if (!t) return;
    physics.addFixedCollider(
      { kind, id },
      { halfX: t.sizeXM / 2, halfY: TOP_HALF_M, halfZ: t.sizeZM / 2, x: t.xM, y: t.yM - TOP_HALF_M, z: t.zM, layer: 'item-ground', collidesWith: ['item'] },
    );
  });
}

/**
 * Process-slot stage: the stands' tables. An inbound stand presents its next part as an item
 * on its table once the last one was taken (an arm picked it); an outbound stand turns items
 * resting on its table into finished units while it has room (a full stand leaves them there, so
 * the arm that palletises runs out of room and the line behind it blocks).
 */
export function serveTables(ctx: StageContext): void {
  const t = linesideTable(ctx);
  const stands = ctx.model.things.lineside as readonly StandSpec[];
  for (let s = 0; s < t.count; s++) {
    const stand = stands[s]!;
    if (!stand.table) continue;
    if (stand.direction === 'in') presentPart(ctx, s, stand);
    else collectUnits(ctx, s, stand);
  }
}

function presentPart(ctx: StageContext, s: number, stand: StandSpec): void {
  const t = linesideTable(ctx);
  const items = itemTable(ctx);
  const shown = t.presented[s]!;
  const table = stand.table!;
  if (shown >= 0 && items.phase[shown] !== ItemPhase.Parked) {
    // The next part comes out once the last one has left the table (an arm lifted it clear), not when it is grasped.
    const p = ctx.state.physics.bodyTranslation(itemKindIndex(ctx), shown);
    const dx = p.x - table.xM;
    const dy = p.y - table.yM;
    const dz = p.z - table.zM;
    if (dx * dx + dy * dy + dz * dz < CLEAR_M * CLEAR_M) return;
  }
  t.presented[s] = -1;
  const type = itemTypeIndex(ctx, table.itemType ?? '');
  if (type < 0 || !takePart(ctx, s)) return;
  const halfY = itemTypesOf(ctx.model)[type]!.sizeM.y / 2;
  const item = spawnItem(ctx, type, { x: table.xM, y: table.yM + halfY + 0.002, z: table.zM });
  if (item >= 0) t.presented[s] = item;
  else {
    // No item to show it with (the pool is exhausted, already reported): the part stays in stock.
    t.stock[s] = t.stock[s]! + 1;
    t.taken[s] = t.taken[s]! - 1;
  }
}

function collectUnits(ctx: StageContext, s: number, stand: StandSpec): void {
  const table = stand.table!;
  const items = itemTable(ctx);
  const kind = itemKindIndex(ctx);
  const physics = ctx.state.physics;
  for (let id = 0; id < items.count; id++) {
    if (items.phase[id] !== ItemPhase.Free) continue;
    const p = physics.bodyTranslation(kind, id);
    if (Math.abs(p.x - table.xM) > table.sizeXM / 2 || Math.abs(p.z - table.zM) > table.sizeZM / 2 || p.y < table.yM || p.y > table.yM + 0.5) continue;
    const v = physics.bodyLinearVelocity(kind, id);
    if (v.x * v.x + v.y * v.y + v.z * v.z > REST_MPS * REST_MPS) continue;
    if (!putUnit(ctx, s, standCapacity(stand))) return;
    consumeItem(ctx, id);
  }
}
