import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench, tempDir } from '../bench/bench-process.ts';

describe("suite and sweep files from the user's own folder", () => {
  it("a suite file named relative to the shell's folder (npm run passes it as INIT_CWD) writes its results and baseline beside itself", async () => {
    const home = tempDir('user-suite');
    writeFileSync(
      join(home, 'mine.json'),
      JSON.stringify({ name: 'mine', scenarios: [{ id: 'warehouse/g2p-small', robots: 3, minutes: 0.5 }], controllers: ['greedy'], seeds: [1] }),
    );
    const out = await runBench(['suite', 'mine.json', '--update-baseline', '--workers', '1'], { INIT_CWD: home });
    expect(out.code, out.stderr).toBe(0);
    expect(existsSync(join(home, 'bench-results', 'mine', 'results.json'))).toBe(true);
    expect(existsSync(join(home, 'mine.baseline.json'))).toBe(true);
    const gated = await runBench(['suite', 'mine.json', '--baseline', 'mine.baseline.json', '--strict-hash', '--workers', '1', '--json', 'mine-results.json'], {
      INIT_CWD: home,
    });
    expect(gated.code, gated.stderr).toBe(0);
    // --json is the suite's results.json, beside the user's files.
    const copied = JSON.parse(readFileSync(join(home, 'mine-results.json'), 'utf8')) as { suite: string; runs: Array<{ controller: string; hash: string }> };
    expect(copied).toEqual(JSON.parse(readFileSync(join(home, 'bench-results', 'mine', 'results.json'), 'utf8')));
    expect(copied.suite).toBe('mine');
    expect(copied.runs.map((r) => r.controller)).toEqual(['greedy']);
    expect(copied.runs[0]!.hash).toMatch(/^[0-9a-f]{16}$/);
  }, 120_000);

  it('a misspelt key in a suite or sweep file, and --strict-hash without a baseline, stop with exit 2 and one line naming them', async () => {
    const dir = tempDir('strict-files');
    writeFileSync(
      join(dir, 'typo.json'),
      JSON.stringify({ name: 'typo', scenarios: [{ id: 'warehouse/g2p-small', minute: 3 }], controllers: ['greedy'], seeds: [1], seed: 2 }),
    );
    writeFileSync(
      join(dir, 'sweep.json'),
      JSON.stringify({
        name: 'typo',
        seeds: [1, 2],
        minutes: 1,
        grid: { robots: [2], blockColumns: [4], aisles: [4], stations: [4], robot: [3] },
        extra: true,
      }),
    );
    const [suite, sweep, strict] = await Promise.all([
      runBench(['suite', 'typo.json'], { INIT_CWD: dir }),
      runBench(['sweep', 'sweep.json'], { INIT_CWD: dir }),
      runBench(['suite', 'ci', '--strict-hash']),
    ]);
    expect(suite.code).toBe(2);
    expect(suite.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^error: suite file .*typo\.json: scenarios\.0: Unrecognized key: "minute"; \(root\): Unrecognized key: "seed"$/),
    ]);
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toMatch(
      /^error: sweep file sweep\.json: .*Unrecognized key: "extra".*grid: Unrecognized key: "robot"|^error: sweep file sweep\.json: .*grid: Unrecognized key: "robot".*Unrecognized key: "extra"/m,
    );
    expect(strict.code).toBe(2);
    expect(strict.stderr).toMatch(/^error: --strict-hash compares against a baseline/m);
  }, 120_000);
});
