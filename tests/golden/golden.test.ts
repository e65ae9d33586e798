import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { goldenKeys, runGolden, type GoldenValues } from './golden-runs.ts';

/**
 * Golden behaviour of every registered scenario × built-in controller: KPIs and a digest of the
 * whole event stream, pinned so that a refactor proves it changed no behaviour. The state hash is
 * pinned too, in its own table, because its format may change deliberately (then only `hashes`
 * moves). Regenerate after an intended change with `UPDATE_GOLDEN=1 npx vitest run tests/golden`.
 */
const FILE = fileURLToPath(new URL('./golden-values.json', import.meta.url));
type GoldenFile = { behaviour: Record<string, Omit<GoldenValues, 'hash'>>; hashes: Record<string, string> };
const pinned: GoldenFile = JSON.parse(readFileSync(FILE, 'utf8'));
const update = process.env.UPDATE_GOLDEN === '1';
const fresh: GoldenFile = { behaviour: {}, hashes: {} };

describe('golden behaviour', () => {
  it('pins every registered scenario × built-in controller', () => {
    expect(Object.keys(pinned.behaviour).sort()).toEqual(goldenKeys().sort());
  });

  it.each(goldenKeys())(
    '%s: same KPIs, event stream and state hash as pinned',
    async (key) => {
      const { hash, ...behaviour } = await runGolden(key);
      fresh.behaviour[key] = behaviour;
      fresh.hashes[key] = hash;
      if (update) {
        writeFileSync(
          FILE,
          `${JSON.stringify({ ...pinned, ...fresh, behaviour: { ...pinned.behaviour, ...fresh.behaviour }, hashes: { ...pinned.hashes, ...fresh.hashes } }, null, 2)}\n`,
        );
        return;
      }
      expect(behaviour, `behaviour of ${key} changed`).toEqual(pinned.behaviour[key]);
      expect(hash, `state hash of ${key} changed`).toBe(pinned.hashes[key]);
      // Work entered: orders, units of a production line, or errand tasks reached (sortation, imports).
      expect(
        behaviour.kpis.ordersReleased + (behaviour.kpis.things?.sink?.unitsReleased ?? 0) + (behaviour.kpis.things?.errand?.errandsReached ?? 0),
      ).toBeGreaterThan(0);
    },
    300_000,
  );
});
