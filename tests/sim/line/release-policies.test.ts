import { describe, expect, it } from 'vitest';
import type { ScenarioSpecInput } from '../../../sim/index.ts';
import { makeHost } from '../../helpers/make-host.ts';
import { flowSpec, runEach } from './line-helpers.ts';
import { exactLineThroughput, mvaThroughput } from './serial-line-chain.ts';

const exponentialStations = (rates: readonly number[]) => rates.map((r) => ({ process: { dist: 'exponential' as const, meanSec: 1 / r } }));

async function runLine(spec: ScenarioSpecInput, seed: number) {
  const host = await makeHost({ spec, seed, controller: 'greedy' });
  let inLine = 0;
  let maxInLine = 0;
  runEach(host, (e) => {
    if (e.type === 'unit.released') maxInLine = Math.max(maxInLine, ++inLine);
    if (e.type === 'unit.completed' || (e.type === 'unit.processed' && e.scrapped)) inLine--;
  });
  const kpis = host.kpis().things!;
  host.dispose();
  return { sink: kpis.sink!, machine: kpis.machine!, maxInLine };
}

describe('CONWIP: a closed loop of identical exponential stations against mean value analysis (within 2 %)', () => {
  const stations = 3;
  const rate = 20;
  it.each([1, 2, 4, 8])(
    '%i cards',
    async (cards) => {
      const exact = mvaThroughput(stations, 1 / rate, cards);
      const horizonSec = Math.ceil(22_000 / exact / 10) * 10;
      // Buffers as large as the cards: the loop never blocks, as in the closed network.
      const spec = flowSpec(
        { stations: exponentialStations(new Array(stations).fill(rate)), bufferCapacity: cards, conwipCards: cards, name: 'conwip' },
        horizonSec,
      );
      const { sink, maxInLine } = await runLine(spec, 4);
      const simulated = sink.unitsCompleted! / horizonSec;
      const error = (simulated - exact) / exact;
      console.log(
        `| CONWIP, ${stations} stations, ${cards} cards | MVA | ${exact.toFixed(4)} | ${simulated.toFixed(4)} | ${(error * 100).toFixed(2)} % | ${sink.unitsCompleted} |`,
      );
      expect(sink.unitsCompleted).toBeGreaterThanOrEqual(20_000);
      expect(Math.abs(error)).toBeLessThan(0.02);
      // The cards bound the line: never more than `cards` units in it, and the time-average WIP is the card count.
      expect(maxInLine).toBe(cards);
      expect(sink.wipUnits).toBeCloseTo(cards, 2);
      // Little's law on the loop: cycle time = cards / throughput.
      expect(Math.abs(sink.cycleTimeMeanSec! - cards / simulated) / (cards / simulated)).toBeLessThan(0.01);
    },
    120_000,
  );

  it('releases a unit the instant one reaches the sink, and the sink KPIs read as for an open line', async () => {
    const spec = flowSpec(
      { stations: [{ process: { dist: 'fixed', sec: 2 } }, { process: { dist: 'fixed', sec: 3 } }], bufferCapacity: 4, conwipCards: 1, name: 'conwip' },
      60,
    );
    const host = await makeHost({ spec, seed: 1, controller: 'greedy' });
    const released: number[] = [];
    const completed: number[] = [];
    runEach(host, (e) => {
      if (e.type === 'unit.released') released.push(e.atSec);
      if (e.type === 'unit.completed') completed.push(e.atSec);
    });
    // One card: a unit takes 2 + 3 s through the loop; the next is released as it leaves.
    expect(completed.slice(0, 3)).toEqual([5, 10, 15]);
    expect(released.slice(0, 4)).toEqual([0, 5, 10, 15]);
    // 11 units by the 60 s horizon (the 12th would reach the sink at 60 s): 660 units/h.
    expect(host.kpis().things!.sink!.throughputPerHour).toBe(660);
    host.dispose();
  });
});

describe('kanban between stages: cards per buffer', () => {
  it('3 exponential machines with 2 and 1 cards match the exact chain of blocking before service (within 2 %)', async () => {
    const rates = [20, 17, 19];
    const { throughput: exact } = exactLineThroughput({ rates, capacities: [2, 1], beforeService: true });
    const horizonSec = Math.ceil(22_000 / exact / 10) * 10;
    const base = flowSpec({ stations: exponentialStations(rates), bufferCapacity: [2, 1], name: 'kanban' }, horizonSec);
    const line = base.line as { buffers: Array<{ name: string; position: unknown }> };
    const spec = { ...base, line: { ...line, buffers: line.buffers.map((b, i) => ({ name: b.name, kanban: { cards: [2, 1][i]! }, position: b.position })) } };
    const { sink } = await runLine(spec, 6);
    const simulated = sink.unitsCompleted! / horizonSec;
    const error = (simulated - exact) / exact;
    console.log(
      `| kanban, 3 machines, cards 2/1 | chain | ${exact.toFixed(4)} | ${simulated.toFixed(4)} | ${(error * 100).toFixed(2)} % | ${sink.unitsCompleted} |`,
    );
    expect(Math.abs(error)).toBeLessThan(0.02);
  }, 120_000);

  it('a kanban card bounds the units in the upstream machine and its buffer together: with one card the upstream machine waits, blocked, until the downstream one takes the unit', async () => {
    const base = flowSpec(
      { stations: [{ process: { dist: 'fixed', sec: 1 } }, { process: { dist: 'fixed', sec: 3 } }], bufferCapacity: [1], name: 'kanban' },
      30,
    );
    const line = base.line as { buffers: Array<{ name: string }> };
    const spec = { ...base, line: { ...line, buffers: [{ name: 'B1', kanban: { cards: 1 } }] } };
    const host = await makeHost({ spec, seed: 1, controller: 'greedy' });
    const m1: string[] = [];
    runEach(host, (e) => {
      if (e.type === 'machine.state' && e.name === 'M1' && e.atSec < 8) m1.push(`${e.atSec}:${e.to}`);
    });
    // M1 works 0–1 and puts the unit in B1; M2 takes it at once, so M1 starts again (1–2); its
    // next unit waits in B1 holding the card (2–4), so M1 is blocked before service until M2 takes it at 4.
    expect(m1).toEqual(['0:working', '2:blocked', '4:working', '5:blocked', '7:working']);
    host.dispose();
  });
});
