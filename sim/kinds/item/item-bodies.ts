import type { SimModel } from '../../model/sim-model.ts';
import type { PhysicsBuilder } from '../../physics/physics-builder.ts';
import { FLOOR_OWNER, STATIC_OWNER } from '../../physics/rapier.ts';
import { itemsOf, parkPose } from './item-model.ts';

/**
 * An item meets other items, belts and its own copy of the floor and walls (`item-ground`, built
 * only when a scenario has items, so scenarios without them keep their world bytes). Holders that
 * grasp items (grippers) must list `item` in their layers' `meets`, and `item` must list theirs.
 */
export const ITEM_LAYERS = { item: { meets: ['item', 'item-ground', 'conveyor'] }, 'item-ground': { meets: ['item'] } } as const;

/**
 * One body per pooled row, in ascending id: items in play at tick 0 are dynamic at their start;
 * the rest are parked below the floor as fixed, disabled bodies (out of the simulation; see the
 * README, "Conveyors and items", for what a parked pool costs).
 */
export function buildItems(physics: PhysicsBuilder, model: SimModel): void {
  const kind = model.kinds.indexOf('item');
  if (itemsOf(model).length === 0) return;
  buildItemGround(physics, model);
  for (const item of itemsOf(model)) {
    const owner = { kind, id: item.id };
    const at = item.initial ?? parkPose(item.id);
    physics.addBody(owner, item.initial ? { type: 'dynamic', ...at } : { type: 'fixed', ...at, enabled: false });
    physics.addCollider(owner, {
      halfX: item.halfX,
      halfY: item.halfY,
      halfZ: item.halfZ,
      massKg: item.massKg,
      layer: 'item',
      collidesWith: ITEM_LAYERS.item.meets,
    });
  }
}

/** The floor slab and wall runs again, on the `item-ground` layer (same boxes as the world's own). */
function buildItemGround(physics: PhysicsBuilder, model: SimModel): void {
  const cellM = model.grid.cellM;
  const widthM = model.grid.cols * cellM;
  const depthM = model.grid.rows * cellM;
  const ground = { layer: 'item-ground', collidesWith: ITEM_LAYERS['item-ground'].meets } as const;
  physics.addFixedCollider(
    { kind: FLOOR_OWNER, id: 0 },
    { halfX: widthM / 2, halfY: 0.05, halfZ: depthM / 2, x: widthM / 2, y: -0.05, z: depthM / 2, ...ground },
  );
  model.walls.forEach((run, i) => {
    const halfX = ((run.col1 - run.col0 + 1) * cellM) / 2;
    physics.addFixedCollider(
      { kind: STATIC_OWNER, id: i },
      { halfX, halfY: 1.2, halfZ: cellM / 2, x: run.col0 * cellM + halfX, y: 1.2, z: (run.row + 0.5) * cellM, ...ground },
    );
  });
}
