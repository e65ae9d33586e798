/**
 * The main thread's physics-free entry to the simulation core (`sim/page-api.ts`): it exports
 * the same things as `sim/index.ts`, its KPI kinds are the built-in kinds' own reducers, the page
 * outside its worker imports the core only through it, and nothing it reaches imports a package
 * (Rapier, zod …). `tests/e2e/main-bundle.test.ts` checks the built bundle itself.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as index from '../../sim/index.ts';
import * as pageApi from '../../sim/page-api.ts';
import { runtimeImports, tsFiles } from '../conformance/import-graph.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every import specifier of a file, type-only ones included. */
function allImports(source: string): string[] {
  return [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s+[^'";]*?\s*from\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('sim/page-api.ts', () => {
  it('exports nothing sim/index.ts does not, the same objects under the same names', () => {
    const names = Object.keys(pageApi);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) expect((index as Record<string, unknown>)[name], name).toBe((pageApi as Record<string, unknown>)[name]);
  });

  it('folds KPIs with the reducers of exactly the built-in kinds that have them, in registry order', () => {
    const expected = index.builtinKinds.kinds.filter((k) => k.kpis).map((k) => [k.id, k.kpis]);
    expect(pageApi.builtinKpiKinds.kinds.map((k) => [k.id, k.kpis])).toEqual(expected);
    pageApi.builtinKpiKinds.kinds.forEach((k, i) => expect(k.kpis).toBe(expected[i]![1]));
  });

  it('gives the same KPIs as the full registry for a production-line event stream', () => {
    const things = { machine: [1], sink: [1], item: [1, 2], conveyor: [1] };
    const events: index.SimEvent[] = [
      { type: 'item.spawned', tick: 3, item: 0, itemType: 'part', x: 0, y: 0, z: 0 },
      { type: 'item.consumed', tick: 40, item: 0, itemType: 'part' },
    ];
    const fold = (kinds: index.KindRegistry) => index.finalizeKpis(events.reduce(index.reduceKpis, index.createKpiAccumulator(30, kinds, things)), 60);
    expect(fold(pageApi.builtinKpiKinds)).toEqual(fold(index.builtinKinds));
    expect(fold(pageApi.builtinKpiKinds).things?.item).toMatchObject({ itemsSpawned: 1, itemsConsumed: 1 });
  });

  it('is what the page outside its worker imports the core through', () => {
    const offenders = tsFiles(ROOT, 'web')
      .filter((f) => !f.startsWith('web/worker/'))
      .flatMap((file) =>
        allImports(readFileSync(join(ROOT, file), 'utf8'))
          .filter((s) => s.startsWith('.'))
          .map((s) => normalize(join(dirname(file), s)))
          .filter((target) => target.startsWith('sim/') && target !== 'sim/page-api.ts')
          .map((target) => `${file} → ${target}`),
      );
    expect(offenders).toEqual([]);
  });

  it('reaches no package at run time (no Rapier, no zod), only core files', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const s of runtimeImports(readFileSync(join(ROOT, file), 'utf8'))) {
        if (s.startsWith('.')) visit(normalize(join(dirname(file), s)));
        else packages.add(`${file} → ${s}`);
      }
    };
    visit('sim/page-api.ts');
    expect([...packages]).toEqual([]);
    expect([...seen].filter((f) => /^sim\/(physics|step|compile|host\/sim-host)/.test(f))).toEqual([]);
  });
});
