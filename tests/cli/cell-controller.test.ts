import { describe, expect, it } from 'vitest';
import { runBench } from '../bench/bench-process.ts';

describe('bench run --cell-controller', () => {
  it('names the cell controller in the summary, and refuses one for a scenario without arms (exit 2, one line)', async () => {
    const [line, warehouse] = await Promise.all([
      runBench(['run', 'production/assembly-line', '--minutes', '0.5', '--cell-controller', 'pick-place']),
      runBench(['run', 'warehouse/g2p-small', '--minutes', '0.5', '--cell-controller', 'pick-place']),
    ]);
    expect(line.code, line.stderr).toBe(0);
    expect(line.stdout).toMatch(/^cell controller\s+pick-place$/m);
    expect(warehouse.code).toBe(2);
    expect(warehouse.stderr.trim().split('\n')).toEqual(['error: --cell-controller pick-place: scenario warehouse/g2p-small@1 has no arms to control']);
  }, 60_000);
});
