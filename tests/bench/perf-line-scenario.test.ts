import { describe, expect, it } from 'vitest';
import { runBench } from './bench-process.ts';

/**
 * `bench perf --scenario` is the robot table (every tick, replayed on bare Rapier); a line without
 * robots there once ran out of memory after minutes. It is refused at once, pointing at `--line`.
 */
describe('bench perf --scenario with a line that has no robots', () => {
  it('exits 2 naming the scenario and --line, before measuring anything', async () => {
    const started = Date.now();
    const out = await runBench(['perf', '--scenario', 'production/flow-line']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--scenario production/flow-line: it has no robots');
    expect(out.stderr).toContain('--line production/flow-line');
    expect(out.stderr).not.toMatch(/\n\s+at /);
    expect(out.stdout).not.toMatch(/robots\s+RTF/);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);
});
