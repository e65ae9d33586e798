import { kpi } from '../../kind/kpi-meta.ts';
import type { SimEvent } from '../../events/sim-event.ts';
import type { KindKpis } from '../../kind/kind-def.ts';
import './item-events.ts';

interface ItemKpiAcc {
  spawned: number;
  consumed: number;
  dropped: number;
  poolExhausted: number;
}

/**
 * Items spawned, consumed (a sink or machine took them), dropped (came to lie on the floor) and
 * spawns refused because a type's pool was used up. Physics-free, so the page folds it too.
 */
export const itemKpis: KindKpis<ItemKpiAcc> = {
  meta: {
    figures: {
      itemsSpawned: kpi.count('items spawned'),
      itemsConsumed: kpi.count('consumed', 'info', { detailOf: 'itemsSpawned' }),
      droppedItems: kpi.count('dropped on the floor', 'lower', { detailOf: 'itemsSpawned' }),
      poolExhausted: kpi.count('pool exhausted', 'lower', { detailOf: 'itemsSpawned' }),
    },
  },
  create: (): ItemKpiAcc => ({ spawned: 0, consumed: 0, dropped: 0, poolExhausted: 0 }),
  reduce(acc: ItemKpiAcc, e: SimEvent) {
    if (e.type === 'item.spawned') acc.spawned += 1;
    else if (e.type === 'item.consumed') acc.consumed += 1;
    else if (e.type === 'item.dropped') acc.dropped += 1;
    else if (e.type === 'item.poolExhausted') acc.poolExhausted += 1;
  },
  finalize: (acc: ItemKpiAcc) => ({ itemsSpawned: acc.spawned, itemsConsumed: acc.consumed, droppedItems: acc.dropped, poolExhausted: acc.poolExhausted }),
};
