import fc from 'fast-check';
import { robotRows } from '../../sim/index.ts';
import { stationRows } from '../../sim/index.ts';
import { loadRows } from '../../sim/index.ts';
import { describe, expect, it } from 'vitest';
import { buildSortationFloor, buildWarehouseFloor, generateSortationScenario, generateWarehouseScenario } from '../../scenarios/index.ts';
import { robotModels } from '../../robots/index.ts';
import { compileScenario, shortestPath, validateScenario } from '../../sim/index.ts';

const BASE = {
  storage: 'T',
  blockColumns: 2,
  blockWidth: 3,
  rackDepth: 2,
  bands: 1,
  cellM: 1,
  aisleWidthM: 2,
  crossAisleWidthM: 1,
  oneWay: true,
  stations: 1,
  queueCells: 2,
  chargers: 2,
  spawns: 3,
} as const;

describe('the parametric warehouse floor', () => {
  it('turns aisle widths in metres into lanes, one each way when wide', () => {
    const floor = buildWarehouseFloor(BASE);
    // 2-m aisles on a 1-m grid: two lanes, east and west; 1-m cross-aisles alternate north and south.
    expect(floor.rows).toEqual([
      '###########',
      '#S.S.S....#',
      '#>>>>>>>>>#',
      '#<<<<<<<<<#',
      '#^TTTvTTT^#',
      '#^TTTvTTT^#',
      '#>>>>>>>>>#',
      '#<<<<<<<<<#',
      '#^###vv##^#',
      '#^###vv##^#',
      '#^###vP##^#',
      '#^###vv##^#',
      '#>>>>>>>>>#',
      '#<<<<<<<<<#',
      '#..C...C..#',
      '#>>>>>>>>>#',
      '#<<<<<<<<<#',
      '###########',
    ]);
    expect(floor).toMatchObject({ storageCells: 12, stations: 1, chargers: 2, spawns: 3 });
    const wider = buildWarehouseFloor({ ...BASE, cellM: 0.5, aisleWidthM: 1.6 });
    expect(wider.rows.filter((r) => /^#[<>]+#$/.test(r)).length).toBe(4 * 3); // 4 aisles (north, south of the band, south of the stations, by the chargers) × round(1.6 / 0.5) lanes
  });

  it('names the parameter out of range', () => {
    expect(() => buildWarehouseFloor({ ...BASE, rackDepth: 3 as 2 })).toThrow('rackDepth must be 1 or 2, got 3');
    expect(() => buildWarehouseFloor({ ...BASE, stations: 99 })).toThrow(/stations must be an integer in 0\.\.3/);
  });

  const params = fc.record({
    storage: fc.constantFrom('R' as const, 'T' as const),
    blockColumns: fc.integer({ min: 1, max: 4 }),
    blockWidth: fc.integer({ min: 1, max: 6 }),
    rackDepth: fc.constantFrom(1 as const, 2 as const),
    bands: fc.integer({ min: 1, max: 3 }),
    cellM: fc.constantFrom(1, 1.2),
    aisleWidthM: fc.double({ min: 0.5, max: 3.5, noNaN: true }),
    crossAisleWidthM: fc.double({ min: 0.5, max: 3.5, noNaN: true }),
    oneWay: fc.boolean(),
    queueCells: fc.integer({ min: 1, max: 3 }),
    chargers: fc.integer({ min: 0, max: 4 }),
    robots: fc.integer({ min: 1, max: 12 }),
  });

  it('random floors compile, and every storage and station node is reachable from every spawn (fast-check seed 5, 60 runs)', () => {
    fc.assert(
      fc.property(params, ({ robots, ...floor }) => {
        const spec = generateWarehouseScenario({
          id: 'test/gen@1',
          title: 'gen',
          floor: { ...floor, stations: 1 },
          robotModel: floor.storage === 'T' ? 'tote-carrier' : 'shelf-lifter',
          robots,
          ordersPerHour: 60,
          minutes: 1,
        });
        expect(validateScenario(spec, robotModels)).toEqual([]);
        const model = compileScenario(spec, robotModels);
        const goals = [...loadRows.fields(model).storageNodes, ...stationRows.things(model).map((s) => s.node)];
        for (const r of robotRows.things(model))
          for (const goal of goals) expect(shortestPath(model.roadmap, r.spawnNode, goal), `spawn ${r.spawnNode} → ${goal}`).not.toBeNull();
      }),
      { seed: 5, numRuns: 60 },
    );
  });

  it('sortation floors: every chute and induct is reachable from every other (fast-check seed 6, 40 runs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 6 }),
        (chuteColumns, chuteRows, oneWay, robots) => {
          const inducts = Math.ceil(chuteColumns / 2);
          const floor = buildSortationFloor({ chuteColumns, chuteRows, inducts, oneWay, spawns: robots });
          expect(floor.chuteCells.length).toBe(chuteColumns * chuteRows);
          const spec = generateSortationScenario({
            id: 'test/sort@1',
            title: 's',
            chuteColumns,
            chuteRows,
            inducts,
            oneWay,
            robots,
            inductSec: 1,
            tipSec: 1,
            parcels: 20,
            minutes: 1,
          });
          expect(validateScenario(spec, robotModels)).toEqual([]);
          const model = compileScenario(spec, robotModels);
          const nodes = [...floor.inductCells, ...floor.chuteCells].map((c) => model.roadmap.cellNode[c]!);
          for (const a of nodes) for (const b of nodes) expect(shortestPath(model.roadmap, a, b), `${a} → ${b}`).not.toBeNull();
        },
      ),
      { seed: 6, numRuns: 40 },
    );
  });
});
