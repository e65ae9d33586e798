import type { ItemTable, SimHost, StageContext } from '../../../sim/index.ts';

/** The item table of a host. */
export const items = (host: SimHost): ItemTable => host.state.things.item as unknown as ItemTable;

/** Centre of item `id`'s body after the last step. */
export function itemAt(host: SimHost, id: number): { x: number; y: number; z: number } {
  const p = host.state.physics.bodyTranslation(host.model.kinds.indexOf('item'), id);
  return { x: p.x, y: p.y, z: p.z };
}

/** The host's stage context, to call the kinds' port API between ticks as a stage would. */
export const ctxOf = (host: SimHost): StageContext => (host as unknown as { ctx: StageContext }).ctx;

/** Advances one tick at a time, calling `each` after every tick. */
export function stepEach(host: SimHost, ticks: number, each: (tick: number) => void): void {
  for (let k = 0; k < ticks; k++) {
    host.advance(1);
    each(host.tick);
  }
}

/** A scripted item drop: a part released at `(x, y, z)` at `atSec`. */
export const drop = (atSec: number, x: number, z: number, y = 1.2) => ({ atSec, kind: 'item.spawn', type: 'part', at: { x, y, z } });
