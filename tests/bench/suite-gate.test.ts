import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SuiteResults } from '../../bench/analyse/report/results-file.ts';
import { runBench, tempDir, TINY_SCENARIO, writeSuite, type BenchOutput } from './bench-process.ts';

const dir = tempDir('gate');
const baseline = join(dir, 'baseline.json');
const suite = (controller: string) => ({ name: 'gate', scenarios: [TINY_SCENARIO], controllers: [{ label: 'candidate', controller }], seeds: [1, 2] });
const greedySuite = writeSuite(dir, 'greedy.json', suite('greedy'));
const worseSuite = writeSuite(dir, 'worse.json', suite('./tests/fixtures/worse-controller.ts'));
let update: BenchOutput;
let same: BenchOutput;
let worse: BenchOutput;

const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;
const parseJunit = (file: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testcase' }).parse(readFileSync(file, 'utf8'));

describe('bench suite: baseline gate', () => {
  beforeAll(async () => {
    update = await runBench(['suite', greedySuite, '--out', join(dir, 'update'), '--baseline', baseline, '--update-baseline', '--workers', '2']);
    [same, worse] = await Promise.all([
      runBench(['suite', greedySuite, '--out', join(dir, 'same'), '--baseline', baseline, '--workers', '1']),
      // The file controller runs isolated under a wall-clock decide() budget: roomy, so a stall of a loaded CI machine cannot turn the regression into a stopped controller.
      runBench(['suite', worseSuite, '--out', join(dir, 'worse'), '--baseline', baseline, '--workers', '1', '--controller-budget-ms', '60000']),
    ]);
  }, 120_000);

  it("--update-baseline writes a baseline with the runs' hashes and exits 0", () => {
    expect(update.code, update.stderr).toBe(0);
    const written = readJson<{ suite: string; groups: Record<string, { runs: number; hashes: Record<string, string> }> }>(baseline);
    expect(written.suite).toBe('gate');
    const results = readJson<SuiteResults>(join(dir, 'update', 'results.json'));
    const group = written.groups[results.runs[0]!.group]!;
    expect(group.runs).toBe(2);
    expect(Object.values(group.hashes).sort()).toEqual(results.runs.map((r) => r.hash).sort());
  });

  it('the same controller passes the gate (exit 0) with identical hashes', () => {
    expect(same.code, same.stderr).toBe(0);
    const a = readJson<SuiteResults>(join(dir, 'update', 'results.json'));
    const b = readJson<SuiteResults>(join(dir, 'same', 'results.json'));
    expect(b.runs.map((r) => [r.key, r.hash, r.kpis])).toEqual(a.runs.map((r) => [r.key, r.hash, r.kpis]));
    const junit = parseJunit(join(dir, 'same', 'junit.xml'));
    const cases = junit.testsuites.testsuite.testcase;
    expect(cases).toHaveLength(1);
    expect(cases[0].failure).toBeUndefined();
  });

  it('a deliberately worse controller fails the gate (exit 1) with a JUnit failure', () => {
    expect(worse.code, worse.stderr).toBe(1);
    expect(worse.stdout).toMatch(/throughputPerHour regressed/);
    const junit = parseJunit(join(dir, 'worse', 'junit.xml'));
    expect(junit.testsuites['@_failures']).toBe('1');
    const cases = junit.testsuites.testsuite.testcase;
    expect(cases).toHaveLength(1);
    expect(cases[0]['@_name']).toBe('candidate');
    expect(cases[0].failure['@_type']).toBe('regression');
  });

  it('summary.md has one row per group whose values match results.json', () => {
    const results = readJson<SuiteResults>(join(dir, 'worse', 'results.json'));
    const md = readFileSync(join(dir, 'worse', 'summary.md'), 'utf8');
    const rows = md.split('\n').filter((l) => l.startsWith('| warehouse/'));
    expect(rows).toHaveLength(1);
    const cells = rows[0]!.split('|').map((c) => c.trim());
    const mean = (read: (r: SuiteResults['runs'][number]) => number) => results.runs.reduce((s, r) => s + read(r), 0) / results.runs.length;
    expect(cells[2]).toBe('candidate');
    expect(cells[3]).toBe(String(results.runs.length));
    expect(cells[5]!.split(' ')[0]).toBe(mean((r) => r.kpis!.throughputPerHour).toFixed(1));
    expect(cells[6]!.split(' ')[0]).toBe(mean((r) => r.kpis!.cycleTimeP50Sec).toFixed(1));
    expect(cells[8]!.split(' ')[0]).toBe(mean((r) => r.kpis!.collisions.total).toFixed(2));
    expect(cells[4]).toContain('regression');
  });

  it('a hash change with equal KPIs is a behaviour change, not a failure; with --strict-hash it fails naming the runs', async () => {
    const edited = readJson<{ groups: Record<string, { hashes: Record<string, string> }> }>(baseline);
    const group = Object.values(edited.groups)[0]!;
    const [changedKey, keptKey] = Object.keys(group.hashes).sort();
    group.hashes[changedKey!] = '0000000000000000';
    const changed = join(dir, 'changed-baseline.json');
    writeFileSync(changed, JSON.stringify(edited));
    const [lenient, strictMerge, strictSuite] = await Promise.all([
      runBench(['merge', join(dir, 'same'), '--out', join(dir, 'changed'), '--baseline', changed]),
      runBench(['merge', join(dir, 'same'), '--out', join(dir, 'changed-strict'), '--baseline', changed, '--strict-hash']),
      runBench(['suite', greedySuite, '--out', join(dir, 'suite-strict'), '--baseline', changed, '--strict-hash', '--workers', '1']),
    ]);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(readFileSync(join(dir, 'changed', 'summary.md'), 'utf8')).toMatch(/behaviour change: state hash differs from the baseline in 1 of 2 runs/);
    expect(lenient.stdout).toMatch(/PASS$/m);
    for (const [name, out] of [
      ['merge', strictMerge],
      ['suite', strictSuite],
    ] as const) {
      expect(out.code, `${name}: ${out.stderr}`).toBe(1);
      const errors = out.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('error: '));
      expect(errors, name).toEqual([`error: --strict-hash: ${Object.keys(edited.groups)[0]}: state hash differs from the baseline in ${changedKey}`]);
      expect(out.stderr, name).not.toContain(keptKey!);
      expect(out.stdout, name).toMatch(/FAIL$/m);
      expect(out.stdout, name).toContain('❌ hash changed');
    }
    const junit = parseJunit(join(dir, 'changed-strict', 'junit.xml'));
    expect(junit.testsuites['@_failures']).toBe('1');
    expect(junit.testsuites.testsuite.testcase[0].failure['@_type']).toBe('hash-change');
    expect(junit.testsuites.testsuite.testcase[0].failure['@_message']).toContain(changedKey);
  }, 60_000);

  it('--strict-hash passes when every hash equals the baseline', async () => {
    const out = await runBench(['merge', join(dir, 'same'), '--out', join(dir, 'same-strict'), '--baseline', baseline, '--strict-hash']);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/PASS$/m);
  }, 30_000);

  it('usage and input errors exit 2 with one line and no stack trace', async () => {
    const cases: string[][] = [
      ['suite', 'no-such-suite'],
      ['suite', greedySuite, '--baseline', join(dir, 'missing.json')],
      ['suite', greedySuite, '--shard', '4/3'],
      ['suite', writeSuite(dir, 'bad-controller.json', suite('no-such-controller'))],
    ];
    const outs = await Promise.all(cases.map((args) => runBench(args)));
    for (const [i, args] of cases.entries()) {
      const out = outs[i]!;
      expect(out.code, args.join(' ')).toBe(2);
      expect(out.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);

  it('a crashed run is recorded as an error with its message while the other runs go on (exit 1)', async () => {
    const crashSuite = writeSuite(dir, 'crash.json', {
      name: 'crash',
      scenarios: [TINY_SCENARIO],
      controllers: ['greedy', './tests/fixtures/crashing-controller.ts'],
      seeds: [1],
    });
    const out = await runBench(['suite', crashSuite, '--out', join(dir, 'crash')]);
    expect(out.code).toBe(1);
    const results = readJson<SuiteResults>(join(dir, 'crash', 'results.json'));
    const crashed = results.runs.find((r) => r.controller.includes('crashing'))!;
    expect(crashed.status).toBe('error');
    expect(crashed.error).toMatch(/crashed on reset/);
    expect(results.runs.find((r) => r.controller === 'greedy')!.status).toBe('ok');
    expect(existsSync(join(dir, 'crash', 'junit.xml'))).toBe(true);
    expect(readFileSync(join(dir, 'crash', 'junit.xml'), 'utf8')).toMatch(/<error message="[^"]*crashed on reset/);
  }, 60_000);
});
