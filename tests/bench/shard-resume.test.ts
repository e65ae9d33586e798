import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SuiteResults } from '../../bench/analyse/report/results-file.ts';
import { runBench, startBench, tempDir, TINY_SCENARIO, writeSuite, type BenchOutput } from './bench-process.ts';

const dir = tempDir('shard');
const suite = writeSuite(dir, 'shards.json', {
  name: 'shards',
  scenarios: [TINY_SCENARIO],
  controllers: ['greedy', { label: 'worse', controller: './tests/fixtures/worse-controller.ts' }],
  seeds: [1, 2],
});
const read = (sub: string) => JSON.parse(readFileSync(join(dir, sub, 'results.json'), 'utf8')) as SuiteResults;
const essence = (r: SuiteResults) => r.runs.map((run) => ({ key: run.key, status: run.status, hash: run.hash, kpis: run.kpis }));
let whole: BenchOutput;
/**
 * The isolated controller's decide() budget is wall-clock: on a CI machine running other test files
 * beside these four bench processes, a stall past the budget would stop a controller and change a run. This test is
 * about shards and resume, so it gives the budget room (the budget itself is tested in tests/trust).
 */
const ROOMY = ['--controller-budget-ms', '60000'];

describe('bench suite: shards, merge and resume', () => {
  beforeAll(async () => {
    whole = await runBench(['suite', suite, '--out', join(dir, 'whole'), '--workers', '2', ...ROOMY]);
  }, 120_000);

  it('shards 1/3, 2/3 and 3/3 merged equal the unsharded results (same keys, hashes and KPIs)', async () => {
    expect(whole.code, whole.stderr).toBe(0);
    const shards = await Promise.all([
      runBench(['suite', suite, '--out', join(dir, 's1'), '--shard', '1/3', '--workers', '1', ...ROOMY]),
      runBench(['suite', suite, '--out', join(dir, 's2'), '--workers', '1', ...ROOMY], { JOB_COMPLETION_INDEX: '1', BENCH_SHARD_COUNT: '3' }),
      runBench(['suite', suite, '--out', join(dir, 's3'), '--shard', '3/3', '--workers', '1', ...ROOMY]),
    ]);
    for (const s of shards) expect(s.code, s.stderr).toBe(0);
    const parts = ['s1', 's2', 's3'].map(read);
    expect(parts.map((p) => p.shard)).toEqual([
      { index: 1, total: 3 },
      { index: 2, total: 3 },
      { index: 3, total: 3 },
    ]);
    expect(parts.map((p) => p.runs.length)).toEqual([2, 1, 1]);
    const merged = await runBench(['merge', join(dir, 's1'), join(dir, 's2'), join(dir, 's3'), '--out', join(dir, 'merged')]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(essence(read('merged'))).toEqual(essence(read('whole')));
    expect(read('merged').runs).toHaveLength(4);
    const partial = await runBench(['merge', join(dir, 's1'), join(dir, 's3'), '--out', join(dir, 'partial')]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/merged 3 of 4 runs/);
  }, 120_000);

  it('--resume after a kill runs only the missing runs and ends with the same results', async () => {
    const out = join(dir, 'killed');
    const log = join(out, 'runs.jsonl');
    const child = startBench(['suite', suite, '--out', out, '--workers', '1', ...ROOMY]);
    // Finished runs only: the log also marks each run's start (`{"started": key}`).
    const lines = () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter((l) => l && !l.startsWith('{"started"')).length
        : 0;
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (lines() >= 1) {
          clearInterval(poll);
          child.kill('SIGKILL');
          done();
        }
      }, 25);
    });
    await new Promise((done) => child.on('close', done));
    const finishedBeforeKill = lines();
    expect(finishedBeforeKill).toBeGreaterThanOrEqual(1);
    expect(finishedBeforeKill).toBeLessThan(4);
    expect(existsSync(join(out, 'results.json'))).toBe(false);
    const resumed = await runBench(['suite', suite, '--out', out, '--resume', '--workers', '2', ...ROOMY]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(`resume: ${finishedBeforeKill} of 4 runs already finished, running ${4 - finishedBeforeKill}`);
    expect(resumed.stdout.match(/^\[\d+\/\d+\] ok /gm)).toHaveLength(4 - finishedBeforeKill);
    expect(lines()).toBe(4);
    expect(essence(read('killed'))).toEqual(essence(read('whole')));
  }, 120_000);
});
