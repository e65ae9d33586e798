/**
 * The page's line charts read only the event stream: the state Gantt chart's shares and the WIP
 * chart's average must equal the sim's own line KPIs at the same tick (flow line, and a CONWIP
 * loop over a transfer line with a warm-up); the Gantt columns draw each state's time as its area.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MACHINE_STATES, type ScenarioSpecInput } from '../../sim/index.ts';
import { bottleneckVerdict } from '../../web/line/bottleneck-verdict.ts';
import { pixelsPerState, stateSecondsPerColumn } from '../../web/line/gantt-columns.ts';
import { LineTimeline } from '../../web/line/line-timeline.ts';
import { makeHost } from '../helpers/make-host.ts';

const conwip = JSON.parse(readFileSync(new URL('../fixtures/line/conwip-transfer-line.json', import.meta.url), 'utf8')) as ScenarioSpecInput;

async function foldTo(options: { scenario?: string; spec?: ScenarioSpecInput }, ticks: number) {
  const host = await makeHost({ ...options, controller: 'greedy' });
  const timeline = new LineTimeline();
  let inLine = 0;
  while (host.tick < ticks) {
    const { events } = host.advance(Math.min(600, ticks - host.tick));
    timeline.add(events);
    for (const e of events) {
      if (e.type === 'unit.released') inLine += 1;
      if (e.type === 'unit.completed' || (e.type === 'unit.processed' && e.scrapped)) inLine -= 1;
    }
  }
  const nowSec = host.tick / host.model.hz;
  const kpis = host.kpis();
  host.dispose();
  return { timeline, nowSec, kpis, inLine };
}

describe('LineTimeline against the sim line KPIs', () => {
  for (const [label, options, ticks] of [
    ['production/flow-line at 40 min', { scenario: 'production/flow-line' }, 30 * 2400],
    ['a CONWIP transfer line with a 10 min warm-up, at 50 min', { spec: conwip }, 30 * 3000],
  ] as const) {
    it(`${label}: every machine's share per state, the WIP average and units in the line match`, async () => {
      const { timeline, nowSec, kpis, inLine } = await foldTo(options, ticks);
      const machine = kpis.things!.machine!;
      expect(timeline.machines.length).toBeGreaterThanOrEqual(4);
      let compared = 0;
      timeline.machines.forEach((track, m) => {
        const shares = timeline.sharesAt(m, nowSec);
        for (const s of MACHINE_STATES) {
          // The KPIs are rounded to 4 decimals.
          expect(Math.abs(shares[s] - machine[`${track.name}.${s}`]!), `${track.name}.${s}`).toBeLessThanOrEqual(5e-5 + 1e-9);
          compared += shares[s] > 0.01 ? 1 : 0;
        }
      });
      expect(compared).toBeGreaterThan(timeline.machines.length * 2);
      expect(Math.abs(timeline.wipAverageAt(nowSec) - kpis.things!.sink!.wipUnits!)).toBeLessThanOrEqual(5e-5 + 1e-9);
      expect(timeline.wipNowUnits).toBe(inLine);
      expect(timeline.wipSec.length).toBeGreaterThan(50);
      const verdict = bottleneckVerdict(
        machine,
        timeline.machines.map((t) => t.name),
      );
      expect(verdict!.name).toBe(timeline.machines[machine.bottleneckMachine!]!.name);
      expect(verdict!.text).toMatch(new RegExp(`^${verdict!.name} by active periods \\(${verdict!.name} sole \\d+\\.\\d %, shifting \\d+\\.\\d %; `));
    }, 60_000);
  }

  it('the warm-up opens the share window: a CONWIP loop of 6 cards averages exactly 6 units from then on', async () => {
    const { timeline, nowSec } = await foldTo({ spec: conwip }, 30 * 1200);
    expect(timeline.warmupSec).toBe(600);
    expect(timeline.windowStartSec).toBe(600);
    expect(timeline.wipAverageAt(nowSec)).toBeCloseTo(6, 9);
    // The 6 cards are released at once at the start, and each unit that leaves is replaced at the
    // same instant: the series holds 6 units throughout (a step at one instant is one point).
    expect(new Set(timeline.wipUnits)).toEqual(new Set([6]));
    expect(timeline.wipSec[0]).toBe(0);
  }, 60_000);
});

describe('Gantt columns', () => {
  const track = { name: 'M', startSec: [0, 3, 3.5, 7], states: [1, 2, 4, 3], windowSec: [] };
  it('puts each spell into the columns it covers, by time', () => {
    const S = MACHINE_STATES.length;
    const sec = stateSecondsPerColumn(track, 0, 10, 5);
    const col = (c: number) => Array.from(sec.subarray(c * S, c * S + S));
    expect(col(0)).toEqual([0, 2, 0, 0, 0, 0]);
    expect(col(1)).toEqual([0, 1, 0.5, 0, 0.5, 0]);
    expect(col(2)).toEqual([0, 0, 0, 0, 2, 0]);
    expect(col(3)).toEqual([0, 0, 0, 1, 1, 0]);
    expect(col(4)).toEqual([0, 0, 0, 2, 0, 0]);
  });

  it('splits a column height among states by largest remainder, summing exactly', () => {
    expect(pixelsPerState([0, 1, 0.5, 0, 0.5, 0], 0, 16)).toEqual([0, 8, 4, 0, 4, 0]);
    expect(pixelsPerState([0, 1, 1, 1, 0, 0], 0, 16)).toEqual([0, 6, 5, 5, 0, 0]);
    expect(pixelsPerState([0, 0, 0, 0, 0, 0], 0, 16)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
