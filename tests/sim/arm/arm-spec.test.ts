import { describe, expect, it } from 'vitest';
import { hostCatalog, robotModels } from '../../../robots/index.ts';
import { validateScenario } from '../../../sim/index.ts';
import { armKinds, armSpec, UR_SUCTION } from './arm-helpers.ts';

describe('the arms section', () => {
  it('reports every problem with its path: unknown model, wrong tool, joint count, start beyond a limit', () => {
    const issues = validateScenario(
      armSpec([
        { ...UR_SUCTION, model: 'ur10' },
        { ...UR_SUCTION, homeDeg: [0, 0, 0, 0] },
        { model: 'epson-g6-453s', base: { xM: 2, zM: 2 }, tool: 'suction', homeDeg: [0, 200, 0, 0] },
      ]),
      hostCatalog,
      armKinds,
    );
    expect(issues).toEqual([
      { path: 'arms[0].model', message: 'unknown arm model "ur10"; known: ur5e, epson-g6-453s' },
      { path: 'arms[1].homeDeg', message: '4 values; ur5e has 6 joints' },
      { path: 'arms[2].homeDeg', message: 'joint 2 beyond its limit: 200.00° outside [-147.50°, 147.50°]' },
    ]);
    const structural = validateScenario(armSpec([{ ...UR_SUCTION, tool: 'magnet', bse: 1 }]), hostCatalog, armKinds);
    expect(structural.map((i) => i.path)).toEqual(expect.arrayContaining(['arms[0].tool', 'arms[0].bse']));
  });

  it('a host catalogue without arm models says so; robot-model errors list only robot models', () => {
    expect(validateScenario(armSpec([UR_SUCTION]), robotModels, armKinds)).toEqual([
      { path: 'arms[0].model', message: 'unknown arm model "ur5e"; known: (none: the host catalogue has no arm models)' },
    ]);
    const robot = validateScenario(armSpec([], [], { fleet: [{ model: 'arm:ur5e', count: 1 }] }), hostCatalog, armKinds);
    expect(robot).toEqual([{ path: 'fleet[0].model', message: 'unknown robot model "arm:ur5e"; known: shelf-lifter, tote-carrier' }]);
  });
});
