import { describe, expect, it } from 'vitest';
import { kindsWith, validateScenario, type ScenarioSpecInput } from '../../../sim/index.ts';
import { robotModels } from '../../../robots/index.ts';
import { partConsumerKind } from '../../fixtures/part-consumer-kind.ts';
import { makeHost, makeSpec, runCollect } from '../../helpers/make-host.ts';

const kinds = kindsWith([partConsumerKind]);
// Tote racks (T) on the left, the line-side stand (P) on the right, a corridor between.
const LAYOUT = ['############', '#.T.T.T....#', '#.........P#', '#..........#', '#S.S.......#', '############'];
const spec = (patch: Partial<ScenarioSpecInput> & Record<string, unknown> = {}): ScenarioSpecInput =>
  makeSpec(LAYOUT, {
    fleet: [{ model: 'tote-carrier', count: 2 }],
    orders: { ratePerHour: 0, skuCount: 3, skusPerLoad: 1, linesPerOrder: { min: 1, max: 1 }, pickSecPerLine: 10 },
    lineside: { stands: [{ id: 'parts', station: 0, sku: 1, partsPerTote: 12, reorderPoint: 6, initialStock: 12 }] },
    horizonSec: 900,
    ...patch,
  } as Partial<ScenarioSpecInput>);
const stands = (host: { state: { things: Record<string, unknown> } }) =>
  host.state.things.lineside as { stock: Int32Array; delivered: Int32Array; taken: Int32Array };

describe('line-side logistics: AMRs keep a stand in parts by kanban', () => {
  it('orders a tote at the reorder point; the fleet fetches it and its parts land on the stand', async () => {
    const host = await makeHost({ spec: spec({ consumer: { everySec: 15 } } as never), kinds, controller: 'reserve' });
    const events = runCollect(host);
    const ordered = events.filter((e) => e.type === 'lineside.ordered');
    const delivered = events.filter((e) => e.type === 'lineside.delivered');
    // 900 s at one part per 15 s = 61 parts wanted (tick 0 included); 12 in stock, 12 per tote.
    expect(ordered.length).toBeGreaterThanOrEqual(4);
    expect(delivered.length).toBeGreaterThanOrEqual(4);
    expect(ordered[0]!.stock).toBe(6); // the kanban fired exactly at the reorder point
    const t = stands(host);
    expect(t.stock[0]).toBe(12 + 12 * t.delivered[0]! - t.taken[0]!);
    for (const d of delivered) expect(d.type === 'lineside.delivered' && d.leadSec).toBeGreaterThan(10); // unloading alone takes 10 s
    const k = host.kpis().things!.lineside as Record<string, number>;
    expect(k.totesDelivered).toBe(delivered.length);
    expect(k.meanLeadSec).toBeGreaterThan(10);
    // Orders delivered are the totes: the warehouse KPIs count them too.
    expect(events.filter((e) => e.type === 'order.delivered')).toHaveLength(delivered.length);
  });

  it('a line faster than its AMRs starves: the stand runs empty and the wait is reported as lateness', async () => {
    const host = await makeHost({
      spec: spec({ fleet: [{ model: 'tote-carrier', count: 1 }], consumer: { everySec: 2 } } as never),
      kinds,
      controller: 'reserve',
    });
    const events = runCollect(host);
    const consumer = host.state.things.consumer as unknown as { missed: Int32Array };
    expect(consumer.missed[0]).toBeGreaterThan(0);
    expect(events.some((e) => e.type === 'lineside.empty')).toBe(true);
    const late = events.filter((e) => e.type === 'lineside.delivered' && e.latenessSec > 0);
    expect(late.length).toBeGreaterThan(0);
    const k = host.kpis().things!.lineside as Record<string, number>;
    expect(k.lateDeliveries).toBe(late.length);
    expect(k.standWaitSec!).toBeGreaterThan(k.meanLatenessSec!);
    expect(k.maxLatenessSec!).toBeGreaterThanOrEqual(k.meanLatenessSec!);
  });

  it("an outbound stand ships a tote once a tote's worth waits, and a full stand blocks the line", async () => {
    const out = { stands: [{ id: 'finished', direction: 'out', station: 0, sku: 2, partsPerTote: 6, capacity: 12 }] };
    const host = await makeHost({ spec: spec({ lineside: out, consumer: { everySec: 4, put: true } } as never), kinds, controller: 'reserve' });
    const events = runCollect(host);
    const ordered = events.filter((e) => e.type === 'lineside.ordered');
    const shipped = events.filter((e) => e.type === 'lineside.delivered');
    expect(ordered[0]!.stock).toBe(6); // ordered the moment a tote's worth waited
    expect(shipped.length).toBeGreaterThan(3);
    const t = stands(host);
    expect(t.stock[0]).toBe(t.taken[0]! - 6 * t.delivered[0]!);
    expect(t.stock[0]).toBeLessThanOrEqual(12);
    // One AMR at a unit every second cannot keep up: the stand fills and the line waits.
    const fast = await makeHost({
      spec: spec({ fleet: [{ model: 'tote-carrier', count: 1 }], lineside: out, consumer: { everySec: 1, put: true } } as never),
      kinds,
      controller: 'reserve',
    });
    const fastEvents = runCollect(fast);
    expect(fastEvents.some((e) => e.type === 'lineside.full')).toBe(true);
    expect((fast.state.things.consumer as unknown as { missed: Int32Array }).missed[0]).toBeGreaterThan(0);
    expect(fast.kpis().things!.lineside!.standWaitSec).toBeGreaterThan(0);
  });

  it('is deterministic and restores mid-delivery to the uninterrupted hash', async () => {
    const s = spec({ consumer: { everySec: 5 } } as never);
    const a = await makeHost({ spec: s, kinds, controller: 'reserve' });
    runCollect(a, 30 * 300);
    const b = await makeHost({ spec: s, kinds, controller: 'reserve' });
    runCollect(b, 30 * 170);
    const c = await makeHost({ spec: s, kinds, controller: 'reserve' });
    c.restore(structuredClone(b.snapshot()));
    runCollect(c, 30 * 130);
    expect(c.hash()).toBe(a.hash());
    expect(stands(c).delivered[0]).toBeGreaterThan(0);
  });

  it('names every bad stand field', () => {
    const issues = validateScenario(
      spec({
        orders: { ratePerHour: 50, skuCount: 3, skusPerLoad: 1, linesPerOrder: { min: 1, max: 1 }, pickSecPerLine: 10 },
        lineside: {
          stands: [
            { id: 'a', station: 3, sku: 9, partsPerTote: 1, reorderPoint: 0, initialStock: 0 },
            { id: 'a', station: 0, sku: 0, partsPerTote: 1, reorderPoint: 0, initialStock: 0 },
          ],
        },
      } as never),
      robotModels,
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['lineside.stands[0].sku', 'lineside.stands[0].station', 'lineside.stands[1].id', 'orders.ratePerHour']);
  });
});
