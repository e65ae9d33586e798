import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.ts';

const bench = (...args: string[]) => spawnSync('npx', ['tsx', 'bench/cli/cli.ts', ...args], { encoding: 'utf8' });

describe('bench run', () => {
  it('prints a KPI table and writes the JSON result', () => {
    const out = join(tempDir('run'), 'r.json');
    const res = bench('run', 'warehouse/g2p-small', '--seed', '7', '--controller', 'greedy', '--minutes', '3', '--json', out);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/orders delivered\s+\d+ \(released \d+, lines picked \d+\)/);
    expect(res.stdout).toMatch(/state hash\s+[0-9a-f]{16}/);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    for (const key of ['scenario', 'seed', 'controller', 'robots', 'ticks', 'hash', 'wallSec', 'realTimeFactor', 'kpis']) expect(json).toHaveProperty(key);
    for (const key of ['ordersDelivered', 'throughputPerHour', 'cycleTimeP50Sec', 'cycleTimeP95Sec', 'utilisation', 'distanceM', 'collisions'])
      expect(json.kpis).toHaveProperty(key);
    expect(json.kpis.collisions).toHaveProperty('robotRobot');
    expect(json.kpis.collisions).toHaveProperty('robotStatic');
    // The metadata section: the headline KPI (orders/h for a warehouse) and every figure's meaning, with the values in kpis.
    expect(json.headline).toEqual([
      expect.objectContaining({ key: 'throughputPerHour', title: 'throughput', unit: 'orders/h', better: 'higher', value: json.kpis.throughputPerHour }),
    ]);
    expect(json.kpiMeta).toContainEqual(
      expect.objectContaining({ key: 'utilisation', unit: '%', format: { digits: 1, percent: true }, value: json.kpis.utilisation }),
    );
    expect(json.things).toMatchObject({ robot: 20, station: 4 });
    expect(json).toMatchObject({ scenario: 'warehouse/g2p-small@1', seed: 7, controller: 'greedy', robots: 20, ticks: 5400 });
    expect(json.kpis.ordersDelivered).toBeGreaterThan(0);
    expect(res.stdout).toContain(json.hash);
  });

  it('honours --robots and --minutes', () => {
    const out = join(tempDir('run'), 'r.json');
    const res = bench('run', 'warehouse/g2p-small', '--robots', '26', '--minutes', '0.5', '--json', out);
    expect(res.status).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ robots: 26, ticks: 900 });
  });

  it('rejects an unknown scenario with one line listing the valid ones, exit 2', () => {
    const res = bench('run', 'warehouse/nope');
    expect(res.status).toBe(2);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: unknown scenario "warehouse\/nope"; valid scenarios: .*warehouse\/g2p-small/);
  });

  it('rejects an unknown controller with one line listing the valid ones, exit 2', () => {
    const res = bench('run', 'warehouse/g2p-small', '--controller', 'magic');
    expect(res.status).toBe(2);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: unknown controller "magic"; valid controllers: .*greedy/);
  });
});
