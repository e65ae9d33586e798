import { ItemPhase } from '../item/index.ts';
import { itemHoldable } from '../item/index.ts';
import { itemsOf, itemTable } from '../item/index.ts';
import type { StageContext } from '../../kind/stage-slots.ts';
import { clampOffset, insertByPath, roomOnList } from './conveyor-belt.ts';
import { conveyorsOf, conveyorTable } from './conveyor-model.ts';
import { project } from './conveyor-path.ts';
import './conveyor-events.ts';

/** A free item is resting on a belt when its bottom is within this of the belt's top … */
const CAPTURE_HEIGHT_M = 0.02;
/** … and it moves up or down slower than this. */
const CAPTURE_VERTICAL_MPS = 0.05;

/**
 * Settle-slot stage: a free (dynamic) item that has come to rest on a belt — bottom at the belt's
 * top, hardly moving vertically, its centre over the belt — is captured onto the belt's path
 * (kinematic from then on, facing along the belt, keeping its offset across it) when that spot
 * does not overlap an item already riding. Items fall, bounce and settle under real dynamics;
 * they ride by the belt's accumulation logic.
 */
export function captureItems(ctx: StageContext): void {
  const conveyors = conveyorsOf(ctx.model);
  if (conveyors.length === 0) return;
  const it = itemTable(ctx);
  const items = itemsOf(ctx.model);
  const ik = ctx.model.kinds.indexOf('item');
  const ck = ctx.model.kinds.indexOf('conveyor');
  const ct = conveyorTable(ctx);
  const physics = ctx.state.physics;
  for (let i = 0; i < it.count; i++) {
    if (it.phase[i] !== ItemPhase.Free) continue;
    const item = items[i]!;
    const p = physics.bodyTranslation(ik, i);
    const bottom = p.y - item.halfY;
    for (const c of conveyors) {
      if (Math.abs(bottom - c.heightM) > CAPTURE_HEIGHT_M) continue;
      const { sM, offsetM } = project(c.path, p.x, p.z);
      if (sM < 0 || sM > c.path.lengthM || Math.abs(offsetM) > c.widthM / 2) continue;
      if (Math.abs(physics.bodyLinearVelocity(ik, i).y) > CAPTURE_VERTICAL_MPS) break;
      const list = ct.items[c.id]!;
      if (!roomOnList(list, it, items, sM, item.halfX, 0)) break;
      itemHoldable.hold(ctx, i, ck, c.id);
      it.pathM[i] = sM;
      it.offsetM[i] = clampOffset(c, offsetM, item.halfZ);
      insertByPath(list, it, i);
      ctx.state.events.push({ type: 'conveyor.entered', tick: ctx.state.tick, conveyor: c.name, item: i, sM, via: 'landed' });
      break;
    }
  }
}
