import { describe, expect, it } from 'vitest';
import { loadRows } from '../../sim/index.ts';
import { robotRows } from '../../sim/index.ts';
import { stationRows } from '../../sim/index.ts';
import { robotModels } from '../../robots/index.ts';
import { G2P_SMALL_LAYOUT, generateG2pScenario, maxStations } from '../../scenarios/index.ts';
import { compileScenario } from '../../sim/index.ts';

describe('g2p scenario generator (generateG2pScenario)', () => {
  it("with 4 block columns, 4 aisles, 4 stations and 20 robots gives g2p-small's floor", () => {
    expect(generateG2pScenario({ blockColumns: 4, aisles: 4, stations: 4, robots: 20 }).layout.rows).toEqual([...G2P_SMALL_LAYOUT]);
  });

  it('compiles for a grid of parameters, with the asked stations, pods and robots', () => {
    for (const [blockColumns, aisles, stations, robots] of [
      [2, 2, 1, 3],
      [3, 3, 2, 12],
      [6, 5, 4, 120],
    ] as const) {
      const model = compileScenario(generateG2pScenario({ blockColumns, aisles, stations, robots }), robotModels);
      expect(stationRows.things(model)).toHaveLength(stations);
      expect(robotRows.things(model)).toHaveLength(robots);
      expect(loadRows.things(model)).toHaveLength((aisles - 1) * 10 * blockColumns);
    }
  });

  it('rejects impossible parameters with a RangeError naming them', () => {
    expect(() => generateG2pScenario({ blockColumns: 2, aisles: 3, stations: maxStations(2) + 1, robots: 5 })).toThrow(
      new RegExp(`stations must be an integer in 1\\.\\.${maxStations(2)}`),
    );
    expect(() => generateG2pScenario({ blockColumns: 3, aisles: 1, stations: 1, robots: 5 })).toThrow(/aisles/);
  });
});
