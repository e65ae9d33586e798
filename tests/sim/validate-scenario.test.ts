import { describe, expect, it } from 'vitest';
import { robotModels } from '../../robots/index.ts';
import { findScenario } from '../../scenarios/index.ts';
import { compileScenario, ScenarioSpecError, scenarioJsonSchema, validateScenario } from '../../sim/index.ts';
import { makeSpec } from '../helpers/make-host.ts';

const LAYOUT = ['#######', '#S..R.#', '#.....#', '#..P..#', '#######'];

describe('validateScenario', () => {
  it('reports every problem at once: three independent errors and one unknown key give four lines', () => {
    const spec = makeSpec(LAYOUT) as Record<string, unknown>;
    spec.horizonSec = -5;
    spec.fleet = [{ model: 'shelf-lifter', count: 0 }];
    spec.physics = { hz: 10, controlEvery: 3 };
    const { ratePerHour, ...orders } = spec.orders as { ratePerHour: number };
    spec.orders = { ...orders, ratePerHuor: ratePerHour };
    const issues = validateScenario(spec, robotModels);
    expect(issues.map((i) => i.path).sort()).toEqual(['fleet[0].count', 'horizonSec', 'orders.ratePerHuor', 'physics.hz']);
    expect(issues).toContainEqual({ path: 'orders.ratePerHuor', message: 'unknown key; did you mean ratePerHour?' });
  });

  it('names the nearest key at the top level too, and lists the valid keys when nothing is near', () => {
    const spec = { ...makeSpec(LAYOUT), horizonSecs: 60, zzz: 1 } as Record<string, unknown>;
    delete spec.horizonSec;
    const issues = validateScenario(spec, robotModels);
    expect(issues).toContainEqual({ path: 'horizonSecs', message: 'unknown key; did you mean horizonSec?' });
    expect(issues.find((i) => i.path === 'zzz')?.message).toMatch(/^unknown key; valid keys here: .*layout.*fleet.*orders/);
    expect(issues.map((i) => i.path)).not.toContain('horizonSec');
  });

  it('names an unknown scripted event kind with the nearest known one', () => {
    const issues = validateScenario(makeSpec(LAYOUT, { events: [{ atSec: 1, kind: 'robot.stal', robot: 0, durationSec: 2 }] }), robotModels);
    expect(issues).toEqual([
      {
        path: 'events[0].kind',
        message:
          'unknown "robot.stal"; did you mean robot.stall? (known: robot.stall, machine.down, source.burst, item.spawn, conveyor.stop, robot.breakdown, station.close, command.latency, observation.noise, node.block, item.drop)',
      },
    ]);
  });

  it('reports layout problems beside structural ones, and semantic ones with their paths', () => {
    const structural = validateScenario({ ...makeSpec(['#####', '#S.?#', '#####']), horizonSec: 'long' }, robotModels);
    expect(structural.map((i) => i.path)).toEqual(['horizonSec', 'layout.rows[1][3]']);
    const semantic = validateScenario(
      makeSpec(LAYOUT, { fleet: [{ model: 'forklift', count: 1 }], events: [{ atSec: 1, kind: 'robot.stall', robot: 4, durationSec: 1 }] }),
      robotModels,
    );
    expect(semantic).toEqual([
      { path: 'fleet[0].model', message: 'unknown robot model "forklift"; known: shelf-lifter, tote-carrier' },
      { path: 'events[0].robot', message: 'robot 4 does not exist (fleet has 0)' },
    ]);
  });

  it('accepts every registered scenario, and compileScenario throws the same issues as one error', () => {
    for (const id of ['warehouse/g2p-small', 'warehouse/g2p-medium', 'warehouse/g2p-large'])
      expect(validateScenario(findScenario(id), robotModels)).toEqual([]);
    expect(() => compileScenario({ id: 'bad' }, robotModels)).toThrow(ScenarioSpecError);
    expect(() => compileScenario({ id: 'bad' }, robotModels)).toThrow(/id: must look like family\/name@version/);
  });

  it('has a JSON Schema whose sections come from the kinds', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, { description?: string }>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'layout', 'fleet', 'orders', 'events', '$schema']));
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'horizonSec']));
    // layout, fleet and orders are required by the robot and station kinds' checks unless the scenario has a production line.
    expect(Object.keys(schema.properties)).toContain('line');
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema.properties.events)).toContain('robot.stall');
  });
});
