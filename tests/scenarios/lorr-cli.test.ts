import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeReplay } from '../../sim/index.ts';
import { runBench, tempDir } from '../bench/bench-process.ts';

/** `bench run --import` of a real Start-Kit problem honours every run option; the examples table. */
const MAZE = 'tests/fixtures/lorr/maze.domain/maze-example_40.json';

describe('bench run --import with a LoRR problem', () => {
  it('writes --json (with LoRR rates), --events and --replay, all from the same run', async () => {
    const dir = tempDir('lorr-cli');
    const [json, events, replay] = ['r.json', 'e.jsonl', 'r.tfr'].map((f) => join(dir, f)) as [string, string, string];
    const out = await runBench(['run', '--import', MAZE, '--controller', 'pibt', '--minutes', '0.5', '--json', json, '--events', events, '--replay', replay]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/LoRR: \d+ tasks and \d+ errands finished/);
    expect(out.stdout).toContain('1 execution tick = that / agentCounter 3 = 0.1852 s');
    const result = JSON.parse(readFileSync(json, 'utf8')) as {
      scenario: string;
      robots: number;
      hash: string;
      importSec: number;
      lorr: { tasksFinished: number; errandsReached: number; lorrTicks: number; agentCounter: number };
    };
    expect(result.scenario).toBe('import/lorr-maze-example-40@1');
    expect(result.robots).toBe(40);
    expect(result.lorr.agentCounter).toBe(3);
    expect(result.lorr.lorrTicks).toBeCloseTo(30 / (1 / 1.8 / 3), 6);
    const lines = readFileSync(events, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    expect(lines.filter((e) => e.type === 'errand.reached').length).toBe(result.lorr.errandsReached);
    const decoded = decodeReplay(new Uint8Array(readFileSync(replay)));
    expect(decoded.trailer.hash).toBe(result.hash);
    expect(decoded.events.length).toBe(lines.length);
  }, 120_000);

  it('a newer version warns and runs; a bad key is refused naming file, line and key (exit 2)', async () => {
    const dir = tempDir('lorr-cli-version');
    cpSync('tests/fixtures/lorr/maze.domain', dir, { recursive: true });
    const problem = join(dir, 'maze-example_40.json');
    const text = readFileSync(problem, 'utf8');
    writeFileSync(problem, text.replace('"2026 LoRR"', '"2027 LoRR"').replace('"agentSize": 1.0,', '"agentSize": 1.0,\n    "robotSkin": "blue",'));
    const warned = await runBench(['run', '--import', problem, '--minutes', '0.1']);
    expect(warned.code, warned.stderr).toBe(0);
    expect(warned.stderr).toContain(`warning: ${problem}:7: version "2027 LoRR" is newer than the formats this importer knows`);
    expect(warned.stderr).toContain('unknown key "robotSkin" ignored');
    writeFileSync(problem, text.replace('"eventModel": "bernoulli"', '"eventModel": "binomial"'));
    const refused = await runBench(['run', '--import', problem, '--minutes', '0.1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${problem}:14: delayConfig.eventModel must be "bernoulli" or "poisson", got "binomial"`);
    expect(refused.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }, 120_000);

  it('export --import writes the imported problem as a scenario file (for perf at its scale); a scenario id and --import together are refused', async () => {
    const out = await runBench(['export', '--import', 'tests/fixtures/lorr/maze.domain/maze-example_40.json', '--robots', '12']);
    expect(out.code, out.stderr).toBe(0);
    const spec = JSON.parse(out.stdout) as { id: string; fleet: Array<{ count: number }> };
    expect(spec.id).toBe('import/lorr-maze-example-40@1');
    expect(spec.fleet.reduce((n, f) => n + f.count, 0)).toBe(12);
    const both = await runBench(['export', 'warehouse/g2p-small', '--import', 'tests/fixtures/lorr/maze.domain/maze-example_40.json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give either a scenario id or --import FILE');
  }, 120_000);

  it('lorr-examples prints one table row per problem found', async () => {
    const out = await runBench(['lorr-examples', '--dir', 'tests/fixtures/lorr', '--only', 'maze,room', '--minutes', '0.1']);
    expect(out.code, out.stderr).toBe(0);
    const rows = out.stdout.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| example'));
    expect(
      rows.map((r) =>
        r
          .split('|')
          .slice(1, 4)
          .map((c) => c.trim()),
      ),
    ).toEqual([
      ['maze-example_40', '40', '32×32'],
      ['room-example_150', '150', '64×64'],
    ]);
    for (const r of rows) expect(r).toMatch(/\| \d+(\.\d)?→\d+(\.\d)? \| ok \|$/);
    expect(out.stdout).toMatch(/^Machine: \d+ × .+, \d+ GB; 0\.1 simulated min per example, controller pibt;/m);
  }, 180_000);
});
