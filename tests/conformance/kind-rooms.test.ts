import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, groupGraph, importGraph, tsFiles } from './import-graph.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PRODUCT = ['sim', 'scenarios', 'robots', 'web', 'bench'].flatMap((d) => tsFiles(ROOT, d));
/** Every import, type-only ones included: a circle of types ties files together as much as one of values. */
const graph = importGraph(ROOT, PRODUCT, true);

/** The folder of each kind (`sim/kinds/robot`); the production line's kinds share `sim/kinds/line`. */
const KIND_ROOMS = readdirSync(join(ROOT, 'sim/kinds'))
  .filter((name) => statSync(join(ROOT, 'sim/kinds', name)).isDirectory())
  .map((name) => `sim/kinds/${name}`);
const roomOf = (file: string) => KIND_ROOMS.find((room) => file.startsWith(`${room}/`)) ?? null;
/** The package's faces: they hand kinds' public names on to hosts. */
const FACES = new Set(['sim/index.ts', 'sim/page-api.ts']);
/**
 * The page's light path (no physics, no zod: `tests/web/page-api.test.ts`) takes a few leaf files of
 * kinds directly (frame constants, KPI reducers), where a kind's `index.ts` would pull in the whole kind.
 */
const LIGHT_PATH = new Set(['sim/page-api.ts', 'sim/kinds/builtin-kpi-kinds.ts']);

describe('the kinds are rooms', () => {
  it('every kind folder has an index.ts, its public face', () => {
    expect(KIND_ROOMS.length).toBeGreaterThanOrEqual(15);
    expect(KIND_ROOMS.filter((room) => !existsSync(join(ROOT, room, 'index.ts')))).toEqual([]);
  });

  it("no file outside a kind's folder imports the kind's internals", () => {
    const reaching = [...graph].flatMap(([file, deps]) =>
      deps
        .filter((d) => {
          const room = roomOf(d);
          return room !== null && roomOf(file) !== room && d !== `${room}/index.ts` && !LIGHT_PATH.has(file);
        })
        .map((d) => `${file} → ${d}`),
    );
    expect(reaching).toEqual([]);
  });

  it('sim/ outside the kinds imports no concrete kind (only the built-in lists and the package faces do)', () => {
    const reaching = [...graph]
      .filter(([file]) => file.startsWith('sim/') && !file.startsWith('sim/kinds/') && !FACES.has(file))
      .flatMap(([file, deps]) => deps.filter((d) => roomOf(d) !== null).map((d) => `${file} → ${d}`));
    expect(reaching).toEqual([]);
  });

  it('sim/ has no import circle, type-only imports included, between files or between its folders', () => {
    const sim = new Map([...graph].filter(([f]) => f.startsWith('sim/')));
    expect(cycles(sim)).toEqual([]);
    const folderOf = (file: string) => roomOf(file) ?? (file.split('/').length > 2 ? file.split('/')[1]! : 'index');
    expect(cycles(groupGraph(sim, folderOf))).toEqual([]);
  });

  it('the whole product has no import circle, type-only imports included', () => {
    expect(cycles(graph)).toEqual([]);
  });
});
