import { describe, expect, it } from 'vitest';
import { loadRows } from '../../../sim/index.ts';
import { chooseStation } from '../../../sim/kinds/station/choose-station.ts';
import { indexJoinableTasks } from '../../../sim/kinds/station/joinable-tasks.ts';
import { releaseOrderAt } from '../../../sim/kinds/station/advance-orders.ts';
import type { SimHost } from '../../../sim/index.ts';
import { makeHost, makeSpec } from '../../helpers/make-host.ts';

/** Two pods (load 0 holds SKUs 0 and 2, load 1 holds SKUs 1 and 3), two stations, no order stream. */
const LAYOUT = ['############', '#S.........#', '#S.........#', '#..R..R..PP#', '############'];

async function twoStationHost(stationChoice: 'fewest-open-orders' | 'pod-affinity'): Promise<SimHost> {
  const spec = makeSpec(LAYOUT, {
    fleet: [{ model: 'shelf-lifter', count: 2 }],
    orders: { ratePerHour: 0, skuCount: 4, skusPerLoad: 2, linesPerOrder: { min: 1, max: 2 }, pickSecPerLine: 5, stationChoice },
  });
  const host = await makeHost({ spec, controller: 'pibt', seed: 1 });
  expect(loadRows.fields(host.model).skuLoads).toEqual([[0], [1], [0], [1]]);
  // One open order at each station: load 0 headed to station 0, load 1 to station 1.
  releaseOrderAt(host.model, host.state, 0, [0]);
  releaseOrderAt(host.model, host.state, 1, [1]);
  return host;
}

const choose = (host: SimHost, skus: number[]) => chooseStation(host.model, host.state, indexJoinableTasks(host.model, host.state), skus);

describe('orders.stationChoice', () => {
  it('fewest-open-orders (default) ignores where pods are headed: ties go to the lowest station', async () => {
    const host = await twoStationHost('fewest-open-orders');
    try {
      expect(choose(host, [3])).toBe(0);
      expect(choose(host, [2])).toBe(0);
    } finally {
      host.dispose();
    }
  });

  it('pod-affinity sends an order where a pod holding most of its SKUs is headed', async () => {
    const host = await twoStationHost('pod-affinity');
    try {
      expect(choose(host, [3])).toBe(1); // load 1 is headed to station 1
      expect(choose(host, [2])).toBe(0);
      expect(choose(host, [2, 3, 1])).toBe(1); // two of three lines match station 1's pod
    } finally {
      host.dispose();
    }
  });

  it('pod-affinity never attracts work to a station above the mean open orders, and breaks ties by pick work pending', async () => {
    const host = await twoStationHost('pod-affinity');
    try {
      releaseOrderAt(host.model, host.state, 1, [3]); // station 1: two open orders, both on load 1's task
      expect(choose(host, [1])).toBe(0); // station 1 is above the mean (2 > 1.5)
      releaseOrderAt(host.model, host.state, 0, [2, 0]); // station 0: two open orders, three lines pending
      expect(choose(host, [1])).toBe(1); // both at the mean; station 1 matches
      expect(choose(host, [])).toBe(1); // no match: station 1 has two lines pending, station 0 three
    } finally {
      host.dispose();
    }
  });
});
