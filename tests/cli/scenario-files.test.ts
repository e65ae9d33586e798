import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../../scenarios/index.ts';
import type { SuiteResults } from '../../bench/analyse/report/results-file.ts';
import { runBench, tempDir, writeSuite, type BenchOutput } from '../bench/bench-process.ts';

const dir = tempDir('scenario-files');
const exported = join(dir, 'g2p-small.json');
const RUN_OPTIONS = ['--minutes', '1', '--controller', 'greedy', '--seed', '7'];
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
let exportOut: BenchOutput;

/** Asserts a usage error: exit 2, one line on stderr, no stack trace. */
function expectOneLineError(out: BenchOutput, pattern: RegExp): void {
  expect(out.code, out.stderr).toBe(2);
  const lines = out.stderr.trim().split('\n');
  expect(lines, out.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(out.stderr).not.toMatch(/\n\s+at /);
}

describe('scenarios as files', () => {
  beforeAll(async () => {
    exportOut = await runBench(['export', 'warehouse/g2p-small', '--out', exported]);
  }, 30_000);

  it('bench export writes the registered spec as pretty JSON with a $schema reference first', async () => {
    expect(exportOut.code, exportOut.stderr).toBe(0);
    const text = readFileSync(exported, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toMatch(/^ {2}"\$schema": ".*scenario\.schema\.json",$/);
    const { $schema, ...spec } = JSON.parse(text);
    expect($schema).toMatch(/scenarios\/scenario\.schema\.json$/);
    expect(spec).toEqual(JSON.parse(JSON.stringify(scenarios['warehouse/g2p-small@1'])));
    const stdout = await runBench(['export', 'warehouse/g2p-small', '--schema-ref', './scenario.schema.json']);
    expect(stdout.code, stdout.stderr).toBe(0);
    expect(JSON.parse(stdout.stdout)).toEqual({ $schema: './scenario.schema.json', ...spec });
  }, 30_000);

  it('bench run <exported file> gives the same hash and KPIs as bench run <id>', async () => {
    const [fromFile, fromId] = await Promise.all([
      runBench(['run', exported, ...RUN_OPTIONS, '--json', join(dir, 'file.json')]),
      runBench(['run', 'warehouse/g2p-small', ...RUN_OPTIONS, '--json', join(dir, 'id.json')]),
    ]);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(fromId.code, fromId.stderr).toBe(0);
    const a = readJson(join(dir, 'file.json'));
    const b = readJson(join(dir, 'id.json'));
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(a).toMatchObject({ scenario: 'warehouse/g2p-small@1', seed: 7, controller: 'greedy', ticks: 1800 });
    expect(a.hash).toBe(b.hash);
    expect(a.kpis).toEqual(b.kpis);
  }, 60_000);

  it('an unreadable or malformed file is one line naming the file (and the parse position), exit 2', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "id": "warehouse/x@1",\n  "title": }\n');
    const noExt = join(dir, 'no-extension');
    writeFileSync(noExt, '[1, 2');
    const [badRun, missingRun, noExtRun, badCompare] = await Promise.all([
      runBench(['run', bad]),
      runBench(['run', join(dir, 'missing.json')]),
      runBench(['run', noExt]),
      runBench(['compare', '--a', 'greedy', '--b', 'reserve', '--scenario', bad, '--seeds', '2']),
    ]);
    expectOneLineError(badRun, /^error: scenario file .*bad\.json is not valid JSON at line 3, column 12 \(position 38\): Unexpected token '\}'$/);
    expectOneLineError(missingRun, /^error: cannot read scenario file .*missing\.json: no such file$/);
    expectOneLineError(noExtRun, /^error: scenario file .*no-extension is not valid JSON at line 1, column 6 \(position 5\): /);
    expectOneLineError(badCompare, /^error: scenario file .*bad\.json is not valid JSON at line 3/);
  }, 60_000);

  it('an invalid scenario file lists each bad field as path: reason, exit 2', async () => {
    const spec = readJson(exported);
    spec.fleet[0].count = 0;
    spec.physics.hz = 5;
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify(spec));
    const out = await runBench(['run', invalid, '--minutes', '1']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^error: invalid scenario .*invalid\.json:/);
    expect(out.stderr).toMatch(/^ {2}fleet\[0\]\.count: .+$/m);
    expect(out.stderr).toMatch(/^ {2}physics\.hz: .+$/m);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it("a suite names scenario files relative to the suite file; its runs equal the registered scenario's", async () => {
    const suiteDir = join(dir, 'suite');
    mkdirSync(join(suiteDir, 'scenarios'), { recursive: true });
    copyFileSync(exported, join(suiteDir, 'scenarios', 'small.json'));
    const suite = (id: string) => ({ name: 'files', scenarios: [{ id, robots: 4, minutes: 1 }], controllers: ['greedy'], seeds: [1] });
    const byFile = writeSuite(suiteDir, 'by-file.json', suite('scenarios/small.json'));
    const byId = writeSuite(suiteDir, 'by-id.json', suite('warehouse/g2p-small'));
    const missing = writeSuite(dir, 'missing-file.json', suite('scenarios/small.json'));
    const [a, b, c] = await Promise.all([
      runBench(['suite', byFile, '--out', join(suiteDir, 'out-file'), '--workers', '1']),
      runBench(['suite', byId, '--out', join(suiteDir, 'out-id'), '--workers', '1']),
      runBench(['suite', missing, '--out', join(dir, 'out-missing')]),
    ]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const ra = readJson(join(suiteDir, 'out-file', 'results.json')) as SuiteResults;
    const rb = readJson(join(suiteDir, 'out-id', 'results.json')) as SuiteResults;
    expect(ra.runs.map((r) => [r.status, r.scenario])).toEqual([['ok', 'warehouse/g2p-small@1']]);
    expect(ra.runs.map((r) => [r.key, r.hash])).toEqual(rb.runs.map((r) => [r.key, r.hash]));
    expectOneLineError(c, /^error: cannot read scenario file .*scenarios\/small\.json: no such file$/);
  }, 60_000);
});
