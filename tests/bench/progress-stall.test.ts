import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../bench/run/run-scenario.ts';
import { runBench, tempDir, writeSuite } from './bench-process.ts';

const dir = tempDir('stall');
const STALLING = './tests/fixtures/controllers/stalling-controller.ts';
const run = { scenario: 'warehouse/g2p-small', seed: 3, overrides: { robots: 4, minutes: 12 } } as const;

describe('progress watchdog', () => {
  it('a controller that stops sending commands stalls the work: progress.stalled names the waiting orders and the still robots; a healthy run has none', async () => {
    const stalled = await runScenario({ ...run, controller: STALLING, isolation: 'thread' });
    const s = stalled.failures.stalled!;
    expect(s, 'a stall was reported').toBeDefined();
    expect(s.waiting.orders).toBeGreaterThan(0);
    expect(s.stalledSec).toBeGreaterThanOrEqual(300);
    expect(s.sinceTick).toBeLessThanOrEqual(180 * 30 + 60 * 30);
    expect(s.stillRobots).toEqual([0, 1, 2, 3]);
    const healthy = await runScenario({ ...run, controller: 'greedy' });
    expect(healthy.failures.stalled).toBeUndefined();
  }, 120_000);

  it('bench run exits 5 with a STALLED row; a suite fails the group with a stalled verdict in summary and JUnit', async () => {
    const out = await runBench(['run', 'warehouse/g2p-small', '--seed', '3', '--robots', '4', '--minutes', '12', '--controller', STALLING]);
    expect(out.code, out.stderr).toBe(5);
    expect(out.stdout).toMatch(/^STALLED\s+nothing delivered from tick \d+ for \d+ s .* while \d+ orders waited; 4 robots had not moved/m);
    const suite = writeSuite(dir, 'stall.json', {
      name: 'stall',
      scenarios: [{ id: 'warehouse/g2p-small', robots: 4, minutes: 12 }],
      controllers: [STALLING],
      seeds: [3],
    });
    const outDir = join(dir, 'out');
    const gated = await runBench(['suite', suite, '--out', outDir, '--workers', '1']);
    expect(gated.code, gated.stderr).toBe(1);
    expect(readFileSync(join(outDir, 'summary.md'), 'utf8')).toContain('❌ stalled');
    expect(readFileSync(join(outDir, 'junit.xml'), 'utf8')).toMatch(/<failure message="[^"]*progress stalled[^"]*" type="stalled">/);
  }, 180_000);
});
