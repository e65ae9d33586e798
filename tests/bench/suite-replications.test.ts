/**
 * Replications in suites: a scenario entry with `replications: N` runs N independent seeds (the
 * suite's first seed on), its summary shows each KPI's mean ± 95 % half-width, and the gate
 * compares the mean with the baseline mean.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Baseline } from '../../bench/analyse/gate/baseline.ts';
import { evaluateGate } from '../../bench/analyse/gate/evaluate-gate.ts';
import type { SuiteResults } from '../../bench/analyse/report/results-file.ts';
import { summarize } from '../../bench/analyse/stats/welch.ts';
import { expandSuite, suiteDefinitionSchema } from '../../bench/analyse/suite/suite-definition.ts';
import { runBench, tempDir, TINY_SCENARIO, writeSuite, type BenchOutput } from './bench-process.ts';

const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

describe('suite entries with replications', () => {
  it("run seeds s … s+N−1 from the suite's first seed, instead of the suite's seeds; other entries keep them", () => {
    const suite = suiteDefinitionSchema.parse({
      name: 'reps',
      scenarios: [{ id: 'production/flow-line', minutes: 10, replications: 4 }, TINY_SCENARIO],
      controllers: ['greedy'],
      seeds: [7, 20],
    });
    const jobs = expandSuite(suite);
    const line = jobs.filter((j) => j.scenario === 'production/flow-line@1');
    expect(line.map((j) => j.seed).sort((a, b) => a - b)).toEqual([7, 8, 9, 10]);
    expect(new Set(line.map((j) => j.replications))).toEqual(new Set([4]));
    expect(new Set(line.map((j) => j.group)).size).toBe(1);
    const g2p = jobs.filter((j) => j.scenario !== 'production/flow-line@1');
    expect(g2p.map((j) => j.seed).sort((a, b) => a - b)).toEqual([7, 20]);
    expect(g2p.every((j) => j.replications === undefined)).toBe(true);
  });

  it('refuses fewer than 2 and non-integers, naming the field', () => {
    for (const replications of [1, 0, 2.5]) {
      const r = suiteDefinitionSchema.safeParse({
        name: 'reps',
        scenarios: [{ id: 'production/flow-line', replications }],
        controllers: ['greedy'],
        seeds: [1],
      });
      expect(r.success).toBe(false);
      expect(r.error!.issues[0]!.path).toEqual(['scenarios', 0, 'replications']);
    }
  });
});

describe('bench suite with replications: report and gate', () => {
  const dir = tempDir('suite-reps');
  const baseline = join(dir, 'baseline.json');
  const suiteFile = writeSuite(dir, 'reps.json', {
    name: 'reps',
    scenarios: [{ id: 'production/flow-line', minutes: 30, replications: 5 }],
    controllers: ['greedy'],
    seeds: [3],
  });
  const badFile = writeSuite(dir, 'bad.json', {
    name: 'reps',
    scenarios: [{ id: 'production/flow-line', replications: 1 }],
    controllers: ['greedy'],
    seeds: [3],
  });
  let update: BenchOutput;
  let same: BenchOutput;
  let bad: BenchOutput;

  beforeAll(async () => {
    update = await runBench(['suite', suiteFile, '--out', join(dir, 'update'), '--baseline', baseline, '--update-baseline', '--workers', '2']);
    // The flow line's exponential repairs (mean 3 min) can leave the sink without a unit for over 5
    // minutes: a machine under repair is slow work, not a stall, so no run is reported stalled.
    const written = readJson<Baseline>(baseline);
    expect(Object.values(written.groups).every((g) => !g.allow?.stalled)).toBe(true);
    same = await runBench(['suite', suiteFile, '--out', join(dir, 'same'), '--baseline', baseline, '--workers', '2']);
    bad = await runBench(['suite', badFile, '--out', join(dir, 'bad')]);
  }, 180_000);

  it('runs the N seeds, records `replications` on each run, and the summary shows mean ± the 95 % half-width of results.json', () => {
    expect(update.code, update.stderr).toBe(0);
    expect(same.code, same.stderr).toBe(0);
    const results = readJson<SuiteResults>(join(dir, 'same', 'results.json'));
    expect(results.runs.map((r) => r.seed).sort((a, b) => a - b)).toEqual([3, 4, 5, 6, 7]);
    expect(results.runs.every((r) => r.replications === 5 && r.status === 'ok')).toBe(true);
    const throughputs = results.runs.map((r) => r.kpis!.things!.sink!.throughputPerHour!);
    // Independent seeds: the replications differ.
    expect(new Set(throughputs).size).toBeGreaterThan(1);
    const s = summarize(throughputs);
    // t(0.975, 4) = 2.7764: the half-width is that times sd / √5.
    expect(s.ci95).toBeCloseTo((2.7764451 * s.sd) / Math.sqrt(5), 5);
    const md = readFileSync(join(dir, 'same', 'summary.md'), 'utf8');
    const header = md
      .split('\n')
      .find((l) => l.startsWith('| Scenario'))!
      .split('|')
      .map((c) => c.trim());
    const row = md
      .split('\n')
      .find((l) => l.startsWith('| production/flow-line'))!
      .split('|')
      .map((c) => c.trim());
    const cell = row[header.indexOf('Line throughput (units/h)')]!;
    expect(cell).toBe(`${s.mean.toFixed(1)} ± ${s.ci95.toFixed(1)} (=)`);
    expect(row[3]).toBe('5');
    expect(md).toContain('± is the 95 % confidence half-width of the mean over its seeds');
  });

  it('the gate compares the mean: a baseline mean just outside the tolerance fails, one inside passes', () => {
    const results = readJson<SuiteResults>(join(dir, 'same', 'results.json'));
    const written = readJson<Baseline>(baseline);
    const group = results.runs[0]!.group;
    const mean = written.groups[group]!.kpis['line.throughputPerHour']!;
    const tol = written.tolerances['line.throughputPerHour']!;
    const allowed = (ref: number) => Math.max(tol.absolute, tol.relative * ref);
    // The baseline mean a little higher than the allowance: the current mean regressed.
    const above = (mean + 0.5) / (1 - tol.relative);
    expect(mean < above - allowed(above)).toBe(true);
    const edit = (ref: number): Baseline => ({
      ...written,
      groups: { [group]: { ...written.groups[group]!, kpis: { ...written.groups[group]!.kpis, 'line.throughputPerHour': ref } } },
    });
    const failing = evaluateGate(results.runs, edit(above))[0]!;
    expect(failing.status).toBe('fail');
    const m = failing.metrics.find((x) => x.metric.key === 'line.throughputPerHour')!;
    expect(m.status).toBe('regressed');
    expect(m.current).toBeCloseTo(mean, 4);
    expect(m.interval!.n).toBe(5);
    expect(failing.notes.join('\n')).toMatch(/line\.throughputPerHour regressed: .* mean of 5 replications ± \d+\.\d{3} \(95 %\)/);
    // Inside the allowance: passes (a KPI within tolerance), whatever the spread of the seeds.
    const inside = evaluateGate(results.runs, edit(mean * 1.01))[0]!;
    expect(inside.metrics.find((x) => x.metric.key === 'line.throughputPerHour')!.status).toBe('within');
    expect(inside.status).toBe('pass');
  });

  it('a replication count below 2 exits 2 naming the field', () => {
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/replications/);
    expect(bad.stderr).toMatch(/at least 2/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
