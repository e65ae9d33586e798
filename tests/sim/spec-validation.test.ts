import { describe, expect, it } from 'vitest';
import { stationRows } from '../../sim/index.ts';
import { loadRows } from '../../sim/index.ts';
import { robotRows } from '../../sim/index.ts';
import { robotModels } from '../../robots/index.ts';
import { compileScenario, ScenarioSpecError, type ScenarioSpecInput } from '../../sim/index.ts';
import { makeSpec } from '../helpers/make-host.ts';

const GOOD = ['#######', '#S....#', '#..R..#', '#..P..#', '#######'];

function issuesOf(spec: unknown, catalog = robotModels): Array<{ path: string; message: string }> {
  try {
    compileScenario(spec, catalog);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioSpecError);
    return [...(error as ScenarioSpecError).issues];
  }
  throw new Error('spec compiled but should not have');
}

describe('scenario validation names the field and the reason', () => {
  it('accepts a good spec', () => {
    const model = compileScenario(makeSpec(GOOD), robotModels);
    expect(robotRows.things(model)).toHaveLength(1);
    expect(loadRows.things(model)).toHaveLength(1);
    expect(stationRows.things(model)).toHaveLength(1);
    expect(Object.isFrozen(model)).toBe(true);
  });

  it('rejects an unknown layout character', () => {
    const rows = [...GOOD];
    rows[2] = '#..R?.#';
    expect(issuesOf(makeSpec(rows))).toEqual([{ path: 'layout.rows[2][4]', message: expect.stringContaining('unknown layout character "?"') }]);
  });

  it('rejects a robot spawned inside a rack', () => {
    const spec = makeSpec(GOOD, { fleet: [{ model: 'shelf-lifter', count: 1, spawnCells: [{ row: 2, col: 3 }] }] });
    expect(issuesOf(spec)).toEqual([{ path: 'fleet[0].spawnCells[0]', message: expect.stringMatching(/is a rack pod \(R\); robots must spawn on floor/) }]);
  });

  it('rejects a robot model with a negative speed', () => {
    const catalog = { ...robotModels, fast: { ...robotModels['shelf-lifter']!, id: 'fast', maxSpeedMps: -1 } };
    const issues = issuesOf(makeSpec(GOOD, { fleet: [{ model: 'fast', count: 1 }] }), catalog);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('fleet[0].model(fast).maxSpeedMps');
    expect(issues[0]!.message).toMatch(/>0|positive|greater than 0/i);
  });

  it('rejects a negative horizon with its field path', () => {
    const issues = issuesOf(makeSpec(GOOD, { horizonSec: -5 }));
    expect(issues.map((i) => i.path)).toEqual(['horizonSec']);
  });

  it('rejects a layout without a pick station', () => {
    const rows = ['#######', '#S....#', '#..R..#', '#.....#', '#######'];
    expect(issuesOf(makeSpec(rows))).toEqual([{ path: 'layout.rows', message: 'the layout has no pick station (P)' }]);
  });

  it('rejects ragged layout rows', () => {
    const rows = [...GOOD];
    rows[3] = '#..P.#';
    expect(issuesOf(makeSpec(rows))).toEqual([{ path: 'layout.rows[3]', message: 'row has 6 cells but row 0 has 7; every row must be the same length' }]);
  });

  it('lists several problems at once and formats them one per line', () => {
    const spec = { ...makeSpec(GOOD), fleet: [{ model: 'nope', count: 1 }], orders: undefined } as unknown as ScenarioSpecInput;
    try {
      compileScenario(spec, robotModels);
      throw new Error('should not compile');
    } catch (error) {
      expect((error as Error).message.split('\n')[0]).toBe('invalid scenario test/tiny@1:');
      expect((error as Error).message).toContain('  orders: ');
    }
  });
});
