import { describe, expect, it } from 'vitest';
import { observe, type FleetController, type FleetObservation, type Roadmap } from '../../sim/index.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';

const ARRAYS = ['nodeX', 'nodeZ', 'nodeCell', 'nodeKind', 'cellNode', 'edgeStart', 'edgeTarget', 'edgeDir'] as const;
const copyRoadmap = (r: Roadmap) => Object.fromEntries(ARRAYS.map((k) => [k, Array.from(r[k])]));

/** Tries to write into every part of what a controller is handed; returns how many writes threw. */
function vandalise(o: FleetObservation, roadmap: Roadmap): number {
  let refused = 0;
  const attempt = (write: () => void) => {
    try {
      write();
    } catch {
      refused += 1;
    }
  };
  for (const key of ARRAYS) attempt(() => (roadmap[key] as unknown as { fill(v: number): void }).fill(7));
  attempt(() => ((roadmap as { nodeCount: number }).nodeCount = 1));
  attempt(() => (o.storageNodes as number[]).push(1));
  attempt(() => (o.chargerNodes as number[]).push(1));
  attempt(() => ((o.grid as { cols: number }).cols = 1));
  attempt(() => ((o.loads[0] as { node: number | null }).node = 12345));
  attempt(() => (o.loads as unknown[]).pop());
  attempt(() => ((o.stations[0] as { node: number }).node = 12345));
  if (o.tasks[0]) attempt(() => ((o.tasks[0] as { load: number }).load = 12345));
  attempt(() => (o.robots[0] as unknown as { route: number[] }).route.push(1));
  attempt(() => ((o.robots[0] as { x: number }).x = -1));
  return refused;
}

describe('a controller that writes into what it was handed', () => {
  it('cannot change the model, the state or the next observation', async () => {
    const seen: Array<{ tick: number; roadmap: Record<string, number[]>; loads: string }> = [];
    let pristine: Record<string, number[]> | null = null;
    let refusedTotal = 0;
    const vandal: FleetController = {
      name: 'vandal',
      reset(info) {
        pristine = copyRoadmap(info.roadmap);
        for (const key of ARRAYS) (info.roadmap[key] as unknown as { fill(v: number): void }).fill(3);
      },
      decide(o) {
        seen.push({ tick: o.tick, roadmap: copyRoadmap(o.roadmap), loads: JSON.stringify(o.loads) });
        refusedTotal += vandalise(o, o.roadmap);
        return [];
      },
    };
    const host = await makeHost({ scenario: 'warehouse/g2p-small', controller: vandal, seed: 3, overrides: { minutes: 2 } });
    const modelRoadmap = copyRoadmap(host.model.roadmap);
    expect(modelRoadmap).toEqual(pristine);
    const events = runCollect(host, 300);
    const honest = await makeHost({ scenario: 'warehouse/g2p-small', controller: { name: 'idle', decide: () => [] }, seed: 3, overrides: { minutes: 2 } });
    runCollect(honest, 300);

    expect(copyRoadmap(host.model.roadmap)).toEqual(modelRoadmap);
    for (const s of seen) expect(s.roadmap, `observation at tick ${s.tick}`).toEqual(modelRoadmap);
    expect(refusedTotal).toBeGreaterThan(seen.length * 5);
    const fresh = observe(host.model, host.state);
    expect(JSON.stringify(fresh.loads)).toBe(seen.length ? JSON.stringify(observe(honest.model, honest.state).loads) : '');
    expect(host.hash()).toBe(honest.hash());
    const reports = events.filter((e) => e.type === 'controller.failed');
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ message: expect.stringMatching(/wrote into the roadmap.*undone/) });
  });
});
