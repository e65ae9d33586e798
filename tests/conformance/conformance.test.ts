import { afterEach, describe, expect, it, vi } from 'vitest';
import { controllers } from '../../robots/index.ts';
import { scenarios } from '../../scenarios/index.ts';
import { makeHost, runCollect } from '../helpers/make-host.ts';

/** Ticks each pair runs: enough for robots to be moving and carrying, small enough for CI. */
const TICKS: Record<string, number> = { 'warehouse/g2p-large@1': 90 };
const DEFAULT_TICKS = 600;

afterEach(() => vi.restoreAllMocks());

/**
 * Every registered scenario with every built-in controller: same seed ⇒ same hash; snapshot,
 * restore into a fresh host, continue ⇒ the uninterrupted hash; and none of it touches
 * Math.random or Date.now (stubbed to throw in the second run).
 */
describe.each(Object.keys(scenarios))('conformance of %s', (scenario) => {
  it.each(Object.keys(controllers))(
    'with %s: deterministic, restorable, no global randomness',
    async (controller) => {
      const ticks = TICKS[scenario] ?? DEFAULT_TICKS;
      const half = Math.floor(ticks / 2);
      const options = { scenario, controller, seed: 5, overrides: { minutes: 10 } };

      const straight = await makeHost(options);
      runCollect(straight, ticks);
      const expected = straight.hash();
      straight.dispose();

      vi.spyOn(Math, 'random').mockImplementation(() => {
        throw new Error(`Math.random called (${scenario}, ${controller})`);
      });
      vi.spyOn(Date, 'now').mockImplementation(() => {
        throw new Error(`Date.now called (${scenario}, ${controller})`);
      });
      const first = await makeHost(options);
      runCollect(first, half);
      const snapshot = structuredClone(first.snapshot());
      const atSnapshot = first.hash();
      first.dispose();
      const second = await makeHost(options);
      second.restore(snapshot);
      expect(second.hash(), 'a restored state must hash like the state it was taken of (every kind, every column)').toBe(atSnapshot);
      expect(Object.keys(second.state.things)).toEqual(second.model.kinds.kinds.map((k) => k.id));
      runCollect(second, ticks - half);
      expect(second.tick).toBe(ticks);
      expect(second.hash(), 'snapshot → restore → continue must give the uninterrupted hash').toBe(expected);
      second.dispose();
    },
    300_000,
  );
});
