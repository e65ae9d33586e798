/**
 * Summaries that fit the scenario: the headless table, the suite's Markdown and JUnit reports show
 * a line's units/h, OEE and machines, sortation's parcels/h and a warehouse's orders/h, drawn from
 * the KPIs' metadata, and no row that is zero only because the scenario has no such thing.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGate } from '../../bench/analyse/gate/evaluate-gate.ts';
import { formatJunitXml } from '../../bench/analyse/report/junit-xml.ts';
import { formatKpiTable } from '../../bench/analyse/report/kpi-table.ts';
import { formatSummaryMarkdown } from '../../bench/analyse/report/summary-markdown.ts';
import { resolveScenario } from '../../bench/run/registry.ts';
import { runScenario, type RunResult } from '../../bench/run/run-scenario.ts';
import { okRecord, type RunJob } from '../../bench/run/run-job.ts';
import { hostCatalog } from '../../robots/index.ts';
import { scenarios } from '../../scenarios/index.ts';
import { builtinKinds, compileScenario, figureMetaOf, headlineKpisOf } from '../../sim/index.ts';

const run = (scenario: string, minutes: number): Promise<RunResult> => runScenario({ scenario, controller: 'reserve', overrides: { minutes } });

/** Row labels of a `bench run` table (the text before the two-space gap). */
const labels = (table: string) => table.split('\n').map((line) => line.split(/\s{2,}/)[0]!);

const results = new Map<string, RunResult>();
async function result(scenario: string): Promise<RunResult> {
  if (!results.has(scenario)) results.set(scenario, await run(scenario, scenario === 'production/flow-line' ? 20 : 3));
  return results.get(scenario)!;
}

function record(r: RunResult) {
  const job: RunJob = {
    key: `${r.scenario}/reserve/seed-${r.seed}`,
    group: `${r.scenario}/reserve`,
    scenario: r.scenario,
    spec: resolveScenario(r.scenario),
    label: 'reserve',
    controller: 'reserve',
    seed: r.seed,
    overrides: {},
  };
  return okRecord(job, r);
}

describe('headline KPIs', () => {
  it('name what a gate should watch in every registered scenario', () => {
    const headline = (id: string) => headlineKpisOf(compileScenario(scenarios[id]!, hostCatalog)).map((d) => `${d.key} ${d.unit} ${d.better}`);
    expect(headline('production/flow-line@1')).toEqual(['things.sink.throughputPerHour units/h higher', 'things.machine.oee % higher']);
    expect(headline('production/assembly-line@1')).toEqual(['things.sink.throughputPerHour units/h higher', 'things.machine.oee % higher']);
    expect(headline('warehouse/sortation@1')).toEqual(['things.chute.parcelsPerHour parcels/h higher']);
    expect(headline('warehouse/g2p-small@1')).toEqual(['throughputPerHour orders/h higher']);
    for (const id of Object.keys(scenarios)) expect(headline(id).length, id).toBeGreaterThan(0);
  });

  it('read their values from the KPIs', async () => {
    const r = await result('warehouse/sortation');
    const [sort] = headlineKpisOf(compileScenario(resolveScenario('warehouse/sortation'), hostCatalog));
    expect(sort!.read(r.kpis)).toBe(r.kpis.things!.chute!.parcelsPerHour);
    expect(sort!.read(r.kpis)).toBeGreaterThan(0);
    expect(r.headline).toEqual([expect.objectContaining({ key: 'things.chute.parcelsPerHour', unit: 'parcels/h', value: sort!.read(r.kpis) })]);
  });
});

