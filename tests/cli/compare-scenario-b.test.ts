import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTableMarkdown, type CompareJson } from '../../bench/analyse/compare/compare-table.ts';
import { scenarios } from '../../scenarios/index.ts';
import { runBench, tempDir } from '../bench/bench-process.ts';

const dir = tempDir('compare-scenario-b');

describe('bench compare --scenario-b: one controller, two sets of floor rules', () => {
  it('runs side B on the other scenario and records it in --json; the table heads the sides by scenario', async () => {
    const base = JSON.parse(JSON.stringify(scenarios['warehouse/g2p-small@1']));
    const variant = join(dir, 'batched.json');
    writeFileSync(variant, JSON.stringify({ ...base, id: 'test/g2p-small-batched@1', orders: { ...base.orders, batching: 'until-picked' } }));
    const json = join(dir, 'out.json');
    const out = await runBench([
      'compare',
      '--a',
      'greedy',
      '--b',
      'greedy',
      '--scenario',
      'warehouse/g2p-small',
      '--scenario-b',
      variant,
      '--robots',
      '2',
      '--minutes',
      '0.5',
      '--seeds',
      '2',
      '--workers',
      '1',
      '--out',
      join(dir, 'runs'),
      '--json',
      json,
    ]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('compare warehouse/g2p-small@1 (A) against test/g2p-small-batched@1 (B): 2 seeds each');
    const file = JSON.parse(readFileSync(json, 'utf8')) as CompareJson;
    expect([file.scenario, file.scenarioB, file.a, file.b]).toEqual(['warehouse/g2p-small@1', 'test/g2p-small-batched@1', 'greedy', 'greedy']);
    expect(compareTableMarkdown([file]).split('\n')[0]).toContain(
      '| `g2p-small` | `test/g2p-small-batched` | Welch p | `test/g2p-small-batched` vs `g2p-small` |',
    );
  }, 120_000);

  it('refuses the same controller on the same scenario', async () => {
    const out = await runBench(['compare', '--a', 'greedy', '--b', 'greedy', '--scenario', 'warehouse/g2p-small', '--seeds', '2']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--a and --b name the same controller/);
  }, 30_000);
});
