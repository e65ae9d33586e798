import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../../scenarios/index.ts';
import { runBench, tempDir } from '../bench/bench-process.ts';

const dir = tempDir('validate');
const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
};
const registered = () => JSON.parse(JSON.stringify(scenarios['warehouse/g2p-small@1'])) as Record<string, any>;

describe('bench list', () => {
  it('prints every registered scenario: id@version, title and what it stresses', async () => {
    const out = await runBench(['list']);
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id\s+title\s+stresses$/);
    const specs = Object.values(scenarios).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(lines.slice(1)).toHaveLength(specs.length);
    for (const [i, spec] of specs.entries()) {
      const line = lines[i + 1]!;
      expect(line.startsWith(`${spec.id} `)).toBe(true);
      expect(line).toContain(`  ${spec.title}  `);
      const stresses = (spec as { stresses?: string }).stresses;
      expect(stresses, `${spec.id} has no stresses phrase`).toMatch(/\S/);
      expect(line.endsWith(stresses!)).toBe(true);
    }
    expect(out.stdout).toMatch(/^warehouse\/g2p-small@1 .*order flow through 4 stations/m);
    expect(out.stdout).toMatch(/^warehouse\/g2p-large@1 .*1000 robots: planner and physics scale/m);
  }, 30_000);
});

describe('bench validate', () => {
  it('a valid file (or registered id): "ok: <id> is a valid scenario", exit 0', async () => {
    const file = write('valid.json', { $schema: './scenario.schema.json', ...registered() });
    const [fromFile, fromId] = await Promise.all([runBench(['validate', file]), runBench(['validate', 'warehouse/g2p-medium'])]);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(fromFile.stdout.trim()).toBe('ok: warehouse/g2p-small@1 is a valid scenario');
    expect(fromId.code, fromId.stderr).toBe(0);
    expect(fromId.stdout.trim()).toBe('ok: warehouse/g2p-medium@1 is a valid scenario');
  }, 30_000);

  it('reports every problem at once, one `path: reason` a line, exit 2', async () => {
    const spec = registered();
    spec.orders.ratePerHuor = spec.orders.ratePerHour;
    delete spec.orders.ratePerHour;
    spec.fleet[0].count = 0;
    spec.physics.hz = 5;
    spec.horizonSec = -1;
    const out = await runBench(['validate', write('invalid.json', spec)]);
    expect(out.code, out.stderr).toBe(2);
    const lines = out.stdout.trim().split('\n');
    for (const line of lines) expect(line).toMatch(/^[\w$.[\]]+: \S.*$/);
    expect(lines).toContain('orders.ratePerHuor: unknown key; did you mean ratePerHour?');
    expect(lines.some((l) => l.startsWith('fleet[0].count: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('physics.hz: '))).toBe(true);
    expect(lines.some((l) => l.startsWith('horizonSec: '))).toBe(true);
    expect(lines, 'three independent errors and one unknown key: four lines').toHaveLength(4);
    expect(out.stderr.trim()).toMatch(/^error: .*invalid\.json is not a valid scenario: 4 problems$/);
  }, 30_000);

  it("names four independent problems at once, a kind's own check included: misspelt key, bad layout character, negative horizon, unknown robot model", async () => {
    const spec = registered();
    spec.seeed = spec.seed;
    delete spec.seed;
    const rows = spec.layout.rows as string[];
    rows[2] = `${rows[2]!.slice(0, 3)}?${rows[2]!.slice(4)}`;
    spec.horizonSec = -60;
    spec.fleet[0].model = 'shelf-lifer';
    const out = await runBench(['validate', write('four-problems.json', spec)]);
    expect(out.code, out.stderr).toBe(2);
    expect(out.stdout.trim().split('\n').sort()).toEqual([
      'fleet[0].model: unknown robot model "shelf-lifer"; known: shelf-lifter, tote-carrier',
      expect.stringMatching(/^horizonSec: /),
      expect.stringMatching(/^layout\.rows\[2\]\[3\]: unknown layout character "\?"/),
      'seeed: unknown key; did you mean seed?',
    ]);
    expect(out.stderr.trim()).toMatch(/^error: .*four-problems\.json is not a valid scenario: 4 problems$/);
    // Alone, the unknown model is named once (by the kind's compile, not twice).
    const alone = registered();
    alone.fleet[0].model = 'shelf-lifer';
    const single = await runBench(['validate', write('unknown-model.json', alone)]);
    expect(single.code).toBe(2);
    expect(single.stdout.trim().split('\n')).toEqual(['fleet[0].model: unknown robot model "shelf-lifer"; known: shelf-lifter, tote-carrier']);
  }, 60_000);

  it('a semantic problem (a robot spawned on a rack pod) is reported with its path', async () => {
    const spec = registered();
    const row = (spec.layout.rows as string[]).findIndex((r) => r.includes('R'));
    spec.fleet[0].spawnCells = [{ row, col: (spec.layout.rows as string[])[row]!.indexOf('R') }];
    spec.fleet[0].count = 1;
    const out = await runBench(['validate', write('on-pod.json', spec)]);
    expect(out.code).toBe(2);
    expect(out.stdout).toMatch(/^fleet\[0\]\.spawnCells\[0\]: .*rack pod/m);
  }, 30_000);

  it('malformed JSON is one line with the position, exit 2', async () => {
    const out = await runBench(['validate', write('broken.json', '{ "id": "a/b@1", }')]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^error: scenario file .*broken\.json is not valid JSON at line 1, column 18 \(position 17\): /),
    ]);
  }, 30_000);
});