describe('bench run summary', () => {
  it('of a flow line: units/h, OEE and its machines; no orders, robots, distance or collisions', async () => {
    const r = await result('production/flow-line');
    const table = formatKpiTable(r);
    expect(table).toMatch(/^headline\s+line throughput \d+\.\d units\/h, OEE \(bottleneck\) \d+\.\d %$/m);
    expect(table).toMatch(/^line throughput\s+\d+\.\d units\/h$/m);
    expect(table).toMatch(/^OEE \(bottleneck\)\s+\d+\.\d % \(availability/m);
    for (const m of ['M1', 'M2', 'M3', 'M4', 'M5']) expect(table).toMatch(new RegExp(`^machine ${m}\\s+units \\d+, OEE \\d+\\.\\d %, `, 'm'));
    const rows = labels(table);
    for (const absent of ['orders delivered', 'throughput', 'order cycle time p50', 'robot utilisation', 'distance', 'energy', 'collisions', 'deadlocks'])
      expect(rows, absent).not.toContain(absent);
    expect(table).not.toMatch(/orders\/h|robots 0/);
  });

  it('of sortation: parcels/h; no orders or utilisation', async () => {
    const r = await result('warehouse/sortation');
    const table = formatKpiTable(r);
    expect(table).toMatch(/^headline\s+sort rate \d+\.\d parcels\/h$/m);
    expect(table).toMatch(/^sort rate\s+[1-9]\d*\.\d parcels\/h$/m);
    expect(table).toMatch(/^parcels sorted\s+[1-9]\d* \(chutes used \d+\)$/m);
    const rows = labels(table);
    for (const absent of ['orders delivered', 'throughput', 'order cycle time p50', 'robot utilisation']) expect(rows, absent).not.toContain(absent);
    // Robots drive here: their distance and collisions are real figures.
    expect(rows).toEqual(expect.arrayContaining(['distance', 'collisions', 'deadlocks']));
    expect(table).not.toMatch(/orders\/h|load-load/);
  });

  it('of a warehouse: orders/h and the fleet; no line, no parcels', async () => {
    const r = await result('warehouse/g2p-small');
    const table = formatKpiTable(r);
    expect(table).toMatch(/^headline\s+throughput \d+\.\d orders\/h$/m);
    expect(table).toMatch(/^orders delivered\s+[1-9]\d* \(released \d+, lines picked \d+\)$/m);
    expect(table).toMatch(/^robot utilisation\s+\d+\.\d %$/m);
    expect(table).not.toMatch(/units\/h|OEE|parcels|machine/);
  });

  it('declares metadata for every figure the kinds report', async () => {
    for (const scenario of ['production/flow-line', 'warehouse/sortation', 'warehouse/g2p-small']) {
      const r = await result(scenario);
      for (const [kind, figures] of Object.entries(r.kpis.things ?? {})) {
        for (const figure of Object.keys(figures)) expect(figureMetaOf(builtinKinds.get(kind)!.kpis!, figure), `${kind}.${figure}`).toBeDefined();
      }
      for (const reading of r.kpiMeta) expect(reading.title.length, reading.key).toBeGreaterThan(0);
    }
  });
});

describe('suite reports', () => {
  it('show each group the KPIs its scenario has, and – where it has no such thing', async () => {
    const records = [await result('production/flow-line'), await result('warehouse/sortation'), await result('warehouse/g2p-small')].map(record);
    const verdicts = evaluateGate(records, null);
    const markdown = formatSummaryMarkdown('kpi-test', verdicts, null);
    const header = markdown
      .split('\n')
      .find((l) => l.startsWith('| Scenario'))!
      .split('|')
      .map((c) => c.trim());
    const row = (scenario: string) => {
      const cells = markdown
        .split('\n')
        .find((l) => l.startsWith(`| ${scenario}`))!
        .split('|')
        .map((c) => c.trim());
      return (title: string) => cells[header.indexOf(title)];
    };
    expect(header).toEqual(expect.arrayContaining(['Throughput (orders/h)', 'Line throughput (units/h)', 'OEE (bottleneck)']));
    const line = row('production/flow-line@1');
    expect(line('Throughput (orders/h)')).toBe('–');
    expect(line('Robot utilisation')).toBe('–');
    expect(line('Line throughput (units/h)')).toMatch(/^[1-9]\d*\.\d$/);
    const warehouse = row('warehouse/g2p-small@1');
    expect(warehouse('Throughput (orders/h)')).toMatch(/^[1-9]\d*\.\d$/);
    expect(warehouse('Line throughput (units/h)')).toBe('–');
    expect(warehouse('OEE (bottleneck)')).toBe('–');
    expect(line('Headline')).toMatch(/^[1-9]\d*\.\d units\/h, \d+\.\d %$/);
    expect(warehouse('Headline')).toMatch(/^[1-9]\d*\.\d orders\/h$/);
    expect(row('warehouse/sortation@1')('Headline')).toMatch(/^[1-9]\d*\.\d parcels\/h$/);
    const sort = row('warehouse/sortation@1');
    expect(sort('Throughput (orders/h)')).toBe('–');
    expect(sort('Collisions')).toMatch(/^\d+\.\d\d$/);
    const junit = formatJunitXml('kpi-test', verdicts);
    const systemOut = (scenario: string) =>
      new RegExp(`classname="${scenario.replace('/', '\\/')}"[\\s\\S]*?<system-out>([^<]*)</system-out>`).exec(junit)![1]!;
    expect(systemOut('production/flow-line@1')).toMatch(/KPIs \(mean over seeds\): .*Line throughput \(units\/h\) [1-9]/);
    expect(systemOut('production/flow-line@1')).not.toContain('orders/h');
    expect(systemOut('warehouse/g2p-small@1')).toMatch(/Throughput \(orders\/h\) [1-9]/);
    expect(systemOut('warehouse/g2p-small@1')).not.toContain('units/h');
  });
});
