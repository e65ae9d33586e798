import { describe, expect, it } from 'vitest';
import { findScenario, generateFlowLine, scenarioNames } from '../../../scenarios/index.ts';
import { MACHINE_STATES } from '../../../sim/index.ts';
import { makeHost } from '../../helpers/make-host.ts';

describe('production/flow-line', () => {
  it('is registered and generated from one small parameter set', () => {
    expect(scenarioNames()).toContain('production/flow-line');
    const spec = findScenario('production/flow-line')!;
    expect(spec.fleet).toBeUndefined();
    expect(spec.orders).toBeUndefined();
    const line = spec.line as { machines: Array<{ name: string; from: string; to: string }>; buffers: Array<{ capacity: number }> };
    expect(line.machines.map((m) => `${m.from}>${m.name}>${m.to}`)).toEqual(['SRC>M1>B1', 'B1>M2>B2', 'B2>M3>B3', 'B3>M4>B4', 'B4>M5>SINK']);
    expect(line.buffers.map((b) => b.capacity)).toEqual([4, 4, 4, 4]);
    expect(() => generateFlowLine({ stations: [], bufferCapacity: 1 })).toThrow(/stations/);
    expect(() =>
      generateFlowLine({ stations: [{ process: { dist: 'fixed', sec: 1 } }, { process: { dist: 'fixed', sec: 1 } }], bufferCapacity: [1, 2] }),
    ).toThrow(/bufferCapacity/);
  });

  it('runs: throughput > 0, every machine’s state shares sum to 1, OEE = A × P × Q', async () => {
    const host = await makeHost({ scenario: 'production/flow-line', overrides: { minutes: 30 } });
    host.runToEnd();
    const { machine, sink } = host.kpis().things!;
    expect(sink!.throughputPerHour).toBeGreaterThan(0);
    expect(sink!.unitsCompleted).toBeGreaterThan(40);
    for (const name of ['M1', 'M2', 'M3', 'M4', 'M5']) {
      const shares = MACHINE_STATES.map((s) => machine![`${name}.${s}`]!);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
      expect(machine![`${name}.oee`]).toBeCloseTo(machine![`${name}.availability`]! * machine![`${name}.performance`]! * machine![`${name}.quality`]!, 3);
    }
    // M1 is never starved (saturated source), M5 never blocked (the sink takes everything).
    expect(machine!['M1.starved']).toBe(0);
    expect(machine!['M5.blocked']).toBe(0);
    expect(machine!['M2.down']).toBeGreaterThan(0);
    expect(machine!.oee).toBeGreaterThan(0);
    expect(machine!.oee).toBeLessThan(1);
    host.dispose();
  }, 60_000);
});
