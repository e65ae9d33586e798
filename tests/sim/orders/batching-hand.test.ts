import { describe, expect, it } from 'vitest';
import { orderRows } from '../../../sim/index.ts';
import { stationRows } from '../../../sim/index.ts';
import { releaseOrderAt } from '../../../sim/kinds/station/advance-orders.ts';
import type { SimHost, SimEvent, TaskPhase } from '../../../sim/index.ts';
import { makeHost, runCollect } from '../../helpers/make-host.ts';
import { eventsOf, onePodSpec } from './orders-floor.ts';

/** Steps until task 0 reaches `phase`, collecting events; fails if it never does. */
function runUntilPhase(host: SimHost, phase: TaskPhase, events: SimEvent[]): void {
  while (orderRows.data(host.state).tasks[0]?.phase !== phase) {
    if (host.done) throw new Error(`task 0 never reached ${phase}`);
    events.push(...host.advance(1).events);
  }
}

/** Runs the one-pod floor (backlog of one order, no stream), releasing a second order of SKU 1 by hand once task 0 is in `phase`. */
async function releaseDuring(batching: 'until-lift' | 'until-picked', phase: TaskPhase): Promise<{ events: SimEvent[]; host: SimHost; order: number }> {
  const host = await makeHost({ spec: onePodSpec(batching, 0), controller: 'pibt', seed: 1 });
  const events: SimEvent[] = [];
  runUntilPhase(host, phase, events);
  const order = releaseOrderAt(host.model, host.state, 0, [1]);
  events.push(...runCollect(host));
  return { events, host, order };
}

describe('orders.batching until-picked: a line rides the trip already under way', () => {
  it('serves a line released while its pod is carried to the station by that same trip', async () => {
    const on = await releaseDuring('until-picked', 'carrying');
    const off = await releaseDuring('until-lift', 'carrying');
    try {
      expect(eventsOf(on.events, 'task.created').map((e) => e.task)).toEqual([0]);
      expect(eventsOf(on.events, 'load.lifted')).toHaveLength(1); // the lift before the release; the line needs no second one
      const picks = eventsOf(on.events, 'pick.completed').filter((e) => e.order === on.order);
      expect(picks.map((e) => e.task)).toEqual([0]);
      expect(eventsOf(on.events, 'order.delivered').map((e) => e.order)).toEqual([0, on.order]);
      // Off: the line waits for a second task and a second trip.
      expect(eventsOf(off.events, 'task.created').length).toBeGreaterThan(eventsOf(on.events, 'task.created').length);
      expect(eventsOf(off.events, 'task.created').find((e) => e.order === off.order)?.task).toBe(1);
    } finally {
      on.host.dispose();
      off.host.dispose();
    }
  });

  it('picks a line that joins mid-pick with the rest: the picker works one line longer, the order is delivered once', async () => {
    const host = await makeHost({ spec: onePodSpec('until-picked', 0), controller: 'pibt', seed: 1 });
    try {
      const events: SimEvent[] = [];
      runUntilPhase(host, 'picking', events);
      const perLine = 5 * host.model.hz;
      const left = stationRows.table(host.state).pickTicksLeft[0]!;
      const order = releaseOrderAt(host.model, host.state, 0, [1]);
      expect(orderRows.data(host.state).tasks.map((t) => t.lines)).toEqual([
        [
          [0, 0],
          [order, 0],
        ],
      ]);
      expect(stationRows.table(host.state).pickTicksLeft[0]).toBe(left + perLine);
      events.push(...runCollect(host));
      const started = eventsOf(events, 'pick.started');
      const completed = eventsOf(events, 'pick.completed');
      expect(started.map((e) => e.task)).toEqual([0]);
      expect(completed.map((e) => [e.order, e.task])).toEqual([
        [0, 0],
        [order, 0],
      ]);
      expect(completed[0]!.tick - started[0]!.tick).toBe(2 * perLine - 1); // two lines' pick time (the start tick is the first one worked)
      expect(eventsOf(events, 'order.delivered').map((e) => e.order)).toEqual([0, order]);
      expect(host.kpis().linesPicked).toBe(2);
    } finally {
      host.dispose();
    }
  });

  it('opens a new task for a line whose pod has finished its picks (returning)', async () => {
    const host = await makeHost({ spec: onePodSpec('until-picked', 0), controller: 'pibt', seed: 1 });
    try {
      const events: SimEvent[] = [];
      runUntilPhase(host, 'returning', events);
      const order = releaseOrderAt(host.model, host.state, 0, [1]);
      events.push(...runCollect(host));
      expect(eventsOf(events, 'task.created').map((e) => [e.task, e.order])).toEqual([
        [0, 0],
        [1, order],
      ]);
    } finally {
      host.dispose();
    }
  });
});
