import { describe, expect, it } from 'vitest';
import { orderRows } from '../../../sim/index.ts';
import { findScenario } from '../../../scenarios/index.ts';
import type { ScenarioSpecInput, SimHost } from '../../../sim/index.ts';
import { makeHost, runCollect } from '../../helpers/make-host.ts';
import { eventsOf } from './orders-floor.ts';

type Rules = { batching?: 'until-lift' | 'until-picked'; stationChoice?: 'fewest-open-orders' | 'pod-affinity' };

/** warehouse/g2p-small with the given order floor rules. */
function g2pSmallWith(rules: Rules): ScenarioSpecInput {
  const base = findScenario('warehouse/g2p-small')!;
  return { ...base, orders: { ...base.orders!, ...rules } };
}

async function run(rules: Rules, minutes: number, seed = 5): Promise<{ host: SimHost; events: ReturnType<typeof runCollect> }> {
  const host = await makeHost({ spec: g2pSmallWith(rules), controller: 'pibt', seed, overrides: { minutes } });
  return { host, events: runCollect(host) };
}

describe.each<Rules>([{ batching: 'until-picked' }, { batching: 'until-picked', stationChoice: 'pod-affinity' }])('g2p-small with %o', (rules) => {
  it('over 10 minutes picks every released line exactly once or leaves it open on exactly one task, never both', async () => {
    const { host, events } = await run(rules, 10);
    try {
      const released = eventsOf(events, 'order.released');
      const picks = eventsOf(events, 'pick.completed');
      const delivered = new Set(eventsOf(events, 'order.delivered').map((e) => e.order));
      const open = new Map(orderRows.data(host.state).orders.map((o) => [o.id, o]));
      const taskOf = new Map<string, number[]>();
      for (const t of orderRows.data(host.state).tasks) for (const [o, l] of t.lines) taskOf.set(`${o}:${l}`, [...(taskOf.get(`${o}:${l}`) ?? []), t.id]);
      for (const r of released) {
        const pickedLines = picks.filter((p) => p.order === r.order).length;
        const order = open.get(r.order);
        expect(delivered.has(r.order) && order !== undefined, `order ${r.order} delivered and open`).toBe(false);
        if (!order) {
          expect(delivered.has(r.order), `order ${r.order} vanished undelivered`).toBe(true);
          expect(pickedLines, `order ${r.order} lines picked`).toBe(r.lines);
          continue;
        }
        const unpicked = order.lines.flatMap((line, i) => (line.picked ? [] : [i]));
        expect(pickedLines + unpicked.length, `order ${r.order}: picked + open lines`).toBe(r.lines);
        for (const i of unpicked) expect(taskOf.get(`${r.order}:${i}`), `open line ${r.order}:${i} on exactly one task`).toHaveLength(1);
      }
      expect(host.kpis().linesPicked).toBe(picks.length);
      expect(host.kpis().ordersDelivered).toBeGreaterThan(0);
    } finally {
      host.dispose();
    }
  }, 120_000);

  it('is deterministic: same seed, same hash twice', async () => {
    const a = await run(rules, 3);
    const b = await run(rules, 3);
    try {
      expect(b.host.hash()).toBe(a.host.hash());
      expect(b.events.length).toBe(a.events.length);
    } finally {
      a.host.dispose();
      b.host.dispose();
    }
  }, 120_000);
});
