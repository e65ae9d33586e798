import { describe, expect, it } from 'vitest';
import { robotModels } from '../../../robots/index.ts';
import { validateScenario, type ScenarioSpecInput } from '../../../sim/index.ts';
import { flowSpec } from './line-helpers.ts';

const base = (): ScenarioSpecInput =>
  flowSpec({ stations: [{ process: { dist: 'fixed', sec: 1 } }, { process: { dist: 'fixed', sec: 1 } }], bufferCapacity: 2, name: 'v' }, 60);
const withLine = (patch: (line: any) => void, extra: Partial<ScenarioSpecInput> = {}): ScenarioSpecInput => {
  const spec = structuredClone(base());
  patch(spec.line);
  return { ...spec, ...extra };
};

describe('line specs', () => {
  it('a line alone (no fleet, no storage, no orders) is a valid scenario', () => {
    expect(validateScenario(base(), robotModels)).toEqual([]);
  });

  it('names every bad field with its path: structure problems at once', () => {
    const spec = withLine((line) => {
      line.machines[0].process = { dist: 'exponential', meanSek: 2 };
      line.buffers[0].capacity = -1;
      line.machines[1].scrapProbability = 2;
      line.sinks[0].colour = 'red';
    });
    const paths = validateScenario(spec, robotModels).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['line.machines[0].process.meanSek', 'line.buffers[0].capacity', 'line.machines[1].scrapProbability', 'line.sinks[0].colour']),
    );
  });

  it('names every bad reference with the nearest valid name, duplicate names, and bad empirical weights', () => {
    const spec = withLine((line) => {
      line.machines[0].from = 'SCR';
      line.machines[1].to = 'SINC';
      line.machines[1].from = 'M1';
      line.buffers.push({ name: 'M2', capacity: 1 });
      line.machines[0].process = { dist: 'empirical', valuesSec: [1, 2], weights: [1] };
    });
    expect(validateScenario(spec, robotModels)).toEqual([
      // Names are claimed sources, buffers, machines, sinks: the machine M2 comes after the buffer M2.
      { path: 'line.machines[1].name', message: '"M2" is already the name of line.buffers[1]' },
      { path: 'line.machines[0].process.weights', message: '1 weights for 2 values' },
      { path: 'line.machines[0].from', message: 'no source or buffer named "SCR"; did you mean "SRC"?' },
      { path: 'line.machines[1].to', message: 'no buffer or sink named "SINC"; did you mean "SINK"?' },
      // A machine as `from` is direct transfer, which both machines must say.
      { path: 'line.machines[0].to', message: '"M2" takes its units directly from "M1" (its from), so "M1" must put them to "M2"' },
    ]);
  });

  it('names a buffer without capacity, a kanban buffer with a capacity or blocking after service, and a CONWIP source with another supply', () => {
    const spec = withLine((line) => {
      delete line.buffers[0].capacity;
      line.buffers.push({ name: 'B7', capacity: 2, kanban: { cards: 3 } }, { name: 'B8', kanban: { cards: 3 }, blocking: 'after-service' });
      line.sources[0].conwip = { cards: 4 };
      line.sources[0].interarrival = { dist: 'fixed', sec: 2 };
    });
    expect(validateScenario(spec, robotModels)).toEqual([
      { path: 'line.buffers[0].capacity', message: 'a buffer needs a capacity (0 for direct transfer) or kanban cards' },
      { path: 'line.buffers[1].kanban', message: 'give capacity or kanban.cards, not both: a kanban buffer holds at most its cards' },
      {
        path: 'line.buffers[2].blocking',
        message: 'a kanban buffer blocks before service: its cards bound the units in the upstream machine and the buffer together',
      },
      { path: 'line.sources[0].conwip', message: 'a CONWIP source releases by its cards: it has no interarrival, line-side stand or conveyor' },
    ]);
  });

  it('checks scripted line events against the line', () => {
    const spec = {
      ...base(),
      events: [
        { atSec: 5, kind: 'machine.down', machine: 'M7', durationSec: 10 },
        { atSec: 5, kind: 'source.burst', source: 'SORC', units: 4 },
      ],
    };
    expect(validateScenario(spec, robotModels)).toEqual([
      { path: 'events[0].machine', message: 'no machine named "M7"; did you mean "M1"?' },
      { path: 'events[1].source', message: 'no source named "SORC"; did you mean "SRC"?' },
    ]);
  });

  it('a warehouse still needs its fleet and orders', () => {
    const { line: _line, ...noLine } = base();
    const paths = validateScenario(noLine, robotModels).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['fleet', 'orders']));
  });
});

describe('a line without a floor', () => {
  it('needs no layout: it gets a bare walled floor around its drawing positions; a warehouse still needs one', () => {
    const { layout: _layout, ...noFloor } = base();
    expect(validateScenario(noFloor, robotModels)).toEqual([]);
    const { line: _line, layout: _l2, ...warehouse } = base();
    expect(
      validateScenario(
        {
          ...warehouse,
          fleet: [{ model: 'shelf-lifter', count: 1 }],
          orders: { ratePerHour: 0, skuCount: 4, skusPerLoad: 2, linesPerOrder: { min: 1, max: 1 }, pickSecPerLine: 5 },
        },
        robotModels,
      ),
    ).toEqual([{ path: 'layout', message: 'required (only a scenario with a production line may leave out its floor)' }]);
  });
});
